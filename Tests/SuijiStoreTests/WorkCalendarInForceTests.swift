// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore
import Testing

@Suite("The working-day calendar in force (--calendar)")
struct WorkCalendarInForceTests {
    @Test(arguments: TestDatabase.available)
    func dueDatesFollowTheCalendarTheDatabaseWasOpenedWith(_ database: TestDatabase) async throws {
        // setup: a corrected 2026 notice that makes Monday 2026-08-03 a day off (a file replaces whole years).
        let corrected = try WorkCalendar.bundled().merging(try WorkCalendar(parsing: "year 2026 更正通知（测试）\noff 2026-08-03 测试假日\n"))
        // MUT: a draw executed on a database opened with it.
        let fixture = try await InspectionFixture.make(database, calendar: corrected)
        // validate: 20 working days after 2026-07-31, skipping 2026-08-03 (the bundled notice gives 2026-08-28).
        let all = try await fixture.all()
        #expect(!all.isEmpty && all.allSatisfy { $0.resultDueDate?.iso == "2026-08-31" })
        #expect(fixture.stores.database.calendar.knownYears.contains(2026))
        #expect(try await fixture.inspections.overdue(today: CalendarDate(iso: "2026-08-31")!, for: fixture.office.account).isEmpty)
        await fixture.stores.database.close()
    }
}
