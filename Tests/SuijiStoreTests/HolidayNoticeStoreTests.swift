// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import SuijiCore
import SuijiStore
import Testing

/// Due dates in a year without a State Council notice are provisional (暂定) and become final
/// when the office loads the notice into the running server; the notice survives a restart.
@Suite("Holiday notices loaded by the office")
struct HolidayNoticeStoreTests {
    /// The shipped calendar without 2026: the draw fixture's July window then ends in a provisional year.
    static var without2026: WorkCalendar {
        WorkCalendar(years: try! WorkCalendar.bundled().years.filter { $0.key != 2026 })
    }

    /// A 2026 notice that differs from the law's days: Monday 3 August off.
    static let notice = "year 2026 测试通知（非真实）\noff 2026-08-03 测试假日\n"

    @Test(arguments: TestDatabase.available)
    func provisionalDueDatesBecomeFinalWhenTheNoticeIsLoaded(_ database: TestDatabase) async throws {
        // setup: inspections whose due date counts 2026 days, computed without a notice.
        let fixture = try await InspectionFixture.make(database, calendar: Self.without2026)
        let before = try await fixture.all()
        #expect(!before.isEmpty && before.allSatisfy { $0.resultDueDate?.iso == "2026-08-28" && $0.resultDueDateProvisional })
        #expect(fixture.stores.database.calendar.isProvisional(2026))
        // Submitted on Saturday 29 August: late by the provisional date (shown, not stored), on time by the notice's.
        let leader = try await fixture.inspector(before[0].team[0].id, department: "SAMR", at: Date(timeIntervalSince1970: 1_787_976_000))
        try await fixture.enter(before[0].id, caller: leader)
        #expect(try await fixture.inspections.submit(id: before[0].id, caller: leader).late)

        // MUT
        let result = try await fixture.stores.holidayNotices.load(text: Self.notice, caller: fixture.office)

        // validate: final due dates follow the notice, stored; the calendar in force has the year.
        #expect(result.years == [2026] && result.recomputed == before.count)
        let after = try await fixture.all()
        #expect(after.allSatisfy { $0.resultDueDate?.iso == "2026-08-31" && !$0.resultDueDateProvisional })
        #expect(after.first { $0.id == before[0].id }?.late == false)
        #expect(!fixture.stores.database.calendar.isProvisional(2026))
        let years = try await fixture.stores.holidayNotices.years(today: CalendarDate(iso: "2026-05-28")!)
        #expect(years.first { $0.year.year == 2026 }?.loadedBy == "office")
        #expect(years.first { $0.year.year == 2027 }?.year.isProvisional == true)

        // A second load of the year, a bad line, no year, and a department admin are refused.
        await #expect(throws: HolidayNoticeError.self) {
            try await fixture.stores.holidayNotices.load(text: Self.notice, caller: fixture.office)
        }
        do {
            _ = try await fixture.stores.holidayNotices.load(text: "year 2027 x\noff 2027-01-02 周六\n", caller: fixture.office)
            Issue.record("a weekend `off` day must be refused")
        } catch let error as HolidayNoticeError {
            #expect(error.message.contains("第 2 行") && error.field == "notice")
        }
        await #expect(throws: HolidayNoticeError.empty) {
            try await fixture.stores.holidayNotices.load(text: "# 空\n", caller: fixture.office)
        }
        await #expect(throws: HolidayNoticeError.forbidden) {
            try await fixture.stores.holidayNotices.load(text: "year 2027 x\n", caller: fixture.draw.fixture.samr)
        }
        await fixture.stores.database.close()
    }

    @Test func aLoadedNoticeIsInForceAgainAfterARestart() async throws {
        // setup
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("suiji-notice-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let first = try await Stores.open(
            .sqliteFile(path), bcryptCost: 4, calendar: Self.without2026, now: TestDatabase.t0, logger: logger)
        _ = try await first.holidayNotices.load(text: Self.notice, caller: .system(at: TestDatabase.t0))
        await first.database.close()

        // MUT
        let second = try await Stores.open(
            .sqliteFile(path), bcryptCost: 4, calendar: Self.without2026, now: TestDatabase.t0, logger: logger)

        // validate
        let calendar = second.database.calendar
        #expect(calendar.years[2026]?.source == "测试通知（非真实）")
        #expect(try !calendar.isWorkingDay(CalendarDate(iso: "2026-08-03")!))
        await second.database.close()
    }
}
