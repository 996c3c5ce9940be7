// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing
@testable import SuijiTabular

@Suite struct CSVWriterTests {
    @Test func bomCRLFAndMinimalQuoting() {
        let data = TabularCSVWriter.encode([["a", "b,c", "d\"e"], ["中文", " x", "y "], ["", "1\n2", "0012"]])
        let expected = "\u{FEFF}a,\"b,c\",\"d\"\"e\"\r\n中文,\" x\",\"y \"\r\n,\"1\n2\",0012\r\n"
        #expect(data == Data(expected.utf8))
    }

    @Test func withoutBOM() {
        #expect(TabularCSVWriter.encode([["x"]], includeBOM: false) == Data("x\r\n".utf8))
    }

    @Test func roundTripTrickyValues() throws {
        let rows: [[String]] = [
            ["统一社会信用代码", "企业名称", "备注"],
            ["91110000100000000X", "北京\"某某\"公司", "a,b,c"],
            ["0012", "多行\r\n文本\n再一行\r", ""],
            ["", "", ""],
            ["  前导空格", "尾随空格  ", "\t制表"],
            ["😀 emoji", "=SUM(A1)", "\"\""],
            ["仅一列"],
        ]
        var writer = TabularCSVWriter()
        writer.writeRows(rows)
        let reader = try TabularCSVReader(data: writer.data)
        #expect(reader.encoding == .utf8WithBOM)
        let back = try reader.readAllRows()
        #expect(back.map(\.fields) == rows)
        #expect(back.map(\.number) == Array(1...rows.count))
    }
}
