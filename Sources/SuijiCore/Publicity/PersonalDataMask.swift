// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Masks personal data before it is shown to the public (一公开 publishes results, not people):
/// the names of individual business operators, resident ID numbers and phone numbers.
///
/// - A person's name keeps its first character: 张三丰 → 张**.
/// - A resident ID number (18 characters, or the old 15 digits) keeps the first 6 and last 4
///   characters: 360203199001011234 → 360203********1234.
/// - A mobile number keeps the first 3 and last 4 digits: 13812345678 → 138****5678; a fixed-line
///   number keeps its area code and last 2 digits: 0798-8221234 → 0798-*****34.
public enum PersonalDataMask {
    /// `name` with every character after the first replaced by `*`.
    public static func person(_ name: String) -> String {
        let trimmed = name.trimmed
        guard let first = trimmed.first else { return "" }
        return String(first) + String(repeating: "*", count: max(1, trimmed.count - 1))
    }

    /// The public name of a target: for an individual business, its operator's name (the legal
    /// representative) is masked wherever it appears in the registered name; a name that is just a
    /// person's name (no 字号) is masked too. Other kinds are shown as registered.
    public static func targetName(_ name: String, kind: TargetKind, operatorName: String) -> String {
        guard kind == .individualBusiness else { return text(name) }
        let person = operatorName.trimmed
        var shown = name
        if !person.isEmpty { shown = shown.replacingOccurrences(of: person, with: Self.person(person)) }
        if shown == name, looksLikePersonName(name) { shown = Self.person(name) }
        return text(shown)
    }

    /// `text` with resident ID numbers and phone numbers masked.
    public static func text(_ text: String) -> String {
        var result = text
        for (pattern, keep) in patterns {
            result = replace(pattern, in: result, keep: keep)
        }
        return result
    }

    /// A 2–4 character name of Chinese characters only, as a person's name is.
    static func looksLikePersonName(_ name: String) -> Bool {
        let trimmed = name.trimmed
        return (2...4).contains(trimmed.count) && trimmed.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) || $0 == "·" }
    }

    /// Each pattern with the number of characters kept at the start and at the end.
    nonisolated(unsafe) static let patterns: [(NSRegularExpression, (Int, Int))] = [
        // Resident ID numbers: 18 characters (17 digits and a digit or X) or 15 digits.
        (try! NSRegularExpression(pattern: "(?<![0-9A-Za-z])([1-9][0-9]{16}[0-9Xx]|[1-9][0-9]{14})(?![0-9A-Za-z])"), (6, 4)),
        // Mobile numbers.
        (try! NSRegularExpression(pattern: "(?<![0-9])(1[3-9][0-9]{9})(?![0-9])"), (3, 4)),
        // Fixed-line numbers with an area code: 0798-8221234, 0798 8221234.
        (try! NSRegularExpression(pattern: "(?<![0-9])(0[1-9][0-9]{1,2}[- ][0-9]{7,8})(?![0-9])"), (5, 2)),
    ]

    static func replace(_ expression: NSRegularExpression, in text: String, keep: (Int, Int)) -> String {
        let source = text as NSString
        let matches = expression.matches(in: text, range: NSRange(location: 0, length: source.length))
        guard !matches.isEmpty else { return text }
        var result = ""
        var cursor = 0
        for match in matches {
            let range = match.range(at: 1)
            result += source.substring(with: NSRange(location: cursor, length: range.location - cursor))
            let found = source.substring(with: range)
            let chars = Array(found)
            let head = min(keep.0, chars.count)
            let tail = min(keep.1, chars.count - head)
            result +=
                String(chars[..<head]) + String(repeating: "*", count: chars.count - head - tail) + String(chars[(chars.count - tail)...])
            cursor = range.location + range.length
        }
        result += source.substring(from: cursor)
        return result
    }
}
