// SPDX-License-Identifier: Apache-2.0

import Foundation

/// The Chinese working-day calendar: Monday to Friday are working days,
/// except the days off announced by the State Council General Office's annual
/// holiday notice, and Saturday/Sunday are days off, except its make-up
/// working days (调休上班).
///
/// Only years with a notice in the data are *known*. Every query touching a
/// date in an unknown year throws ``WorkCalendarError/unknownYear(_:)``; the
/// calendar never falls back to a plain Monday–Friday guess.
public struct WorkCalendar: Sendable {
    /// One year's notice: its source text and its exceptions to the Mon–Fri week.
    public struct Year: Sendable, Hashable {
        /// The year.
        public let year: Int
        /// Free text from the `year` line, e.g. "国办发明电〔2024〕12号 2024-11-12".
        public let source: String
        /// Weekdays that are days off, with the holiday name.
        public let daysOff: [CalendarDate: String]
        /// Weekend days that are working days, with the holiday they make up for.
        public let workingWeekendDays: [CalendarDate: String]
        /// Computed from the statutory holidays, not a notice (``StatutoryHolidays``).
        public let isProvisional: Bool

        /// Creates a year record.
        public init(
            year: Int, source: String, daysOff: [CalendarDate: String], workingWeekendDays: [CalendarDate: String],
            isProvisional: Bool = false
        ) {
            self.year = year
            self.source = source
            self.daysOff = daysOff
            self.workingWeekendDays = workingWeekendDays
            self.isProvisional = isProvisional
        }
    }

    /// The notices, by year.
    public let years: [Int: Year]
    /// Whether a year without a notice gets a provisional calendar from the statutory holidays
    /// (``StatutoryHolidays/provisionalYear(_:)``) instead of being unknown.
    public let fillsProvisionalYears: Bool

    /// The years with a notice.
    public var knownYears: Set<Int> { Set(years.keys) }

    /// The notice of `year`, else its provisional calendar when this calendar fills them.
    public func year(_ year: Int) -> Year? {
        if let notice = years[year] { return notice }
        return fillsProvisionalYears ? StatutoryHolidays.provisionalYear(year) : nil
    }

    /// Whether `year` is only known provisionally (no notice; computed).
    public func isProvisional(_ year: Int) -> Bool {
        years[year] == nil && self.year(year) != nil
    }

    /// This calendar with a provisional calendar for every year without a notice (2014–2100).
    public func withProvisionalYears() -> WorkCalendar {
        WorkCalendar(years: years, fillsProvisionalYears: true)
    }

    /// Parses the `holidays-cn.txt` format (documented at the top of that
    /// file). Throws ``WorkCalendarError/malformedLine(line:reason:)`` naming
    /// the 1-based line number of the first bad line.
    public init(parsing text: String) throws {
        self.years = try HolidayDataParser.parse(text)
        self.fillsProvisionalYears = false
    }

    /// Creates a calendar from already-validated year records.
    public init(years: [Int: Year], fillsProvisionalYears: Bool = false) {
        self.years = years
        self.fillsProvisionalYears = fillsProvisionalYears
    }

    private static let bundledResult: Result<WorkCalendar, WorkCalendarError> = {
        guard let url = Bundle.module.url(forResource: "holidays-cn", withExtension: "txt") else {
            return .failure(.resourceUnavailable("holidays-cn.txt 不在资源包中"))
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            return .failure(.resourceUnavailable(String(describing: error)))
        }
        do {
            return .success(try WorkCalendar(parsing: text))
        } catch let error as WorkCalendarError {
            return .failure(error)
        } catch {
            return .failure(.resourceUnavailable(String(describing: error)))
        }
    }()

    /// The calendar shipped with the software (`holidays-cn.txt`). The file is
    /// read and parsed once per process; later calls return the cached value.
    public static func bundled() throws -> WorkCalendar {
        try bundledResult.get()
    }

    /// A calendar with the years of `other` added; a year present in both is
    /// taken entirely from `other`. Use it to load the next year's notice (or a
    /// correction) before a software update:
    /// `try WorkCalendar.bundled().merging(WorkCalendar(parsing: userText))`.
    public func merging(_ other: WorkCalendar) -> WorkCalendar {
        WorkCalendar(years: years.merging(other.years) { _, new in new }, fillsProvisionalYears: fillsProvisionalYears)
    }

    /// Whether `date` is a working day. Throws
    /// ``WorkCalendarError/unknownYear(_:)`` if its year is not known.
    public func isWorkingDay(_ date: CalendarDate) throws -> Bool {
        guard let info = year(date.year) else { throw WorkCalendarError.unknownYear(date.year) }
        if date.isWeekend {
            return info.workingWeekendDays[date] != nil
        }
        return info.daysOff[date] == nil
    }

    /// The holiday name if `date` is a weekday off or a make-up working day;
    /// `nil` for ordinary days. Throws for unknown years.
    public func note(for date: CalendarDate) throws -> String? {
        guard let info = year(date.year) else { throw WorkCalendarError.unknownYear(date.year) }
        return info.daysOff[date] ?? info.workingWeekendDays[date]
    }

    /// The `n`-th working day strictly after `date`; for `n == 0`, `date`
    /// itself (whatever kind of day it is). So `addingWorkingDays(1, to:)` of a
    /// Friday before a normal weekend is the next Monday.
    ///
    /// Throws ``WorkCalendarError/negativeCount(_:)`` for `n < 0`, and
    /// ``WorkCalendarError/unknownYear(_:)`` if `date` or any day stepped over
    /// lies in an unknown year.
    public func addingWorkingDays(_ n: Int, to date: CalendarDate) throws -> CalendarDate {
        guard n >= 0 else { throw WorkCalendarError.negativeCount(n) }
        guard year(date.year) != nil else { throw WorkCalendarError.unknownYear(date.year) }
        var current = date
        var remaining = n
        while remaining > 0 {
            current = current.adding(days: 1)
            if try isWorkingDay(current) { remaining -= 1 }
        }
        return current
    }

    /// The number of working days in the half-open interval (a, b]: `a` itself
    /// is not counted, `b` is. 0 when a == b; negative (−count in (b, a]) when
    /// b < a. Consistent with ``addingWorkingDays(_:to:)``: if
    /// `addingWorkingDays(n, to: a) == b` then `workingDays(between: a, and: b) == n`.
    ///
    /// Throws ``WorkCalendarError/unknownYear(_:)`` if `a`, `b` or any day
    /// between lies in an unknown year.
    public func workingDays(between a: CalendarDate, and b: CalendarDate) throws -> Int {
        if b < a { return -(try workingDays(between: b, and: a)) }
        guard year(a.year) != nil else { throw WorkCalendarError.unknownYear(a.year) }
        var count = 0
        var current = a
        while current < b {
            current = current.adding(days: 1)
            if try isWorkingDay(current) { count += 1 }
        }
        return count
    }

    /// The number of working days allowed for publishing inspection results.
    public static let resultDueWorkingDays = 20

    /// The date by which an inspection's results are due: the 20th working day
    /// strictly after the day the inspection ended
    /// (`addingWorkingDays(20, to: inspectionEnd)`).
    public func resultDueDate(inspectionEnd: CalendarDate) throws -> CalendarDate {
        try addingWorkingDays(Self.resultDueWorkingDays, to: inspectionEnd)
    }

    /// A due date and whether it is provisional (暂定): some day counted lies in a year without
    /// a notice, so it may move when the notice is loaded.
    public struct Due: Sendable, Hashable {
        public var date: CalendarDate
        public var isProvisional: Bool

        /// Creates a due date.
        public init(date: CalendarDate, isProvisional: Bool) {
            self.date = date
            self.isProvisional = isProvisional
        }
    }

    /// ``resultDueDate(inspectionEnd:)`` with whether it is provisional.
    public func resultDue(inspectionEnd: CalendarDate) throws -> Due {
        let date = try resultDueDate(inspectionEnd: inspectionEnd)
        let counted = inspectionEnd.adding(days: 1).year...max(date.year, inspectionEnd.adding(days: 1).year)
        return Due(date: date, isProvisional: counted.contains(where: isProvisional))
    }
}
