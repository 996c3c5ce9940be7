// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing
@testable import SuijiTabular

@Suite struct EncodingTests {
    @Test func utf8WithBOMIsStripped() throws {
        let (bytes, encoding) = try TabularTextEncoding.decodeToUTF8([0xEF, 0xBB, 0xBF] + Array("中文".utf8))
        #expect(encoding == .utf8WithBOM)
        #expect(bytes == Array("中文".utf8))
    }

    @Test func utf8WithoutBOM() throws {
        let (bytes, encoding) = try TabularTextEncoding.decodeToUTF8(Array("a,中文\n".utf8))
        #expect(encoding == .utf8)
        #expect(bytes == Array("a,中文\n".utf8))
    }

    @Test func gb18030KnownBytes() throws {
        let (bytes, encoding) = try TabularTextEncoding.decodeToUTF8([0xD6, 0xD0, 0xCE, 0xC4])
        #expect(encoding == .gb18030)
        #expect(String(decoding: bytes, as: UTF8.self) == "中文")
    }

    @Test func gb18030RoundTripThroughIconv() throws {
        let text = "统一社会信用代码,企业名称\n91110000100000000X,北京某某科技有限公司€😀\n"
        let gb = try TabularIconv.convert(Array(text.utf8), from: "UTF-8", to: "GB18030")
        #expect(!TabularTextEncoding.isValidUTF8(gb))
        let (bytes, encoding) = try TabularTextEncoding.decodeToUTF8(gb)
        #expect(encoding == .gb18030)
        #expect(String(decoding: bytes, as: UTF8.self) == text)
    }

    @Test func undecodableBytesThrow() {
        #expect(throws: TabularError.undecodableText) {
            try TabularTextEncoding.decodeToUTF8([0x41, 0xFF, 0xFF, 0x80])
        }
        // Truncated GB18030 double-byte sequence.
        #expect(throws: TabularError.undecodableText) {
            try TabularTextEncoding.decodeToUTF8([0x41, 0xD6])
        }
    }

    @Test func utf8Validator() {
        #expect(TabularTextEncoding.isValidUTF8(Array("plain ascii text long enough".utf8)))
        #expect(TabularTextEncoding.isValidUTF8(Array("混合 text 😀 ünïcödé".utf8)))
        #expect(!TabularTextEncoding.isValidUTF8([0xC0, 0x80]))  // overlong
        #expect(!TabularTextEncoding.isValidUTF8([0xED, 0xA0, 0x80]))  // surrogate
        #expect(!TabularTextEncoding.isValidUTF8([0xE4, 0xB8]))  // truncated
        #expect(!TabularTextEncoding.isValidUTF8([0xF4, 0x90, 0x80, 0x80]))
    }

    @Test func emptyInputIsUTF8() throws {
        let (bytes, encoding) = try TabularTextEncoding.decodeToUTF8([UInt8]())
        #expect(bytes.isEmpty)
        #expect(encoding == .utf8)
    }
}
