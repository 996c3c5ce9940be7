// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing
@testable import SuijiTabular

func fixture(_ name: String) throws -> Data {
    let dir = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    return try Data(contentsOf: dir.appendingPathComponent(name))
}

@Suite struct XLSXTests {
    @Test func writerReaderRoundTripSeveralSheets() throws {
        let first: [[String]] = [
            ["统一社会信用代码", "企业名称", "备注", "金额"],
            ["0012", "A & B <公司> \"引号\" '单引号'", "", "12.0"],
            ["91110000100000000X", "", "中间为空", ""],
            ["  前后空格  ", "多行\r\n文本\n", "_x000D_ 字面量", "tab\there"],
            ["控制字符\u{1}\u{8}被去掉", "😀", "=1+2", "TRUE"],
        ]
        let second: [[String]] = [["名称"], ["第二页内容"]]
        var writer = TabularXLSXWriter()
        writer.addSheet(name: "抽查结果", rows: first)
        writer.addSheet(name: "第二页", rows: second, boldHeader: false)
        writer.addSheet(name: "空表", rows: [])
        let data = try writer.write()
        #expect(data.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]))

        let reader = try TabularXLSXReader(data: data)
        #expect(reader.sheetNames == ["抽查结果", "第二页", "空表"])
        let rows = try reader.readAllRows()
        #expect(rows.map(\.number) == [1, 2, 3, 4, 5])
        var expected = first
        expected[1] = ["0012", "A & B <公司> \"引号\" '单引号'", "", "12.0"]
        expected[2] = ["91110000100000000X", "", "中间为空"]  // trailing empty cell is missing
        expected[4][0] = "控制字符被去掉"
        #expect(rows.map(\.fields) == expected)
        #expect(rows[2][3] == "")
        #expect(try reader.readAllRows(sheet: "第二页").map(\.fields) == second)
        #expect(try reader.readAllRows(sheet: "空表").isEmpty)
        #expect(throws: TabularError.sheetNotFound(name: "不存在")) {
            try reader.readAllRows(sheet: "不存在")
        }
    }

    @Test func sheetNamesAreSanitized() {
        let names = TabularXLSXWriter.sanitizedSheetNames(
            ["a/b", "", "Sheet", "sheet", String(repeating: "长", count: 40), "'x'"])
        #expect(names[0] == "a_b")
        #expect(names[1] == "Sheet2")
        #expect(names[2] == "Sheet")
        #expect(names[3] == "sheet (2)")
        #expect(names[4].count == 31)
        #expect(names[5] == "x")
    }

    /// openpyxl writes inline strings; LibreOffice's re-save of the same file uses shared strings.
    @Test(arguments: ["openpyxl_fixture.xlsx", "libreoffice_fixture.xlsx"])
    func openpyxlAndLibreOfficeFixtures(file: String) throws {
        let reader = try TabularXLSXReader(data: try fixture(file))
        #expect(reader.sheetNames == ["企业名单", "第二页"])
        let rows = try reader.readAllRows()
        #expect(rows.map(\.number) == [1, 2, 3, 4, 6])
        #expect(rows[0].fields == ["统一社会信用代码", "企业名称", "注册资本", "备注", "是否抽中"])
        #expect(rows[1].fields == ["91110000100000000X", "北京某某科技有限公司", "12", "A & B <c> \"q\" 'a'", "TRUE"])
        #expect(rows[2].fields == ["0012", "上海某某贸易有限公司", "12.5", "", "FALSE"])
        #expect(rows[3].fields == ["  前后空格  ", "富文本普通斜体", "3", "多行\n文本"])
        #expect(rows[4].fields == ["最后一行", "", "1234567890123"])
        #expect(try reader.readAllRows(sheet: "第二页").map(\.fields) == [["名称"], ["", "值"]])
    }

    @Test func excelStyleFixtureWithSharedStrings() throws {
        let reader = try TabularXLSXReader(data: try fixture("excel_style_fixture.xlsx"))
        #expect(reader.sheetNames == ["检查结果", "Other"])
        #expect(reader.sheets[0].partPath == "xl/worksheets/sheet2.xml")
        #expect(reader.sharedStrings.count == 7)
        let rows = try reader.readAllRows()
        #expect(rows.map(\.number) == [1, 2, 4, 5])
        #expect(rows[0].fields == ["企业名称", "信用代码", " 结果 ", "2024"])
        #expect(rows[1].fields == ["合格 & 整改", "0012", "3", "#N/A"])  // rich text, phonetic dropped
        #expect(rows[2].fields == ["第一行\r\n第二行", "", "ab"])  // _x000D_ decoded
        #expect(rows[3].fields == ["", "1500", "45292"])  // trailing empty string dropped
        // Cells and rows without references are placed sequentially.
        #expect(try reader.readAllRows(sheet: "Other").map(\.fields) == [["1", "无引用"], ["TRUE"]])
        #expect(try reader.readAllRows(sheet: "Other").map(\.number) == [1, 2])
    }

    @Test func numberDisplay() {
        #expect(TabularNumberText.display("12") == "12")
        #expect(TabularNumberText.display("12.0") == "12")
        #expect(TabularNumberText.display("-3.000") == "-3")
        #expect(TabularNumberText.display("12.50") == "12.50")
        #expect(TabularNumberText.display("1.5E+3") == "1500")
        #expect(TabularNumberText.display("9.1110000100000006E+17") == "9.1110000100000006E+17")
        #expect(TabularNumberText.display("1E-3") == "1E-3")
    }

    @Test func xmlEntitiesDecode() {
        let xml = Array("a&amp;b&lt;&gt;&quot;&apos;&#20013;&#x6587;&unknown;_x0041__x00zz_".utf8)
        let text = xml.withUnsafeBufferPointer { TabularXMLText.decode($0, $0.indices) }
        #expect(text == "a&b<>\"'中文&unknown;A_x00zz_")
    }

    @Test func garbageIsInvalidWorkbook() {
        #expect(throws: TabularError.self) {
            try TabularXLSXReader(data: Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]))
        }
    }

    @Test func oversizedPartIsRejected() throws {
        let data = try TabularXLSXWriter.encode([.init(name: "S", rows: [[String(repeating: "x", count: 5000)]])])
        let reader = try TabularXLSXReader(data: data, maxPartBytes: 4000)
        #expect(throws: TabularError.self) { try reader.readAllRows() }
    }

    @Test func cellReferences() {
        #expect(TabularCellReference.columnName(0) == "A")
        #expect(TabularCellReference.columnName(25) == "Z")
        #expect(TabularCellReference.columnName(26) == "AA")
        #expect(TabularCellReference.columnName(16383) == "XFD")
        #expect(TabularCellReference.columnIndex("XFD1048576") == 16383)
        #expect(TabularCellReference.columnIndex("b3") == 1)
        #expect(TabularCellReference.columnIndex("12") == nil)
    }
}
