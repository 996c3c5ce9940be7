// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import SuijiCore
import SuijiDemo
import SuijiStore
import Testing

/// The demo district has a history the oversight statistics can show.
@Suite("Demo oversight history")
struct DemoOversightTests {
    @Test func earlierBatchesHavePublishedResultsAndFollowUps() async throws {
        // setup
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18
        let stores = try await Stores.open(.sqliteMemory, bcryptCost: 4, now: now, logger: logger)
        _ = try await DemoDistrict.build(stores: stores, now: now, scale: 0.05)
        let office = try #require(try await stores.accounts.all().first { $0.role == .office })
        // MUT
        let report = try await StatisticsStore(database: stores.database).report(
            try OversightPeriod.year(2026), asOf: CalendarDate(chinaDateOf: now), for: office)
        // validate
        let total = report.total
        // The demo leader has visits planned for today (今日检查).
        let leader = try #require(try await stores.accounts.all().first { $0.username == "samr-leader" })
        let queue = try await stores.workQueue.queue(for: leader, today: CalendarDate(chinaDateOf: now))
        #expect(!queue.visitsToday.isEmpty && !queue.resultsDue.isEmpty)
        #expect(total[.plans] >= 3 && total[.draws] >= 5)
        #expect(total[.due] > 0 && total[.published] > 0 && total[.published] <= total[.due])
        #expect(total[.onTime] + total[.notOnTime] <= total[.due] && total[.submitted] >= total[.onTime])
        #expect(total[.problems] > 0 && total[.followUpsOpened] > 0)
        let departments = report.byDepartment.filter { $0[.due] > 0 }.map(\.key)
        #expect(departments == ["HEALTH", "SAMR"])
        #expect(report.byMonth.filter { $0[.due] > 0 }.count >= 4)
        guard case .intact = try await AuditLog.verify(stores.database) else {
            Issue.record("audit log broken")
            return
        }
        await stores.database.close()
    }
}
