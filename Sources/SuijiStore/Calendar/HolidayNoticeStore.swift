// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// The State Council holiday notices the office loads into the running server (for a year the
/// shipped data and `--calendar` do not have yet), kept in `holiday_notices` and put back into
/// the calendar in force at every start-up.
public struct HolidayNoticeStore: Sendable {
    public let database: SuijiDatabase

    public init(database: SuijiDatabase) {
        self.database = database
    }

    /// One year of the calendar as the office's page lists it.
    public struct YearStatus: Sendable, Equatable {
        public var year: WorkCalendar.Year
        /// Loaded by the office (else shipped with the software or given with `--calendar`).
        public var loadedBy: String?
        public var loadedAt: Date?
    }

    /// What a load did: the years added and the inspections whose due date is now final.
    public struct LoadResult: Sendable, Equatable {
        public var years: [Int]
        public var recomputed: Int
    }

    /// Puts the stored notices into the calendar in force (at start-up, after migrations). A
    /// stored notice that no longer parses stops the start-up, naming its year: due dates are
    /// never computed without it.
    public func applyStored() async throws {
        let rows = try await database.read { db in
            try await db.raw("SELECT year, content FROM holiday_notices ORDER BY year").all().map {
                (try $0.decode(column: "year", as: Int.self), try $0.decode(column: "content", as: String.self))
            }
        }
        for (year, text) in rows {
            do {
                database.addNotices(try WorkCalendar(parsing: text))
            } catch let error as WorkCalendarError {
                throw StoredNoticeError(year: year, reason: error)
            }
        }
    }

    /// The office loads one or more years' notices in the `holidays-cn.txt` format. A year the
    /// calendar already has a notice for is refused. Inspections whose provisional due date
    /// counted the year get their final due date stored (and "未按期完成" when first submitted
    /// after it); the calendar in force changes at once.
    public func load(text: String, caller: Caller) async throws -> LoadResult {
        guard caller.account.active, caller.account.role == .office else { throw HolidayNoticeError.forbidden }
        let notices: WorkCalendar
        do { notices = try WorkCalendar(parsing: text) } catch let error as WorkCalendarError {
            throw HolidayNoticeError.malformed(error)
        }
        guard !notices.years.isEmpty else { throw HolidayNoticeError.empty }
        let inForce = database.calendar
        for year in notices.years.keys.sorted() {
            if let known = inForce.years[year] { throw HolidayNoticeError.alreadyKnown(year: year, source: known.source) }
        }
        let updated = inForce.merging(notices)
        let at = Timestamp.format(caller.at)
        let recomputed = try await database.write { db in
            for year in notices.years.values.sorted(by: { $0.year < $1.year }) {
                try await db.raw(
                    """
                    INSERT INTO holiday_notices (year, source, content, loaded_by, loaded_at)
                    VALUES (\(bind: year.year), \(bind: year.source), \(bind: year.text), \(bind: caller.account.username), \(bind: at))
                    """
                ).run()
            }
            let count = try await Self.storeFinalDueDates(calendar: updated, on: db)
            try await AuditLog.append(
                db, caller: caller, action: "load-holiday-notice", entity: "calendar",
                entityID: notices.years.keys.sorted().map(String.init).joined(separator: ","),
                detail: ["years": notices.years.values.map(\.source).sorted().joined(separator: "；"), "recomputed": String(count)])
            return count
        }
        database.addNotices(notices)
        return LoadResult(years: notices.years.keys.sorted(), recomputed: recomputed)
    }

    /// Stores the due date of every inspection without one that `calendar` now gives for good;
    /// returns how many.
    static func storeFinalDueDates(calendar: WorkCalendar, on db: any SQLDatabase) async throws -> Int {
        let rows = try await db.raw("SELECT id, window_end, first_submitted_at FROM inspections WHERE due_date IS NULL").all()
        var count = 0
        for row in rows {
            let id = try row.decode(column: "id", as: Int64.self)
            guard let end = CalendarDate(iso: try row.decode(column: "window_end", as: String.self)),
                let due = Inspection.due(windowEnd: end, calendar: calendar), !due.isProvisional
            else { continue }
            let submitted = StoredDate.parse(try row.decode(column: "first_submitted_at", as: String?.self))
            let late = submitted.map { CalendarDate(chinaDateOf: $0) > due.date } ?? false
            if late {
                try await db.raw("UPDATE inspections SET due_date = \(bind: due.date.iso), late = 1 WHERE id = \(bind: id)").run()
            } else {
                try await db.raw("UPDATE inspections SET due_date = \(bind: due.date.iso) WHERE id = \(bind: id)").run()
            }
            count += 1
        }
        return count
    }

    /// The years from the first with a notice to two years after `today`'s, each a notice or
    /// provisional, with who loaded it.
    public func years(today: CalendarDate) async throws -> [YearStatus] {
        let calendar = database.calendar
        let loaded = try await database.read { db in
            try await db.raw("SELECT year, loaded_by, loaded_at FROM holiday_notices").all()
        }
        var by: [Int: (String, Date?)] = [:]
        for row in loaded {
            by[try row.decode(column: "year", as: Int.self)] = (
                try row.decode(column: "loaded_by", as: String.self), StoredDate.parse(try row.decode(column: "loaded_at", as: String.self))
            )
        }
        let first = calendar.knownYears.min() ?? today.year
        let last = max(calendar.knownYears.max() ?? today.year, today.year) + 1
        return (first...last).reversed().compactMap { year in
            calendar.year(year).map { YearStatus(year: $0, loadedBy: by[year]?.0, loadedAt: by[year]?.1) }
        }
    }
}

/// A holiday notice stored in the database that no longer parses: start-up stops and names it.
public struct StoredNoticeError: Error, Equatable, CustomStringConvertible {
    public var year: Int
    public var reason: WorkCalendarError

    public var description: String { "the stored holiday notice of \(year) cannot be read: \(reason.message)" }
}
