// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore

/// Times as pages show them: "2026-07-01 09:30" in China time (UTC+8). Stored timestamps are
/// ISO 8601 UTC; the JSON API keeps them so.
enum ChinaTime {
    static func text(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    /// A stored ISO 8601 timestamp in China time; text that is not a timestamp is returned as it is.
    static func text(stamp: String) -> String {
        guard let date = try? Date.ISO8601FormatStyle().parse(stamp) else { return stamp }
        return text(date)
    }

    /// As `text(stamp:)`, keeping nil.
    static func text(stamp: String?) -> String? { stamp.map { text(stamp: $0) } }

    /// A day as officials write it: 2026年12月5日.
    static func date(_ date: CalendarDate) -> String { "\(date.year)年\(date.month)月\(date.day)日" }

    /// A stored timestamp as the value of a `datetime-local` field, in China time ("2026-07-01T17:00").
    static func input(stamp: String) -> String { text(stamp: stamp).replacingOccurrences(of: " ", with: "T") }

    /// A `datetime-local` value ("2026-07-01T17:00", China time), or nil.
    static func parse(input: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        for format in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: input.trimmingCharacters(in: .whitespaces)) { return date }
        }
        return nil
    }
}
