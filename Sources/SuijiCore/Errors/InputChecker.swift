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
        let normalised = text.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: ".", with: "-")
        if let date = CalendarDate(iso: normalised) ?? CalendarDate(looseISO: normalised) { return date }
        add(field, "\(label())“\(text)”不是有效日期（格式：2025-03-01）")
        return nil
    }

    /// Trims white space; nil becomes "".
    public static func trimmed(_ value: String?) -> String {
        (value ?? "").trimmed
    }

    /// Splits a list cell on `;`, `；`, `、`, `,`, `，` or `|`, trimming and dropping empties.
    public static func list(_ value: String?) -> [String] {
        trimmed(value).split(whereSeparator: { ";；、,，|".contains($0) })
            .map { String($0).trimmed }
            .filter { !$0.isEmpty }
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
