// SPDX-License-Identifier: Apache-2.0

/// A calendar month, e.g. 2026-03.
public struct YearMonth: Sendable, Codable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    /// 1...12.
    public let month: Int

    /// Creates a month, or nil outside 1...9999 / 1...12.
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// The month of `date`.
    public init(_ date: CalendarDate) {
        self.year = date.year
        self.month = date.month
    }

    /// Parses exactly `YYYY-MM`.
    public init?(iso: String) {
        guard let date = CalendarDate(iso: iso + "-01"), iso.utf8.count == 7 else { return nil }
        self.init(date)
    }

    /// `YYYY-MM`.
    public var iso: String { String(first.iso.prefix(7)) }
    public var description: String { iso }
    /// e.g. 2026年3月.
    public var label: String { "\(year)年\(month)月" }
    /// The first day.
    public var first: CalendarDate { CalendarDate(year: year, month: month, day: 1)! }
    /// The last day.
    public var last: CalendarDate { CalendarDate(year: year, month: month, day: CalendarDate.daysInMonth(year: year, month: month))! }
    /// The month after.
    public var next: YearMonth { YearMonth(last.adding(days: 1)) }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = YearMonth(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM month: \(text)"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

/// The months an oversight report covers, first and last included (at most 36).
public struct OversightPeriod: Sendable, Codable, Equatable {
    public let from: YearMonth
    public let to: YearMonth

    /// The longest period a report covers.
    public static let maxMonths = 36

    /// Creates a period, or an error naming the field when `to` is before `from` or the period is
    /// longer than `maxMonths`.
    public init(from: YearMonth, to: YearMonth) throws(OversightError) {
        guard from <= to else { throw .invalid([FieldIssue(field: "to", message: "截止月份不能早于起始月份")]) }
        let count = (to.year - from.year) * 12 + to.month - from.month + 1
        guard count <= Self.maxMonths else {
            throw .invalid([FieldIssue(field: "to", message: "统计期间最长 \(Self.maxMonths) 个月")])
        }
        self.from = from
        self.to = to
    }

    /// Parses `from` and `to` (`YYYY-MM`; a bare year `YYYY` means January or December).
    /// Missing values default to the whole year of `today`.
    public static func parse(from: String?, to: String?, today: CalendarDate) throws(OversightError) -> OversightPeriod {
        func month(_ text: String?, field: String, yearEnd: Bool) throws(OversightError) -> YearMonth {
            let text = (text ?? "").trimmed
            if text.isEmpty { return YearMonth(year: today.year, month: yearEnd ? 12 : 1)! }
            if text.utf8.count == 4, let year = Int(text), let value = YearMonth(year: year, month: yearEnd ? 12 : 1) { return value }
            guard let value = YearMonth(iso: text) else {
                throw .invalid([FieldIssue(field: field, message: "月份“\(text)”格式应为 YYYY-MM，例如 2026-03")])
            }
            return value
        }
        return try OversightPeriod(from: month(from, field: "from", yearEnd: false), to: month(to, field: "to", yearEnd: true))
    }

    /// The whole year `year`.
    public static func year(_ year: Int) throws(OversightError) -> OversightPeriod {
        guard let from = YearMonth(year: year, month: 1), let to = YearMonth(year: year, month: 12) else {
            throw .invalid([FieldIssue(field: "year", message: "年份无效")])
        }
        return try OversightPeriod(from: from, to: to)
    }

    /// Every month, in order.
    public var months: [YearMonth] {
        var result = [from]
        while result.last! < to { result.append(result.last!.next) }
        return result
    }

    /// The first day.
    public var start: CalendarDate { from.first }
    /// The last day.
    public var end: CalendarDate { to.last }

    /// Whether `date` is inside.
    public func contains(_ date: CalendarDate) -> Bool { start <= date && date <= end }

    /// Whether the days `first...last` overlap the period.
    public func overlaps(_ first: CalendarDate, _ last: CalendarDate) -> Bool { first <= end && start <= last }

    /// e.g. 2026年1月至2026年6月, or 2026年3月.
    public var label: String { from == to ? from.label : "\(from.label)至\(to.label)" }
}
