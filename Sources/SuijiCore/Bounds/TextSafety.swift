// SPDX-License-Identifier: Apache-2.0

/// The characters no stored name or text may hold (issue 11.8), checked in one place for every
/// input (API bodies, forms, imports, the command line):
///
/// - NUL and the other control characters (C0 and C1, and DEL), except the tab and line breaks
///   of multi-line text;
/// - the bidirectional formatting characters (U+061C, U+200E, U+200F, U+202A–U+202E,
///   U+2066–U+2069), which make a name display otherwise than it reads ("Trojan Source").
///
/// They are **refused, not stripped**: the input is answered with an error naming the field (and
/// the row of an import) and the character, so what is stored is always exactly what the user
/// sent and saw, and the source (a registry export, a pasted text) gets fixed.
public enum TextSafety {
    /// The first character `text` may not hold, or nil when it is clean.
    public static func forbidden(in text: some StringProtocol) -> Unicode.Scalar? {
        guard text.utf8.contains(where: mayStartForbidden) else { return nil }
        return text.unicodeScalars.first(where: isForbidden)
    }

    /// `forbidden(in:)` for a `String`, scanning its contiguous UTF-8 bytes: every cell of a
    /// million-row import goes through here, and the generic version, called from another module,
    /// walks the bytes through unspecialised generic code (a fifth of an import's time).
    public static func forbidden(in text: String) -> Unicode.Scalar? {
        let suspicious =
            text.utf8.withContiguousStorageIfAvailable { bytes in bytes.contains(where: mayStartForbidden) }
            ?? text.utf8.contains(where: mayStartForbidden)
        guard suspicious else { return nil }
        return text.unicodeScalars.first(where: isForbidden)
    }

    /// Whether a UTF-8 byte may start a forbidden character: only the ASCII controls and the lead
    /// bytes 0xC2 (C1 controls), 0xD8 (U+061C) and 0xE2 (U+2xxx) can.
    @inline(__always)
    static func mayStartForbidden(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2
    }

    /// Whether `scalar` is one of the forbidden characters.
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The issue of `text` in `field` (labelled `label` for the user), or nil when it is clean.
    public static func issue(_ text: some StringProtocol, field: String, label: String) -> FieldIssue? {
        guard let scalar = forbidden(in: text) else { return nil }
        return FieldIssue(field: field, message: message(label: label, scalar: scalar))
    }

    /// "名称含有不可见的控制字符 U+202E，请删除后重新提交".
    public static func message(label: String, scalar: Unicode.Scalar) -> String {
        let code = String(scalar.value, radix: 16, uppercase: true)
        let kind = (0x061C...0x2069).contains(scalar.value) ? "文字方向控制字符" : "控制字符"
        return "\(label)含有不可见的\(kind) U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code)，请删除后重新提交"
    }
}
