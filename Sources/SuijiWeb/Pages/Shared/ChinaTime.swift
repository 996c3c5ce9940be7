// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore

/// Dates and times as pages show them: "2026年12月5日" and "2026年12月5日 14:12" in China time
/// (UTC+8). Stored timestamps are ISO 8601 UTC and dates ISO 8601; the JSON API keeps them so.
enum ChinaTime {
    /// "2026年12月5日 14:12", China time.
    static func text(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + 8 * 3_600
        let ofDay = ((seconds % 86_400) + 86_400) % 86_400
        let minutes = ofDay / 60
        return day(CalendarDate(chinaDateOf: date)) + " " + two(minutes / 60) + ":" + two(minutes % 60)
    }

    /// A stored ISO 8601 timestamp in China time; an ISO date as `day(_:)`; other text as it is.
    static func text(stamp: String) -> String {
        if let date = try? Date.ISO8601FormatStyle().parse(stamp) { return text(date) }
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(stamp) { return text(date) }
        return day(iso: stamp)
    }

    /// As `text(stamp:)`, keeping nil.
    static func text(stamp: String?) -> String? { stamp.map { text(stamp: $0) } }

    /// "2026年12月5日".
    static func day(_ date: CalendarDate) -> String { "\(date.year)年\(date.month)月\(date.day)日" }

    /// As `day(_:)`, keeping nil.
    static func day(_ date: CalendarDate?) -> String? { date.map { day($0) } }

    /// A stored ISO date ("2026-12-05") as `day(_:)`; other text as it is.
    static func day(iso: String) -> String { CalendarDate(iso: iso).map { day($0) } ?? iso }

    /// `text` with every ISO date in it ("国办发明电〔2022〕16号 2022-12-08") written as `day(_:)`.
    static func dates(in text: String) -> String {
        text.replacing(/\d{4}-\d{2}-\d{2}/) { match in day(iso: String(match.output)) }
    }

    /// "2026年12月5日 至 12月20日": a period, the year once when both ends share it.
    static func period(_ start: CalendarDate, _ end: CalendarDate) -> String {
        guard start.year == end.year else { return "\(day(start)) 至 \(day(end))" }
        return "\(day(start)) 至 \(end.month)月\(end.day)日"
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// A stored timestamp as the value of a `datetime-local` field, in China time
    /// ("2026-07-01T17:00"); empty when the stamp is not a timestamp.
    static func input(stamp: String) -> String {
        guard
            let date = (try? Date.ISO8601FormatStyle().parse(stamp))
                ?? (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(stamp))
        else { return "" }
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + 8 * 3_600
        let ofDay = ((seconds % 86_400) + 86_400) % 86_400
        let minutes = ofDay / 60
        return CalendarDate(chinaDateOf: date).iso + "T" + two(minutes / 60) + ":" + two(minutes % 60)
    }

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
