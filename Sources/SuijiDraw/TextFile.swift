// SPDX-License-Identifier: Apache-2.0

/// Reading and writing the spec's TAB/LF text files (spec §1.1) and token grammars (§1.2).
public enum TextFile {
    /// Splits a file into lines of TAB-separated fields, enforcing UTF-8, final LF,
    /// no CR, no BOM and no control characters.
    public static func lines(_ bytes: [UInt8], file: String) throws(DrawError) -> [[String]] {
        if bytes.isEmpty { return [] }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            throw .syntax(file: file, line: 1, detail: "BOM")
        }
        guard bytes.last == 0x0A else { throw .syntax(file: file, line: 0, detail: "缺少结尾换行") }
        var result = [[String]]()
        var start = 0
        var lineNo = 0
        for idx in bytes.indices where bytes[idx] == 0x0A {
            lineNo += 1
            let raw = bytes[start..<idx]
            start = idx + 1
            if raw.isEmpty { throw .syntax(file: file, line: lineNo, detail: "空行") }
            for b in raw where (b < 0x20 && b != 0x09) || b == 0x7F {
                throw .syntax(file: file, line: lineNo, detail: "控制字符")
            }
            guard let text = String(validating: raw, as: UTF8.self) else {
                throw .syntax(file: file, line: lineNo, detail: "非 UTF-8")
            }
            result.append(text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init))
        }
        return result
    }

    /// Encodes lines of fields as TAB-separated, LF-terminated UTF-8 bytes.
    public static func encode(_ lines: [[String]]) -> [UInt8] {
        var out = [UInt8]()
        for fields in lines {
            out += Array(fields.joined(separator: "\t").utf8)
            out.append(0x0A)
        }
        return out
    }

    /// `[0-9A-Z-]{1,64}`.
    public static func isTargetID<C: Collection>(_ b: C) -> Bool where C.Element == UInt8 {
        guard (1...64).contains(b.count) else { return false }
        return b.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || $0 == 45 }
    }

    /// `[0-9A-Za-z._-]{1,64}`.
    public static func isToken(_ s: String) -> Bool {
        let b = s.utf8
        guard (1...64).contains(b.count) else { return false }
        return b.allSatisfy {
            ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122)
                || $0 == 45 || $0 == 46 || $0 == 95
        }
    }

    /// `[0-9A-Z]{1,16}`.
    public static func isStratum(_ s: String) -> Bool {
        let b = s.utf8
        return (1...16).contains(b.count) && b.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) }
    }

    /// Digits only, with a length in `range`.
    public static func isDigits(_ s: String, _ range: ClosedRange<Int>) -> Bool {
        range.contains(s.utf8.count) && s.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// `YYYY-MM-DD` shape (month 01–12, day 01–31).
    public static func isDate(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count == 10, b[4] == 45, b[7] == 45 else { return false }
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
        guard digits.allSatisfy({ b[$0] >= 48 && b[$0] <= 57 }) else { return false }
        let m = Int(b[5] - 48) * 10 + Int(b[6] - 48)
        let d = Int(b[8] - 48) * 10 + Int(b[9] - 48)
        return (1...12).contains(m) && (1...31).contains(d)
    }

    /// 1..256 bytes of UTF-8 without TAB or control characters.
    public static func isText(_ s: String) -> Bool {
        (1...256).contains(s.utf8.count) && s.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x7F }
    }

    /// 64 lowercase hex digits.
    public static func isHex64(_ s: String) -> Bool {
        s.utf8.count == 64 && Bytes.fromHex(s) != nil
    }

    /// Canonical decimal integer (no sign, no leading zero).
    public static func int(_ s: String) -> Int? {
        guard isDigits(s, 1...18), s == "0" || !s.hasPrefix("0") else { return nil }
        return Int(s)
    }

    /// Lexicographic comparison of UTF-8 bytes (the spec's only string order).
    public static func less(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}

/// Sequential reader over parsed lines with expectation helpers for key/value files.
struct LineReader {
    let file: String
    let lines: [[String]]
    var index = 0

    init(_ bytes: [UInt8], file: String) throws(DrawError) {
        self.file = file
        self.lines = try TextFile.lines(bytes, file: file)
    }

    var lineNo: Int { index + 1 }
    var atEnd: Bool { index >= lines.count }

    func peekKey() -> String? { atEnd ? nil : lines[index][0] }

    /// Reads a line starting with `key` and having exactly `count` fields after it.
    mutating func expect(_ key: String, fields count: Int) throws(DrawError) -> [String] {
        guard !atEnd else { throw .syntax(file: file, line: lineNo, detail: "缺少 \(key)") }
        let l = lines[index]
        guard l[0] == key, l.count == count + 1 else {
            throw .syntax(file: file, line: lineNo, detail: "应为 \(key)")
        }
        index += 1
        return Array(l.dropFirst())
    }

    /// Reads a single-value line `key TAB value`.
    mutating func value(_ key: String) throws(DrawError) -> String {
        try expect(key, fields: 1)[0]
    }

    func fail(_ detail: String, line: Int? = nil) -> DrawError {
        .syntax(file: file, line: line ?? index, detail: detail)
    }
}
