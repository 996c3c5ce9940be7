// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Collects field issues while an input record is validated.
public struct InputChecker: Sendable {
    /// Issues found so far, in field order.
    public private(set) var issues: [FieldIssue] = []

    public init() {}

    /// Whether no issue was found.
    public var isEmpty: Bool { issues.isEmpty }

    /// Records an issue.
    public mutating func add(_ field: String, _ message: String) {
        issues.append(FieldIssue(field: field, message: message))
    }

    /// A required, trimmed text of at most `maxLength` characters, without the characters
    /// `TextSafety` refuses.
    public mutating func required(_ value: String?, field: String, label: @autoclosure () -> String, maxLength: Int = 200) -> String {
        let text = Self.trimmed(value)
        if text.isEmpty {
            add(field, "\(label())不能为空")
        } else if text.utf8.count > maxLength && text.count > maxLength {
            add(field, "\(label())不能超过 \(maxLength) 个字")
        } else {
            safe(text, field: field, label: label())
        }
        return text
    }

    /// Records an issue when `text` holds a character `TextSafety` refuses (NUL, bidi controls).
    public mutating func safe(_ text: String, field: String, label: @autoclosure () -> String) {
        if let scalar = TextSafety.forbidden(in: text) {
            add(field, TextSafety.message(label: label(), scalar: scalar))
        }
    }

    /// An optional enumerated value; empty gives `default`, unknown text an issue.
    public mutating func parse<T>(
        _ value: String?, field: String, label: @autoclosure () -> String, default fallback: T?, _ parser: (String) -> T?
    ) -> T? {
        let text = Self.trimmed(value)
        if text.isEmpty {
            if fallback == nil { add(field, "\(label())不能为空") }
            return fallback
        }
        guard let parsed = parser(text) else {
            add(field, "\(label())“\(text)”无法识别")
            return nil
        }
        return parsed
    }

    /// An optional ISO date (also accepts `YYYY/MM/DD` and `YYYY.MM.DD`).
    public mutating func date(_ value: String?, field: String, label: @autoclosure () -> String) -> CalendarDate? {
        let text = Self.trimmed(value)
        if text.isEmpty { return nil }
        let normalised =
            text.utf8.contains(where: { $0 == 0x2F || $0 == 0x2E })
            ? String(decoding: text.utf8.map { $0 == 0x2F || $0 == 0x2E ? 0x2D : $0 }, as: UTF8.self) : text
        if let date = CalendarDate(iso: normalised) ?? CalendarDate(looseISO: normalised) { return date }
        add(field, "\(label())“\(text)”不是有效日期（格式：2025-03-01）")
        return nil
    }

    /// Trims white space; nil becomes "".
    public static func trimmed(_ value: String?) -> String {
        (value ?? "").trimmed
    }

    /// Splits a list cell on `;`, `；`, `、`, `,`, `，` or `|`, trimming and dropping empties.
    ///
    /// Splits on the UTF-8 bytes of the separators (a million-row import calls it on every row;
    /// comparing `Character`s walks grapheme clusters).
    public static func list(_ value: String?) -> [String] {
        guard var text = value, !text.isEmpty else { return [] }
        return text.withUTF8 { bytes -> [String] in
            var parts: [String] = []
            var start = 0
            var index = 0
            func cut(_ end: Int, next: Int) {
                let part = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).trimmed
                if !part.isEmpty { parts.append(part) }
                start = next
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x3B || byte == 0x2C || byte == 0x7C {  // ; , |
                    cut(index, next: index + 1)
                } else if index + 2 < bytes.count
                    && ((byte == 0xEF && bytes[index + 1] == 0xBC && (bytes[index + 2] == 0x9B || bytes[index + 2] == 0x8C))  // ； ，
                        || (byte == 0xE3 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x81))  // 、
                {
                    cut(index, next: index + 3)
                    index += 2
                }
                index += 1
            }
            cut(bytes.count, next: bytes.count)
            return parts
        }
    }
}

extension CalendarDate {
    /// Parses `YYYY-M-D` with one- or two-digit month and day.
    public init?(looseISO text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
            let day = Int(parts[2])
        else { return nil }
        let padded = String(format: "%04d-%02d-%02d", year, month, day)
        self.init(iso: padded)
    }
}
