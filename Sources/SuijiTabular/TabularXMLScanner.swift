// SPDX-License-Identifier: Apache-2.0

/// A minimal byte-level XML tag scanner, sufficient for SpreadsheetML parts.
///
/// It walks tags in document order and exposes local names (namespace prefix
/// stripped), attributes and the raw text between tags. Comments, processing
/// instructions, DOCTYPE and CDATA sections are skipped (CDATA text is ignored).
struct TabularXMLScanner {
    enum TagKind { case open, close, empty }

    struct Tag {
        var kind: TagKind
        /// Local name (after any `prefix:`).
        var name: Range<Int>
        /// Byte range holding the attributes.
        var attributes: Range<Int>
        /// Byte range of the whole tag, `<` through `>`.
        var whole: Range<Int>
    }

    let buf: UnsafeBufferPointer<UInt8>
    var position = 0

    init(_ buf: UnsafeBufferPointer<UInt8>) {
        self.buf = buf
    }

    /// Returns the next element tag, or nil at end of input.
    mutating func nextTag() -> Tag? {
        let n = buf.count
        while true {
            var i = position
            while i < n && buf[i] != 0x3C { i += 1 }  // '<'
            guard i + 1 < n else {
                position = n
                return nil
            }
            let start = i
            let next = buf[i + 1]
            if next == 0x3F {  // "<?"
                position = skip(past: [0x3F, 0x3E], from: i + 2)
                continue
            }
            if next == 0x21 {  // "<!"
                if matches([0x2D, 0x2D], at: i + 2) {
                    position = skip(past: [0x2D, 0x2D, 0x3E], from: i + 4)
                } else if matches(Array("[CDATA[".utf8), at: i + 2) {
                    position = skip(past: [0x5D, 0x5D, 0x3E], from: i + 9)
                } else {
                    position = skip(past: [0x3E], from: i + 2)
                }
                continue
            }
            var kind = TagKind.open
            i += 1
            if next == 0x2F {
                kind = .close
                i += 1
            }
            var nameStart = i
            while i < n {
                let b = buf[i]
                if b == 0x20 || b == 0x3E || b == 0x2F || b == 0x09 || b == 0x0A || b == 0x0D { break }
                if b == 0x3A { nameStart = i + 1 }  // ':' — strip prefix
                i += 1
            }
            let nameEnd = i
            // Find the closing '>' while honouring quoted attribute values.
            var quote: UInt8 = 0
            while i < n {
                let b = buf[i]
                if quote != 0 {
                    if b == quote { quote = 0 }
                } else if b == 0x22 || b == 0x27 {
                    quote = b
                } else if b == 0x3E {
                    break
                }
                i += 1
            }
            guard i < n else {
                position = n
                return nil
            }
            var attrEnd = i
            if kind == .open && i > nameEnd && buf[i - 1] == 0x2F {
                kind = .empty
                attrEnd = i - 1
            }
            position = i + 1
            return Tag(
                kind: kind, name: nameStart..<nameEnd, attributes: nameEnd..<max(nameEnd, attrEnd),
                whole: start..<(i + 1))
        }
    }

    /// True when the tag's local name equals `literal` (ASCII).
    @inline(__always)
    func name(_ tag: Tag, is literal: [UInt8]) -> Bool {
        guard tag.name.count == literal.count else { return false }
        var j = 0
        for i in tag.name {
            if buf[i] != literal[j] { return false }
            j += 1
        }
        return true
    }

    /// The raw value range of the attribute with local name `local` (prefix ignored).
    func attribute(_ local: [UInt8], of tag: Tag) -> Range<Int>? {
        var i = tag.attributes.lowerBound
        let end = tag.attributes.upperBound
        while i < end {
            while i < end && (buf[i] == 0x20 || buf[i] == 0x09 || buf[i] == 0x0A || buf[i] == 0x0D) { i += 1 }
            var nameStart = i
            while i < end && buf[i] != 0x3D && buf[i] != 0x20 {
                if buf[i] == 0x3A { nameStart = i + 1 }
                i += 1
            }
            let nameEnd = i
            while i < end && buf[i] != 0x22 && buf[i] != 0x27 { i += 1 }
            guard i < end else { return nil }
            let quote = buf[i]
            let valueStart = i + 1
            i = valueStart
            while i < end && buf[i] != quote { i += 1 }
            let valueEnd = i
            i += 1
            if nameEnd - nameStart == local.count {
                var same = true
                var j = 0
                for k in nameStart..<nameEnd {
                    if buf[k] != local[j] {
                        same = false
                        break
                    }
                    j += 1
                }
                if same { return valueStart..<valueEnd }
            }
        }
        return nil
    }

    /// Decoded attribute value, or nil when absent.
    func attributeString(_ local: [UInt8], of tag: Tag) -> String? {
        attribute(local, of: tag).map { TabularXMLText.decode(buf, $0) }
    }

    private func matches(_ literal: [UInt8], at index: Int) -> Bool {
        guard index + literal.count <= buf.count else { return false }
        for (k, b) in literal.enumerated() where buf[index + k] != b { return false }
        return true
    }

    private func skip(past terminator: [UInt8], from index: Int) -> Int {
        var i = index
        while i + terminator.count <= buf.count {
            if matches(terminator, at: i) { return i + terminator.count }
            i += 1
        }
        return buf.count
    }
}
