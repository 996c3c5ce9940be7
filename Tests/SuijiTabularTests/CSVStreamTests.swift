// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

@testable import SuijiTabular

/// The piece-by-piece CSV reader gives exactly the rows of the whole-file reader, wherever the
/// pieces cut records, quotes, line breaks and multi-byte characters.
@Suite struct CSVStreamTests {
    static let samples: [String] = [
        "名称,代码\n甲,001\n乙,002\n",
        "a,b\r\nc,d\r\ne,f",
        "\"a,b\",\"say \"\"hi\"\"\",\"\"\n\"\"\"\",x\n",
        "\"多行\n文本\",2\r\n\"x\"y,z\n\n末行",
        "a\rb\r\nc\n\"\"\n",
        "统一社会信用代码,名称\n91360202MA35ABCD1X,景德镇市昌江区瓷都陶瓷有限公司\n",
    ]

    func streamed(_ bytes: [UInt8], pieceSize: Int) throws -> (rows: [TabularRow], encoding: TabularTextEncoding) {
        var stream = TabularCSVStream()
        stream.pieceSize = pieceSize
        var rows: [TabularRow] = []
        try stream.read(.data(Data(bytes))) { rows.append(TabularRow(number: $0, fields: $1)) }
        return (rows, stream.encoding)
    }

    @Test func everyCutGivesTheSameRows() throws {
        for sample in Self.samples {
            let bytes = Array(sample.utf8)
            let whole = try TabularCSVReader(bytes: bytes).readAllRows()
            for size in 1...9 {
                #expect(try streamed(bytes, pieceSize: size).rows == whole, "\(sample) in pieces of \(size)")
            }
        }
    }

    @Test func bomAndGB18030AreDetectedAcrossPieces() throws {
        let text = "名称,代码\r\n中文,1\r\n"
        let bom = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        let gb = try TabularIconv.convert(Array(text.utf8), from: "UTF-8", to: "GB18030")
        for size in [1, 2, 3, 5, 64] {
            let a = try streamed(bom, pieceSize: size)
            #expect(a.encoding == .utf8WithBOM)
            #expect(a.rows.map(\.fields) == [["名称", "代码"], ["中文", "1"]])
            let b = try streamed(gb, pieceSize: size)
            #expect(b.encoding == .gb18030, "pieces of \(size)")
            #expect(b.rows.map(\.fields) == [["名称", "代码"], ["中文", "1"]])
        }
    }

    @Test func asciiThenGB18030IsReadAsGB18030() throws {
        let gb = Array("code,name\n1,a\n".utf8) + (try TabularIconv.convert(Array("2,中文\n".utf8), from: "UTF-8", to: "GB18030"))
        let result = try streamed(gb, pieceSize: 4)
        #expect(result.encoding == .gb18030)
        #expect(result.rows.map(\.fields) == [["code", "name"], ["1", "a"], ["2", "中文"]])
    }

    @Test func utf8ThenOtherBytesIsRefusedNamingTheRow() throws {
        let bytes = Array("名称\n甲\n乙\n".utf8) + [0xD6, 0xD0, 0x0A]
        #expect(throws: TabularError.mixedEncoding(row: 4)) { _ = try streamed(bytes, pieceSize: 4) }
    }

    @Test func anOpenQuoteAtTheEndIsStillAnError() throws {
        #expect(throws: TabularError.unterminatedQuote(row: 2)) { _ = try streamed(Array("a\n\"b,c\n".utf8), pieceSize: 2) }
    }

    @Test func aFileIsReadLikeTheSameBytesInMemory() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("suiji-stream-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = (0..<5_000).map { "第\($0)行,\"含,逗号\",\($0)" }.joined(separator: "\r\n")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        var stream = TabularCSVStream()
        stream.pieceSize = 4_093
        var rows: [TabularRow] = []
        try stream.read(.file(path)) { rows.append(TabularRow(number: $0, fields: $1)) }
        #expect(rows == (try TabularCSVReader(bytes: Array(text.utf8)).readAllRows()))
    }
}
