// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing
@testable import SuijiTabular

@Suite struct SheetTests {
    @Test func loadsCSVSkippingBlankRowsButKeepingNumbers() throws {
        let csv = "\u{FEFF}\n 企业名称 ,\u{3000}信用代码\u{200B},备注\n甲,001,\n,,\n乙,002,x\n"
        let sheet = try TabularSheet.load(Data(csv.utf8))
        #expect(sheet.format == .csv(.utf8WithBOM))
        #expect(sheet.header == ["企业名称", "信用代码", "备注"])
        #expect(sheet.headerRowNumber == 2)
        #expect(sheet.rows.map(\.number) == [3, 5])
        let map = try sheet.columnIndexes(required: ["信用代码", "企业名称"], optional: ["备注", "地址"])
        #expect(map == ["信用代码": 1, "企业名称": 0, "备注": 2])
    }

    @Test func loadsXLSXByMagic() throws {
        let data = try TabularXLSXWriter.encode([
            .init(name: "A", rows: [["x"], ["1"]]),
            .init(name: "B", rows: [["名称", "代码"], ["甲", "0012"]]),
        ])
        let first = try TabularSheet.load(data)
        #expect(first.format == .xlsx)
        #expect(first.name == "A")
        let named = try TabularSheet.load(data, sheetName: "B")
        #expect(named.header == ["名称", "代码"])
        #expect(named.rows == [TabularRow(number: 2, fields: ["甲", "0012"])])
    }

    @Test func headerErrors() throws {
        let sheet = try TabularSheet.load(Data("名称,代码,名称,其他,其他\n".utf8))
        #expect(throws: TabularError.missingHeaders(["地址", "电话"])) {
            try sheet.columnIndexes(required: ["名称", "地址", "电话"])
        }
        #expect(throws: TabularError.duplicateHeaders(["名称"])) {
            try sheet.columnIndexes(required: ["代码", "名称"])
        }
        // Duplicates of columns nobody asked for are fine.
        #expect(try sheet.columnIndexes(required: ["代码"]) == ["代码": 1])
        #expect(TabularError.missingHeaders(["地址", "电话"]).message == "缺少必需的列：地址、电话")
    }

    @Test func emptyAndLegacyInputs() {
        #expect(throws: TabularError.emptySheet) { try TabularSheet.load(Data("\n,,\n".utf8)) }
        #expect(throws: TabularError.legacyExcelFormat) {
            try TabularSheet.load(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        }
    }

    @Test func rowSubscriptPads() {
        let row = TabularRow(number: 7, fields: ["a"])
        #expect(row[0] == "a")
        #expect(row[3] == "")
    }
}
