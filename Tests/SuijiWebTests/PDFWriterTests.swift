// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing

@testable import SuijiWeb

/// The small PDF writer: measuring, encoding, line breaking and a well-formed file.
@Suite("PDF writer")
struct PDFWriterTests {
    @Test func widthsAndTextEncodingFollowTheFontDeclaredInTheFile() {
        #expect(PDFWriter.width("ab中", size: 10) == 20)
        #expect(PDFWriter.hex("中A") == "4E2D0041")
        #expect(PDFWriter.hex("😀\u{7}") == "25A1", "beyond the BMP becomes □, control characters go")
        #expect(PDFWriter.number(12) == "12" && PDFWriter.number(0.355) == "0.36")
    }

    @Test func linesBreakBetweenCharactersKeepCodesWholeAndHangClosingMarks() {
        // MUT + validate: five characters a line at 10 pt in 50 pt.
        #expect(PDFFlow.wrap("一二三四五六七八九十", width: 50, size: 10, firstIndent: 0) == ["一二三四五", "六七八九十"])
        #expect(PDFFlow.wrap("一二三四五，六", width: 50, size: 10, firstIndent: 0) == ["一二三四五，", "六"])
        #expect(PDFFlow.wrap("代码 91360202MA3A1SN66Q", width: 100, size: 10, firstIndent: 0) == ["代码 ", "91360202MA3A1SN66Q"])
        #expect(PDFFlow.wrap("甲\n乙", width: 100, size: 10, firstIndent: 0) == ["甲", "乙"])
        #expect(PDFFlow.wrap("一二三四五六", width: 50, size: 10, firstIndent: 20) == ["一二三", "四五六"])
    }

    @Test func theFileHasACrossReferenceTableThatPointsAtItsObjects() throws {
        // setup
        var flow = PDFFlow(title: "测试")
        flow.paragraph("抽查通知书", size: 18, alignment: .centre, bold: true)
        flow.table(columns: [("序号", 0.2), ("抽查事项", 0.8)], rows: [["1", "企业公示信息的抽查"]])

        // MUT
        let data = flow.writer.data(created: Date(timeIntervalSince1970: 1_780_000_000))

        // validate: startxref names the xref table; each entry names its "n 0 obj".
        let text = String(decoding: data, as: UTF8.self)
        let bytes = [UInt8](data)
        let start = try #require(Int(text.components(separatedBy: "startxref\n").last?.split(separator: "\n").first ?? ""))
        #expect(String(decoding: bytes[start..<(start + 4)], as: UTF8.self) == "xref")
        let entries = text[text.range(of: "0000000000 65535 f \n")!.upperBound...].split(separator: "\n").prefix { $0.hasSuffix(" n ") }
        #expect(entries.count == 8)
        for (index, entry) in entries.enumerated() {
            let offset = try #require(Int(entry.prefix(10)))
            #expect(String(decoding: bytes[offset..<(offset + "\(index + 1) 0 obj".utf8.count)], as: UTF8.self) == "\(index + 1) 0 obj")
        }
        #expect(text.contains("/CreationDate (D:20260529042640+08'00')"))
    }
}
