// SPDX-License-Identifier: Apache-2.0

extension String {
    /// The string without leading and trailing white space (including the ideographic space
    /// U+3000 and no-break spaces). Returns `self` untouched in the common case, without
    /// Foundation's costly bridging: imports call it on every cell of a million rows.
    public var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return self }
        if !Self.isSpace(first) && !Self.isSpace(last) { return self }
        guard let start = scalars.firstIndex(where: { !Self.isSpace($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !Self.isSpace($0) })!
        return String(scalars[start...end])
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: true
        case 0..<0x80: false
        // The non-ASCII white space of Unicode, plus the byte-order mark.
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: true
        default: false
        }
    }
}
