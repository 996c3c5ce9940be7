// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiDraw
import SuijiStore
import Testing

/// Re-draws cancel the replaced draw's inspections, and the once-a-year rule (§14) applies per
/// target and item, lifted by a case recorded on the target.
@Suite("Re-draws and the once-a-year rule")
struct RedrawAndOnceAYearTests {
    static func inspections(_ draw: DrawFixture, _ id: String) async throws -> [Inspection] {
        try await InspectionStore(database: draw.stores.database).list(
            for: draw.fixture.office.account, InspectionQuery(drawID: id, limit: nil))
    }

    static func excludedIDs(_ draw: DrawFixture, batch: Int64) async throws -> Set<String> {
        let preview = try await draw.stores.draws.previewPool(batchID: batch, for: draw.fixture.samr.account)
        return Set(preview.excluded.entries.filter { $0.reason == .inspectedThisYear }.map(\.id))
    }

    @Test(arguments: TestDatabase.available)
    func aRedrawCancelsTheReplacedInspectionsAndDrawsFromTheSamePool(_ database: TestDatabase) async throws {
        let draw = try await DrawFixture.make(database)
        let first = try await draw.run()
        let firstPool = try await draw.stores.draws.publishedFile(first.id, name: "pool.txt")
        let drawn = try await Self.inspections(draw, first.id).map(\.target.uid)
        #expect(!drawn.isEmpty)
        // The re-draw's pool is the first one's: its drawn targets are not "inspected this year".
        let redraw = Redraw(of: first.id, reason: "两名抽中人员调离岗位", approver: "局长 王某")
        let second = try await draw.run(redraw: redraw)
        #expect(try await draw.stores.draws.publishedFile(second.id, name: "pool.txt") == firstPool)
        for inspection in try await Self.inspections(draw, first.id) {
            #expect(inspection.state == .cancelled)
            let trail = try await InspectionStore(database: draw.stores.database).trail(id: inspection.id, for: draw.fixture.office.account)
            #expect(trail.last?.action == .cancel)
            #expect(trail.last?.reason.contains("两名抽中人员调离岗位") == true)
            #expect(trail.last?.reason.contains(second.id) == true)
        }
        #expect(try await Self.inspections(draw, second.id).allSatisfy { $0.state == .pending })
        // A later batch of the plan: only the re-draw's targets count as inspected this year.
        let later = try await draw.stores.plans.addBatch(
            Batch(
                planID: draw.plan.id, code: "B2", start: CalendarDate(iso: "2026-09-01")!, end: CalendarDate(iso: "2026-09-30")!,
                size: .count(5)),
            caller: draw.fixture.samr)
        let excluded = try await Self.excludedIDs(draw, batch: later.id)
        let redrawn = try await Self.inspections(draw, second.id).map(\.target.uid)
        #expect(Set(redrawn).isSubset(of: excluded))
        #expect(Set(drawn).subtracting(redrawn).isDisjoint(with: excluded))
        await draw.stores.database.close()
    }

    /// A plan of `items` with batch B1 (July) over the same libraries.
    static func plan(_ draw: DrawFixture, code: String, items: [PlanItem]) async throws -> Batch {
        let plan = try await draw.stores.plans.create(
            Plan(
                code: code, name: code, year: 2026, initiator: "SAMR", items: items, windowStart: CalendarDate(iso: "2026-06-01")!,
                windowEnd: CalendarDate(iso: "2026-11-30")!),
            caller: draw.fixture.samr)
        _ = try await draw.stores.plans.apply(.submit, to: plan.id, caller: draw.fixture.samr)
        _ = try await draw.stores.plans.apply(.approve, to: plan.id, caller: draw.fixture.office)
        return try await draw.stores.plans.addBatch(
            Batch(
                planID: plan.id, code: "B1", start: CalendarDate(iso: "2026-08-01")!, end: CalendarDate(iso: "2026-08-31")!, size: .count(5)
            ),
            caller: draw.fixture.samr)
    }

    @Test(arguments: TestDatabase.available)
    func onlyOrdinaryItemsCheckedBeforeExcludeAndACaseLiftsTheRule(_ database: TestDatabase) async throws {
        let draw = try await DrawFixture.make(database)
        for (code, key) in [("SAMR-002", "否"), ("SAMR-KEY", "是")] {
            var item = CheckItemInput()
            item.code = code
            item.name = "事项 \(code)"
            item.methods = "实地核查"
            item.isKeyItem = key
            _ = try await draw.stores.items.create(item, caller: draw.fixture.samr)
        }
        let first = try await draw.run()
        let drawn = Set(try await Self.inspections(draw, first.id).map(\.target.uid))
        // The library's own date (items unknown) excludes for every ordinary item: companies 25 and 50.
        let registry = Set([25, 50].map(Codes.company))  // 75 is closed, 100 deregistered
        let samr001 = PlanItem(department: "SAMR", code: "SAMR-001")
        let repeated = try await Self.excludedIDs(draw, batch: try await Self.plan(draw, code: "2026-SAMR-02", items: [samr001]).id)
        #expect(repeated == drawn.union(registry))
        // A key item alone excludes nobody.
        let keyOnly = try await Self.excludedIDs(
            draw, batch: try await Self.plan(draw, code: "2026-SAMR-03", items: [PlanItem(department: "SAMR", code: "SAMR-KEY")]).id)
        #expect(keyOnly.isEmpty)
        // A key item with an ordinary item the first draw did not check: the draw is no repeat.
        let mixed = try await Self.excludedIDs(
            draw,
            batch: try await Self.plan(
                draw, code: "2026-SAMR-04",
                items: [PlanItem(department: "SAMR", code: "SAMR-KEY"), PlanItem(department: "SAMR", code: "SAMR-002")]
            ).id)
        #expect(mixed == registry)
        // A complaint recorded this year on a drawn target (imported with its date and source) lifts the rule.
        let complained = try #require(drawn.sorted().first)
        let number = try #require((1...120).first { Codes.company($0) == complained })
        let sheet = """
            统一社会信用代码,名称,类型,所属区划,街道（乡镇）,风险等级,状态,特殊情形,情形日期,情形来源
            \(complained),第\(number)号公司,公司,360202,西郊街道,\(["A", "B", "B", "C", "D"][number % 5]),在营,投诉举报,2026-06-10,12315 平台 No. 20260610001
            """
        _ = try await draw.stores.importer.run(.targets, data: Data(sheet.utf8), caller: draw.fixture.samr)
        let target = try await draw.stores.targets.list(scope: .only("SAMR"), query: ListQuery(search: complained)).items.first
        #expect(target?.caseFlag == CaseFlag(kind: .complaint, date: CalendarDate(iso: "2026-06-10")!, source: "12315 平台 No. 20260610001"))
        let again = try await Self.excludedIDs(draw, batch: try await Self.plan(draw, code: "2026-SAMR-05", items: [samr001]).id)
        #expect(again == repeated.subtracting([complained]))
        await draw.stores.database.close()
    }
}
