// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiDraw
import SuijiStore
import Testing

@Suite("Credit records and follow-ups in the store")
struct CreditStoreTests {
    static let september = Date(timeIntervalSince1970: 1_788_400_000)  // 2026-09-03

    /// Enters `category` for HEALTH-001 (SAMR-001 no problem), submits, approves and publishes.
    func publish(_ fixture: InspectionFixture, _ inspection: Inspection, category: String, kinds: [NonCooperation] = []) async throws {
        let leader = try await fixture.inspector(inspection.team[0].id, department: "SAMR")
        try await fixture.enter(inspection.id, caller: leader)
        _ = try await fixture.inspections.recordFinding(
            id: inspection.id, FindingInput(itemCode: "HEALTH-001", methods: [.onSite], category: category, nonCooperation: kinds),
            caller: leader)
        _ = try await fixture.inspections.submit(id: inspection.id, caller: leader)
        _ = try await fixture.inspections.review(id: inspection.id, action: .approve, caller: fixture.draw.fixture.samr)
        let samr = Caller(account: fixture.draw.fixture.samr.account, at: Self.september)
        _ = try await fixture.inspections.review(id: inspection.id, action: .publish, caller: samr)
    }

    func riskClass(_ fixture: InspectionFixture, _ uid: String, _ department: String) async throws -> String {
        let page = try await fixture.stores.targets.list(scope: .only(department), query: ListQuery(search: uid))
        return try #require(page.items.first { $0.uid == uid }).riskClass.rawValue
    }

    /// The stratum of `uid` in a new draw of the plan (pool or excluded list).
    func stratumInNextDraw(_ fixture: InspectionFixture, _ uid: String) async throws -> String? {
        let draw = fixture.draw
        let batch = try await draw.stores.plans.addBatch(
            Batch(
                planID: draw.plan.id, code: "B2", start: CalendarDate(iso: "2026-10-08")!, end: CalendarDate(iso: "2026-10-30")!,
                size: .ratios(a: 50, b: 100, c: 300, d: 1000, rounding: .ceil)),
            caller: draw.fixture.samr)
        let prepared = try await draw.stores.draws.prepare(batchID: batch.id, caller: draw.fixture.samr, announcement: DrawFixture.lottery)
        _ = try await draw.stores.draws.commit(
            prepared.id, department: "SAMR", commitment: draw.commitment("SAMR", prepared.id), caller: draw.fixture.samr)
        _ = try await draw.stores.draws.commit(
            prepared.id, department: "HEALTH", commitment: draw.commitment("HEALTH", prepared.id), caller: draw.fixture.health)
        let files = try await draw.stores.draws.publishedFiles(prepared.id)
        for name in ["pool.txt", "excluded.txt"] {
            let text = String(decoding: files[name] ?? [], as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix(uid + "\t") }) {
                return line.split(separator: "\t").dropFirst().first.map(String.init)
            }
        }
        return nil
    }

    @Test(arguments: TestDatabase.available)
    func aPublishedProblemRaisesTheClassAndTheNextDrawUsesIt(_ database: TestDatabase) async throws {
        let fixture = try await InspectionFixture.make(database)
        let inspection = try #require(try await fixture.all().first { $0.target.name.hasSuffix("号公司") })
        let uid = inspection.target.uid
        let before = try await riskClass(fixture, uid, "SAMR")
        try await publish(fixture, inspection, category: "correction-ordered")
        let credit = CreditStore(database: fixture.stores.database)
        let records = try await credit.records(uid: uid, scope: .all)
        #expect(records.count == 1 && records[0].problem && !records[0].serious && records[0].inspectionID == inspection.id)
        #expect(records[0].categories == ["no-problem", "correction-ordered"] && records[0].date.iso == "2026-09-03")
        let expected = RiskClass(rawValue: before)!.step(1)?.rawValue ?? "D"
        #expect(try await riskClass(fixture, uid, "SAMR") == expected)
        let history = try await credit.history(uid: uid, scope: .only("SAMR"))
        if before != "D" {
            #expect(history.map(\.to.rawValue) == [expected] && history[0].from.rawValue == before && history[0].reason.contains("上调"))
        }
        #expect(try await stratumInNextDraw(fixture, uid) == expected)
        await fixture.stores.database.close()
    }

    @Test(arguments: TestDatabase.available)
    func seriousNonCooperationSetsD(_ database: TestDatabase) async throws {
        let fixture = try await InspectionFixture.make(database)
        let inspection = try #require(try await fixture.all().first)
        let uid = inspection.target.uid
        try await publish(fixture, inspection, category: "non-cooperation", kinds: [.refusedEntry])
        #expect(try await riskClass(fixture, uid, "SAMR") == "D")
        let records = try await CreditStore(database: fixture.stores.database).records(uid: uid, scope: .only("SAMR"))
        #expect(records.map(\.serious) == [true])
        await #expect(throws: LibraryError.self) {
            _ = try await CreditStore(database: fixture.stores.database).records(uid: "nope", scope: .all)
        }
        await fixture.stores.database.close()
    }

    @Test(arguments: TestDatabase.available)
    func followUpsAreOpenedByPlanDepartmentsAndFlaggedOverdue(_ database: TestDatabase) async throws {
        let fixture = try await InspectionFixture.make(database)
        let all = try await fixture.all()
        let inspection = all[0]
        let store = FollowUpStore(database: fixture.stores.database)
        let samr = Caller(account: fixture.draw.fixture.samr.account, at: Self.september)
        let order = FollowUp(
            inspectionID: inspection.id, targetUID: "", department: "", kind: .rectification, openedOn: CalendarDate(iso: "2026-09-03")!,
            deadline: CalendarDate(iso: "2026-09-30")!)
        // Not before the results are approved.
        await #expect(throws: FollowUpError.self) { _ = try await store.open(inspectionID: inspection.id, order, caller: samr) }
        try await publish(fixture, inspection, category: "correction-ordered")
        // A department outside the plan cannot open one.
        let system = Caller.system(at: TestDatabase.t0)
        try await fixture.stores.departments.create(Department(code: "EDU", name: "区教育局"), caller: system)
        let edu = try await fixture.stores.accounts.create(
            Account(username: "edu-admin", displayName: "教育局管理员", role: .departmentAdmin, departmentCode: "EDU"),
            password: "fixture-pass-2026",
            caller: system)
        await #expect(throws: FollowUpError.self) {
            _ = try await store.open(inspectionID: inspection.id, order, caller: Caller(account: edu, at: Self.september))
        }
        let opened = try await store.open(inspectionID: inspection.id, order, caller: samr)
        #expect(opened.state == .open && opened.department == "SAMR" && opened.targetUID == inspection.target.uid)
        let health = Caller(account: fixture.draw.fixture.health.account, at: Self.september)
        let lead = try await store.open(
            inspectionID: inspection.id,
            FollowUp(
                inspectionID: 0, targetUID: "", department: "", kind: .leadTransferred, openedOn: CalendarDate(iso: "2026-09-03")!,
                transferredTo: "区卫生监督所", transferredOn: CalendarDate(iso: "2026-09-03")!, transferredBy: "李四"),
            caller: health)
        #expect(try await store.list(inspectionID: inspection.id, for: samr.account).map(\.id) == [opened.id, lead.id])
        // Past its deadline the rectification is overdue; re-checked, it is not.
        let october = CalendarDate(iso: "2026-10-08")!
        #expect(opened.isOverdue(today: october))
        #expect(try await store.listOpen(overdueOn: october, for: samr.account).map(\.id) == [opened.id])
        #expect(try await store.listOpen(overdueOn: october, for: health.account).isEmpty)
        #expect(try await store.listOpen(for: fixture.office.account).count == 2)
        await #expect(throws: FollowUpError.self) { _ = try await store.apply(.rectified, to: opened.id, caller: health) }
        await #expect(throws: FollowUpError.self) { _ = try await store.apply(.close, to: opened.id, caller: samr) }
        let rechecked = try await store.apply(.rectified, to: opened.id, on: october, notes: "已整改到位", caller: samr)
        #expect(rechecked.state == .closed && rechecked.outcome == .rectified && rechecked.notes == "已整改到位")
        #expect(try await store.listOpen(overdueOn: october, for: samr.account).isEmpty)
        _ = try await store.apply(.close, to: lead.id, caller: health)
        await #expect(throws: FollowUpError.self) { _ = try await store.apply(.close, to: lead.id, caller: health) }
        await fixture.stores.database.close()
    }
}
