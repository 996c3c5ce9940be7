// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore
import Testing

@Suite("Scheduled risk-class lowering in the store")
struct CreditLoweringTests {
    /// The caller `system` at noon (China) of `iso`.
    static func at(_ iso: String) -> Caller {
        let day = CalendarDate(iso: iso)!
        let noon = DateComponents(
            calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(secondsFromGMT: 8 * 3600), year: day.year, month: day.month,
            day: day.day, hour: 12
        ).date!
        return Caller.system(at: noon)
    }

    @Test(arguments: TestDatabase.available)
    func aClassRaisedByAProblemIsLoweredAfterTwelveCleanMonthsOnce(_ database: TestDatabase) async throws {
        // setup: a problem published on 2026-09-03 raises the target's class.
        let fixture = try await InspectionFixture.make(database)
        let inspection = try #require(try await fixture.all().first { $0.target.name.hasSuffix("号公司") })
        let uid = inspection.target.uid
        let credit = CreditStoreTests()
        let before = try await credit.riskClass(fixture, uid, "SAMR")
        try await credit.publish(fixture, inspection, category: "correction-ordered")
        let raised = try await credit.riskClass(fixture, uid, "SAMR")
        #expect(raised == (RiskClass(rawValue: before)!.step(1) ?? .d).rawValue)
        let store = CreditStore(database: fixture.stores.database)

        // MUT: not due a day before the twelve months are up; due on the day; once only.
        #expect(try await store.applyDueLowerings(caller: Self.at("2027-09-02")).isEmpty)
        let lowered = try await store.applyDueLowerings(caller: Self.at("2027-09-03"))
        let again = try await store.applyDueLowerings(caller: Self.at("2027-09-03"))
        let later = try await store.applyDueLowerings(on: CalendarDate(iso: "2027-12-01"), caller: Self.at("2028-01-05"))

        // validate
        let samr = try #require(lowered.first { $0.department == "SAMR" })
        #expect(samr.targetUID == uid && samr.from.rawValue == raised && samr.inspectionID == nil && samr.reason.contains("12个月未发现问题"))
        #expect(samr.to == RiskClass(rawValue: raised)!.step(-1))
        #expect(again.isEmpty && later.isEmpty)
        #expect(try await credit.riskClass(fixture, uid, "SAMR") == samr.to.rawValue)
        let history = try await store.history(uid: uid, scope: .only("SAMR"))
        #expect(history.last == samr && history.count == (before == "D" ? 1 : 2))
        let log = try await AuditLog.recent(fixture.stores.database, limit: 20)
        #expect(log.filter { $0.action == "risk-class-lowering" }.count == lowered.count)
        if case .intact = try await AuditLog.verify(fixture.stores.database) {} else { Issue.record("audit log broken") }
        // A further clean year lowers one more step, from the last lowering.
        let next = try await store.applyDueLowerings(caller: Self.at("2028-09-03"))
        if samr.to > .a { #expect(next.first { $0.department == "SAMR" }?.from == samr.to) }
        // A day after today is refused.
        await #expect(throws: LibraryError.self) {
            _ = try await store.applyDueLowerings(on: CalendarDate(iso: "2029-01-01"), caller: Self.at("2028-09-03"))
        }
        await fixture.stores.database.close()
    }
}
