// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The text encoding detected for an input file.
public enum TabularTextEncoding: String, Sendable, Equatable {
    /// UTF-8 starting with the byte order mark EF BB BF (stripped on decode).
    case utf8WithBOM
    /// UTF-8 without a byte order mark.
    case utf8
    /// GB18030 (superset of GBK / GB2312), the default of Chinese Excel's CSV export.
    case gb18030
}

extension TabularTextEncoding {
    /// Detects the encoding of `bytes` and returns them as UTF-8 without a BOM.
    ///
    /// Rule: a leading EF BB BF means UTF-8; otherwise valid UTF-8 means UTF-8;
    /// otherwise the bytes are converted from GB18030 with iconv.
    /// - Throws: `TabularError.undecodableText` when no rule applies.
    public static func decodeToUTF8(_ bytes: [UInt8]) throws -> (bytes: [UInt8], encoding: TabularTextEncoding) {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return (Array(bytes[3...]), .utf8WithBOM)
        }
        if isValidUTF8(bytes) {
            return (bytes, .utf8)
        }
        return (try TabularIconv.convert(bytes, from: "GB18030"), .gb18030)
    }

    /// Detects the encoding of `data` and returns it as UTF-8 bytes without a BOM.
    public static func decodeToUTF8(_ data: Data) throws -> (bytes: [UInt8], encoding: TabularTextEncoding) {
        try decodeToUTF8([UInt8](data))
    }

    /// Returns true when `bytes` is well-formed UTF-8 (no overlongs, no surrogates, ≤ U+10FFFF).
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { validateUTF8($0) }
    }

    static func validateUTF8(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        validUTF8Length(buf) == buf.count
    }

    /// The length of the longest valid UTF-8 prefix of `buf` (its count when all of it is valid).
    static func validUTF8Length(_ buf: UnsafeBufferPointer<UInt8>) -> Int {
        let n = buf.count
        var i = 0
        while i < n {
            // ASCII fast path, 8 bytes at a time.
            while i + 8 <= n {
                let word = UnsafeRawPointer(buf.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            if i >= n { break }
            let b0 = buf[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            if b0 < 0xC2 { return i }
            if b0 < 0xE0 {
                guard i + 1 < n, buf[i + 1] & 0xC0 == 0x80 else { return i }
                i += 2
            } else if b0 < 0xF0 {
                guard i + 2 < n else { return i }
                let b1 = buf[i + 1]
                let b2 = buf[i + 2]
                guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 else { return i }
                if b0 == 0xE0 && b1 < 0xA0 { return i }  // overlong
                if b0 == 0xED && b1 >= 0xA0 { return i }  // surrogate
                i += 3
            } else if b0 < 0xF5 {
                guard i + 3 < n else { return i }
                let b1 = buf[i + 1]
                let b2 = buf[i + 2]
                let b3 = buf[i + 3]
                guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80, b3 & 0xC0 == 0x80 else { return i }
                if b0 == 0xF0 && b1 < 0x90 { return i }  // overlong
                if b0 == 0xF4 && b1 >= 0x90 { return i }  // > U+10FFFF
                i += 4
            } else {
                return i
            }
        }
        return n
    }
}
