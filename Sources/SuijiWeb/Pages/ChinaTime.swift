// SPDX-License-Identifier: Apache-2.0

import Foundation

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
}
