// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing
@testable import SuijiTabular

func csvRows(_ text: String) throws -> [TabularRow] {
    try TabularCSVReader(bytes: Array(text.utf8)).readAllRows()
}

@Suite struct CSVReaderTests {
    @Test func simpleLF() throws {
        let rows = try csvRows("名称,代码\n甲,001\n乙,002\n")
        #expect(
            rows == [
                TabularRow(number: 1, fields: ["名称", "代码"]),
                TabularRow(number: 2, fields: ["甲", "001"]),
                TabularRow(number: 3, fields: ["乙", "002"]),
            ])
    }

    @Test func crlfAndNoTrailingNewline() throws {
        let rows = try csvRows("a,b\r\nc,d\r\ne,f")
        #expect(rows.map(\.fields) == [["a", "b"], ["c", "d"], ["e", "f"]])
        #expect(rows.map(\.number) == [1, 2, 3])
    }

    @Test func bomAndGB18030Inputs() throws {
        let bom = try TabularCSVReader(bytes: [0xEF, 0xBB, 0xBF] + Array("中文,x\r\n".utf8))
        #expect(bom.encoding == .utf8WithBOM)
        #expect(try bom.readAllRows().map(\.fields) == [["中文", "x"]])
        let gb = try TabularCSVReader(data: Data([0xD6, 0xD0, 0xCE, 0xC4, 0x2C, 0x31, 0x0D, 0x0A]))
        #expect(gb.encoding == .gb18030)
        #expect(try gb.readAllRows().map(\.fields) == [["中文", "1"]])
    }

    @Test func quotedFieldsAndEscapes() throws {
        let rows = try csvRows("\"a,b\",\"say \"\"hi\"\"\",\"\"\n\"\"\"\",x\n")
        #expect(rows.map(\.fields) == [["a,b", "say \"hi\"", ""], ["\"", "x"]])
    }

    @Test func embeddedNewlinesKeepExcelRowNumbers() throws {
        let rows = try csvRows("h1,h2\n\"line1\nline2\",x\n\"a\r\nb\",y\nlast,z\n")
        #expect(rows.map(\.number) == [1, 2, 3, 4])
        #expect(rows[1].fields == ["line1\nline2", "x"])
        #expect(rows[2].fields == ["a\r\nb", "y"])
        #expect(rows[3].fields == ["last", "z"])
    }

    @Test func emptyFieldsAndBlankLines() throws {
        let rows = try csvRows(",,\na,,b\n\nc,\n")
        #expect(rows.map(\.fields) == [["", "", ""], ["a", "", "b"], [""], ["c", ""]])
        #expect(rows.map(\.number) == [1, 2, 3, 4])
        #expect(rows[2].isBlank)
    }

    @Test func onlyOneTrailingEmptyLineIsIgnored() throws {
        #expect(try csvRows("a\n").count == 1)
        #expect(try csvRows("a\r\n").count == 1)
        #expect(try csvRows("").isEmpty)
        #expect(try csvRows("a\n\n").count == 2)
    }

    @Test func lenientStrayQuotes() throws {
        let rows = try csvRows("ab\"c,\"x\"y,z\n")
        #expect(rows[0].fields == ["ab\"c", "xy", "z"])
    }

    @Test func unterminatedQuoteReportsRow() throws {
        #expect(throws: TabularError.unterminatedQuote(row: 3)) {
            try csvRows("h\nok\n\"broken,\nmore\n")
        }
        #expect(TabularError.unterminatedQuote(row: 12).message == "第 12 行：引号未闭合")
    }

    @Test func streamingStopsOnThrownError() throws {
        struct Stop: Error {}
        var seen = 0
        #expect(throws: Stop.self) {
            try TabularCSVReader(bytes: Array("a\nb\nc\n".utf8)).forEachRow { number, _ in
                seen = number
                if number == 2 { throw Stop() }
            }
        }
        #expect(seen == 2)
    }
}
