// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiDraw
import SuijiStore
import Testing

/// Draft plans and batches without a draw are changed and deleted by the initiator's admin, in
/// one audited transaction; the preview counts the pool the way the draw does (issue 13, point 2).
@Suite("Editing drafts and batches")
struct PlanEditTests {
    static func seed(_ fixture: Fixture) async throws {
        var item = CheckItemInput()
        item.code = "SAMR-001"
        item.name = "企业公示信息的抽查"
        item.methods = "实地核查"
        _ = try await fixture.stores.items.create(item, caller: fixture.samr)
        let header = "统一社会信用代码,名称,类型,所属区划,街道（乡镇）,风险等级,状态"
        let rows = (1...40).map {
            "\(Codes.company($0)),第\($0)号公司,公司,360202,西郊街道,\(["A", "B", "C", "D"][$0 % 4]),\($0 % 10 == 0 ? "注销" : "在营")"
        }
        _ = try await fixture.stores.importer.run(
            .targets, data: Data(([header] + rows).joined(separator: "\n").utf8), caller: fixture.samr)
    }

    static func plan(code: String = "2026-SAMR-09") -> Plan {
        Plan(
            code: code, name: "企业公示信息抽查", year: 2026, initiator: "SAMR", items: [PlanItem(department: "SAMR", code: "SAMR-001")],
            windowStart: CalendarDate(iso: "2026-06-01")!, windowEnd: CalendarDate(iso: "2026-11-30")!)
    }

    @Test(arguments: TestDatabase.available)
    func aDraftIsChangedAndDeletedWithItsBatches(_ database: TestDatabase) async throws {
        let fixture = try await Fixture.make(database)
        try await Self.seed(fixture)
        let plans = fixture.stores.plans
        let created = try await plans.create(Self.plan(), caller: fixture.samr)
        var changed = Self.plan(code: "2026-SAMR-10")
        changed.name = "企业公示信息抽查（修订）"
        #expect(try await plans.update(id: created.id, changed, caller: fixture.samr).code == "2026-SAMR-10")
        await #expect(throws: PlanError.self) { try await plans.update(id: created.id, changed, caller: fixture.health) }
        let batch = try await plans.addBatch(
            Batch(
                planID: created.id, code: "B1", start: CalendarDate(iso: "2026-07-01")!, end: CalendarDate(iso: "2026-07-31")!,
                size: .count(3)),
            caller: fixture.samr)
        var recount = batch
        recount.size = .ratios(a: 100, b: 100, c: 100, d: 1000, rounding: .floor)
        #expect(try await plans.updateBatch(id: batch.id, recount, caller: fixture.samr).size == recount.size)
        // A window that would leave the batch outside is refused.
        var narrow = changed
        narrow.windowEnd = CalendarDate(iso: "2026-06-30")!
        await #expect(throws: PlanError.self) { try await plans.update(id: created.id, narrow, caller: fixture.samr) }

        // The preview of the batch: per class, the draw's own sample sizes.
        let preview = try await fixture.stores.draws.preview(
            plan: try await plans.get(id: created.id, for: fixture.samr.account), batch: recount, for: fixture.samr.account)
        #expect(preview.eligible == 36 && preview.excluded[.deregistered] == 4)
        // A: 8 eligible × 10 % rounded down = 0; D: 10 × 100 % = 10.
        #expect(preview.strata.map(\.label) == ["A", "B", "C", "D"])
        #expect(preview.strata.map(\.sample) == [0, 1, 0, 10] && preview.sample == 11)

        try await plans.delete(id: created.id, caller: fixture.samr)
        await #expect(throws: PlanError.self) { try await plans.get(id: created.id, for: fixture.samr.account) }
        let actions = try await AuditLog.recent(fixture.stores.database, limit: 10).map(\.action)
        #expect(actions.contains("update") && actions.contains("update-batch") && actions.contains("delete"))
        guard case .intact = try await AuditLog.verify(fixture.stores.database) else {
            Issue.record("the audit chain must stay intact")
            return
        }
        await fixture.stores.database.close()
    }

    @Test(arguments: TestDatabase.available)
    func aSubmittedPlanIsNoLongerADraft(_ database: TestDatabase) async throws {
        let fixture = try await Fixture.make(database)
        try await Self.seed(fixture)
        let plans = fixture.stores.plans
        let created = try await plans.create(Self.plan(), caller: fixture.samr)
        _ = try await plans.apply(.submit, to: created.id, caller: fixture.samr)
        await #expect(throws: PlanError.self) { try await plans.update(id: created.id, Self.plan(), caller: fixture.samr) }
        await #expect(throws: PlanError.self) { try await plans.delete(id: created.id, caller: fixture.samr) }
        #expect(try await plans.get(id: created.id, for: fixture.samr.account).state == .submitted)
        await fixture.stores.database.close()
    }
}
