// SPDX-License-Identifier: Apache-2.0

/// XML text decoding and escaping for SpreadsheetML, on UTF-8 bytes.
///
/// Decoding handles the five predefined entities, numeric character references,
/// OOXML `_xHHHH_` escapes (as Excel writes `_x000D_` for CR) and XML line-end
/// normalisation (literal CRLF / CR become LF).
enum TabularXMLText {
    /// Decodes the text in `range` of `buf`.
    static func decode(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var plain = true
        for i in range {
            let b = buf[i]
            if b == 0x26 || b == 0x5F || b == 0x0D {
                plain = false
                break
            }  // & _ CR
        }
        let slice = UnsafeBufferPointer(rebasing: buf[range])
        if plain { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let b = buf[i]
            if b == 0x26, let (scalar, length) = entity(buf, i, end) {
                appendUTF8(scalar, to: &out)
                i += length
            } else if b == 0x5F, let scalar = underscoreEscape(buf, i, end) {
                appendUTF8(scalar, to: &out)
                i += 7
            } else if b == 0x0D {
                out.append(0x0A)
                i += (i + 1 < end && buf[i + 1] == 0x0A) ? 2 : 1
            } else {
                out.append(b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses `&...;` at `i`; returns the scalar and the byte length consumed.
    private static func entity(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (UInt32, Int)? {
        var j = i + 1
        while j < end && j - i <= 10 && buf[j] != 0x3B { j += 1 }
        guard j < end, buf[j] == 0x3B else { return nil }
        let body = Array(UnsafeBufferPointer(rebasing: buf[(i + 1)..<j]))
        let length = j - i + 1
        switch body {
        case Array("amp".utf8): return (0x26, length)
        case Array("lt".utf8): return (0x3C, length)
        case Array("gt".utf8): return (0x3E, length)
        case Array("quot".utf8): return (0x22, length)
        case Array("apos".utf8): return (0x27, length)
        default: break
        }
        guard body.count >= 2, body[0] == 0x23 else { return nil }  // '#'
        var value: UInt32 = 0
        if body[1] == 0x78 || body[1] == 0x58 {  // x / X
            guard body.count > 2 else { return nil }
            for b in body[2...] {
                guard let h = hexValue(b), value < 0x11_0000 else { return nil }
                value = value * 16 + h
            }
        } else {
            for b in body[1...] {
                guard b >= 0x30 && b <= 0x39, value < 0x11_0000 else { return nil }
                value = value * 10 + UInt32(b - 0x30)
            }
        }
        guard Unicode.Scalar(value) != nil else { return nil }
        return (value, length)
    }

    /// Parses `_xHHHH_` at `i`.
    private static func underscoreEscape(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> UInt32? {
        guard i + 7 <= end, buf[i + 1] == 0x78, buf[i + 6] == 0x5F else { return nil }
        var value: UInt32 = 0
        for k in 2...5 {
            guard let h = hexValue(buf[i + k]) else { return nil }
            value = value * 16 + h
        }
        return Unicode.Scalar(value) != nil ? value : nil
    }

    @inline(__always)
    private static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x41...0x46: return UInt32(b - 0x41 + 10)
        case 0x61...0x66: return UInt32(b - 0x61 + 10)
        default: return nil
        }
    }

    static func appendUTF8(_ value: UInt32, to out: inout [UInt8]) {
        guard let scalar = Unicode.Scalar(value) else { return }
        for unit in UTF8.encode(scalar)! { out.append(unit) }
    }

    /// Appends `text` escaped for XML element content or attribute values.
    ///
    /// Strips characters illegal in XML 1.0, writes CR as `&#13;`, and protects a
    /// literal `_xHHHH_` sequence as `_x005F_xHHHH_` (Excel's convention).
    static func appendEscaped(_ text: String, to out: inout [UInt8], attribute: Bool = false) {
        var text = text
        text.withUTF8 { src in
            let n = src.count
            var i = 0
            while i < n {
                let b = src[i]
                switch b {
                case 0x26: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
                case 0x3C: out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
                case 0x3E: out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
                case 0x22 where attribute: out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])
                case 0x0D: out.append(contentsOf: [0x26, 0x23, 0x31, 0x33, 0x3B])  // &#13;
                case 0x09, 0x0A:
                    if attribute { out.append(contentsOf: b == 0x09 ? Array("&#9;".utf8) : Array("&#10;".utf8)) } else { out.append(b) }
                case 0x00..<0x20: break  // illegal
                case 0x5F where underscoreEscape(src, i, n) != nil:
                    out.append(contentsOf: Array("_x005F".utf8))
                    out.append(0x5F)
                case 0xEF where i + 2 < n && src[i + 1] == 0xBF && (src[i + 2] == 0xBE || src[i + 2] == 0xBF):
                    i += 2  // U+FFFE/FFFF
                default: out.append(b)
                }
                i += 1
            }
        }
    }

    /// Escapes `text` for XML into a new `String`.
    static func escaped(_ text: String, attribute: Bool = false) -> String {
        var out: [UInt8] = []
        appendEscaped(text, to: &out, attribute: attribute)
        return String(decoding: out, as: UTF8.self)
    }
}
