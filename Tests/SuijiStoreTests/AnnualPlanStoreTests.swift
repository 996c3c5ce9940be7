// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore
import Testing

/// SAMR's library holds companies 1–40, HEALTH's 16–55 (40 is deregistered); SAMR's plan and HEALTH's plan over them,
/// both on site, and a SAMR documentary plan over the same targets.
struct AnnualPlanFixture {
    let fixture: Fixture
    let onSite: Plan
    let health: Plan
    let documentary: Plan
    var stores: Stores { fixture.stores }

    static func make(_ database: TestDatabase) async throws -> AnnualPlanFixture {
        let fixture = try await Fixture.make(database)
        let stores = fixture.stores
        for (caller, code, methods) in [
            (fixture.samr, "SAMR-001", "实地核查"), (fixture.samr, "SAMR-002", "书面检查"), (fixture.health, "HEALTH-001", "实地核查;抽样检测"),
        ] {
            var item = CheckItemInput()
            item.code = code
            item.name = "事项 \(code)"
            item.methods = methods
            _ = try await stores.items.create(item, caller: caller)
        }
        func sheet(_ range: ClosedRange<Int>) -> Data {
            var lines = ["统一社会信用代码,名称,类型,所属区划,街道（乡镇）,风险等级,状态"]
            for n in range { lines.append("\(Codes.company(n)),第\(n)号公司,公司,360202,西郊街道,B,\(n == 40 ? "注销" : "在营")") }
            return Data(lines.joined(separator: "\n").utf8)
        }
        _ = try await stores.importer.run(.targets, data: sheet(1...40), caller: fixture.samr)
        _ = try await stores.importer.run(.targets, data: sheet(16...55), caller: fixture.health)
        func plan(_ caller: Caller, _ code: String, _ item: PlanItem, from: String) async throws -> Plan {
            let plan = try await stores.plans.create(
                Plan(
                    code: code, name: "计划 \(code)", year: 2026, initiator: item.department, items: [item],
                    scope: TargetScope(kinds: [.company]), windowStart: CalendarDate(iso: from)!,
                    windowEnd: CalendarDate(iso: "2026-11-30")!),
                caller: caller)
            return try await stores.plans.apply(.submit, to: plan.id, caller: caller)
        }
        return AnnualPlanFixture(
            fixture: fixture,
            onSite: try await plan(fixture.samr, "2026-SAMR-01", PlanItem(department: "SAMR", code: "SAMR-001"), from: "2026-06-01"),
            health: try await plan(
                fixture.health, "2026-HEALTH-01", PlanItem(department: "HEALTH", code: "HEALTH-001"), from: "2026-09-01"),
            documentary: try await plan(fixture.samr, "2026-SAMR-02", PlanItem(department: "SAMR", code: "SAMR-002"), from: "2026-06-01"))
    }
}

@Suite("Annual plan consolidation in the store")
struct AnnualPlanStoreTests {
    @Test(arguments: TestDatabase.available)
    func closePlansAreProposedAndMerged(_ database: TestDatabase) async throws {
        let f = try await AnnualPlanFixture.make(database)
        let office = f.fixture.office
        // Eligible: SAMR 1–39, HEALTH 16–39 and 41–55; 24 in common of the smaller 39 (615‰).
        let strict = MergeProposalStore(database: f.stores.database, criteria: MergeCriteria(targetOverlapPermille: 700))
        #expect(try await strict.refresh(year: 2026, caller: office).isEmpty)
        let proposals = try await f.stores.mergeProposals.refresh(year: 2026, caller: office)
        // The documentary plan shares every target with 2026-SAMR-01 but no check method.
        #expect(proposals.map(\.planCodes) == [["2026-SAMR-01", "2026-HEALTH-01"]])
        let measure = try #require(proposals.first).measure
        #expect(measure.commonTargets == 24)
        #expect(measure.smallerTargets == 39)
        #expect(measure.targetOverlapPermille == 615)
        #expect(measure.commonMethods == [.onSite])
        #expect(measure.commonDays == 91)
        // Refreshing again proposes nothing new.
        #expect(try await f.stores.mergeProposals.refresh(year: 2026, caller: office).isEmpty)
        await #expect(throws: PlanError.self) {
            try await f.stores.mergeProposals.decide(id: proposals[0].id, .reject, note: "", caller: office)
        }
        await #expect(throws: PlanError.self) {
            try await f.stores.mergeProposals.decide(id: proposals[0].id, .accept, note: "", caller: f.fixture.samr)
        }
        let accepted = try await f.stores.mergeProposals.decide(id: proposals[0].id, .accept, note: "同一批企业", caller: office)
        #expect(accepted.state == .accepted)
        let merged = try await f.stores.plans.get(id: try #require(accepted.mergedPlanID), for: office.account)
        #expect(merged.code == "2026-HB-\(accepted.id)")
        #expect(merged.state == .submitted)
        #expect(merged.departments == ["SAMR", "HEALTH"])
        #expect(merged.windowStart.iso == "2026-06-01")
        #expect(try await f.stores.plans.get(id: f.onSite.id, for: office.account).state == .merged)
        let links = try await f.stores.mergeProposals.links(planID: merged.id)
        #expect(links.mergedFrom.map(\.code) == ["2026-SAMR-01", "2026-HEALTH-01"])
        #expect(try await f.stores.mergeProposals.links(planID: f.health.id).mergedInto?.id == merged.id)
        await #expect(throws: PlanError.self) {
            try await f.stores.mergeProposals.decide(id: proposals[0].id, .reject, note: "晚了", caller: office)
        }
        // The merged plan is approved and published in the annual plan, with its origins.
        _ = try await f.stores.plans.apply(.approve, to: merged.id, caller: office)
        await #expect(throws: PlanError.self) { try await f.stores.annualPlans.publish(year: 2026, note: "", caller: office) }
        _ = try await f.stores.plans.apply(.reject, to: f.documentary.id, caller: office)
        let v1 = try await f.stores.annualPlans.publish(year: 2026, note: "", caller: office)
        #expect(v1.version == 1)
        #expect(v1.entries.map(\.planCode) == [merged.code])
        #expect(v1.entries[0].mergedFrom == ["2026-HEALTH-01", "2026-SAMR-01"])
        #expect(v1.entries[0].items.map(\.name) == ["事项 SAMR-001", "事项 HEALTH-001"])
        #expect(try await f.stores.plans.get(id: merged.id, for: office.account).published)
        await f.stores.database.close()
    }

    @Test(arguments: TestDatabase.available)
    func laterChangesArePublishedAsNewVersions(_ database: TestDatabase) async throws {
        let f = try await AnnualPlanFixture.make(database)
        let office = f.fixture.office
        for plan in [f.onSite, f.health, f.documentary] { _ = try await f.stores.plans.apply(.approve, to: plan.id, caller: office) }
        await #expect(throws: PlanError.self) { try await f.stores.annualPlans.publish(year: 2026, note: "", caller: f.fixture.samr) }
        _ = try await f.stores.annualPlans.publish(year: 2026, note: "", caller: office)
        await #expect(throws: PlanError.self) { try await f.stores.annualPlans.publish(year: 2026, note: "再发一次", caller: office) }
        let plan = try await f.stores.plans.create(
            Plan(
                code: "2026-SAMR-03", name: "追加计划", year: 2026, initiator: "SAMR", items: [PlanItem(department: "SAMR", code: "SAMR-001")],
                windowStart: CalendarDate(iso: "2026-10-01")!, windowEnd: CalendarDate(iso: "2026-10-31")!),
            caller: f.fixture.samr)
        _ = try await f.stores.plans.apply(.submit, to: plan.id, caller: f.fixture.samr)
        _ = try await f.stores.plans.apply(.approve, to: plan.id, caller: office)
        await #expect(throws: PlanError.self) { try await f.stores.annualPlans.publish(year: 2026, note: "", caller: office) }
        let v2 = try await f.stores.annualPlans.publish(year: 2026, note: "追加 10 月专项", caller: office)
        #expect(v2.version == 2)
        let versions = try await f.stores.annualPlans.versions(year: 2026)
        #expect(versions.map(\.entries.count) == [3, 4])
        #expect(AnnualPlanChanges(from: versions[0].entries, to: versions[1].entries).added == ["2026-SAMR-03"])
        #expect(try await f.stores.annualPlans.publishedYears() == [2026])
        let table = try await f.stores.openData.table(.annualPlan, year: 2026, version: 1)
        #expect(table.rows.count == 3)
        #expect(table.rows.allSatisfy { $0.count == OpenDataset.annualPlan.columns.count })
        #expect(try await f.stores.openData.table(.plans).rows.count == 4)
        await #expect(throws: PlanError.self) { try await f.stores.openData.table(.annualPlan, year: 2025) }
        await f.stores.database.close()
    }

    @Test(arguments: TestDatabase.available)
    func theOfficeSeesWhoSubmittedAndReminds(_ database: TestDatabase) async throws {
        let fixture = try await Fixture.make(database)
        let stores = fixture.stores
        var item = CheckItemInput()
        item.code = "HEALTH-001"
        item.name = "公共场所卫生"
        item.methods = "实地核查"
        _ = try await stores.items.create(item, caller: fixture.health)
        let plan = try await stores.plans.create(
            Plan(
                code: "2026-HEALTH-01", name: "卫生", year: 2026, initiator: "HEALTH",
                items: [PlanItem(department: "HEALTH", code: "HEALTH-001")],
                windowStart: CalendarDate(iso: "2026-06-01")!, windowEnd: CalendarDate(iso: "2026-06-30")!),
            caller: fixture.health)
        _ = try await stores.plans.apply(.submit, to: plan.id, caller: fixture.health)
        let table = try await stores.annualPlans.submissions(year: 2026, for: fixture.office.account)
        #expect(table.map(\.department) == ["HEALTH", "SAMR"])
        #expect(table.map(\.hasSubmitted) == [true, false])
        await #expect(throws: PlanError.self) { try await stores.annualPlans.submissions(year: 2026, for: fixture.samr.account) }
        await #expect(throws: PlanError.self) {
            try await stores.annualPlans.remind(department: "SAMR", year: 2026, message: nil, caller: fixture.health)
        }
        await #expect(throws: PlanError.self) {
            try await stores.annualPlans.remind(department: "NOPE", year: 2026, message: nil, caller: fixture.office)
        }
        let reminder = try await stores.annualPlans.remind(department: "SAMR", year: 2026, message: nil, caller: fixture.office)
        #expect(reminder.message.contains("2026年5月31日"))
        #expect(reminder.message.contains("还剩 2 天"))  // t0 is 2026-05-29 in China
        #expect(try await stores.annualPlans.reminders(for: fixture.samr.account).map(\.id) == [reminder.id])
        #expect(try await stores.annualPlans.reminders(for: fixture.health.account).isEmpty)
        await stores.database.close()
    }
}

@Suite("Merge proposals that lapse")
struct MergeProposalLapseTests {
    @Test(arguments: TestDatabase.available)
    func proposalsOfDecidedPlansAreWithdrawn(_ database: TestDatabase) async throws {
        let f = try await AnnualPlanFixture.make(database)
        let office = f.fixture.office
        // A second on-site HEALTH plan: close to both 2026-SAMR-01 and 2026-HEALTH-01.
        let extra = try await f.stores.plans.create(
            Plan(
                code: "2026-HEALTH-02", name: "计划 2026-HEALTH-02", year: 2026, initiator: "HEALTH",
                items: [PlanItem(department: "HEALTH", code: "HEALTH-001")], scope: TargetScope(kinds: [.company]),
                windowStart: CalendarDate(iso: "2026-10-01")!, windowEnd: CalendarDate(iso: "2026-10-31")!),
            caller: f.fixture.health)
        _ = try await f.stores.plans.apply(.submit, to: extra.id, caller: f.fixture.health)
        let proposals = try await f.stores.mergeProposals.refresh(year: 2026, caller: office)
        #expect(
            proposals.map(\.planCodes) == [
                ["2026-SAMR-01", "2026-HEALTH-01"], ["2026-SAMR-01", "2026-HEALTH-02"], ["2026-HEALTH-01", "2026-HEALTH-02"],
            ])
        // Accepting the first withdraws the two others, which share a plan with it.
        _ = try await f.stores.mergeProposals.decide(id: proposals[0].id, .accept, note: "", caller: office)
        let states = try await f.stores.mergeProposals.list(year: 2026, for: office.account).map { ($0.id, $0.state) }
        #expect(states.sorted { $0.0 < $1.0 }.map(\.1) == [.accepted, .withdrawn, .withdrawn])
        await #expect(throws: PlanError.self) {
            try await f.stores.mergeProposals.decide(id: proposals[1].id, .accept, note: "", caller: office)
        }
        // The merged plan is proposed afresh with the remaining HEALTH plan; approving that plan
        // before a decision withdraws the proposal on the next refresh.
        let fresh = try await f.stores.mergeProposals.refresh(year: 2026, caller: office)
        #expect(fresh.map(\.planCodes) == [["2026-HEALTH-02", "2026-HB-\(proposals[0].id)"]])
        _ = try await f.stores.plans.apply(.approve, to: extra.id, caller: office)
        #expect(try await f.stores.mergeProposals.refresh(year: 2026, caller: office).isEmpty)
        #expect(try await f.stores.mergeProposals.get(id: fresh[0].id, for: office.account).state == .withdrawn)
        await f.stores.database.close()
    }

    @Test(arguments: TestDatabase.available)
    func aFailedMergeLeavesEverythingAsItWas(_ database: TestDatabase) async throws {
        let f = try await AnnualPlanFixture.make(database)
        let office = f.fixture.office
        let proposal = try #require(try await f.stores.mergeProposals.refresh(year: 2026, caller: office).first)
        _ = try await f.stores.plans.create(
            Plan(
                code: proposal.mergedCode, name: "占用编号", year: 2026, initiator: "SAMR",
                items: [PlanItem(department: "SAMR", code: "SAMR-001")],
                windowStart: CalendarDate(iso: "2026-10-01")!, windowEnd: CalendarDate(iso: "2026-10-31")!),
            caller: f.fixture.samr)
        await #expect(throws: PlanError.self) {
            try await f.stores.mergeProposals.decide(id: proposal.id, .accept, note: "", caller: office)
        }
        #expect(try await f.stores.mergeProposals.get(id: proposal.id, for: office.account).state == .open)
        #expect(try await f.stores.plans.get(id: f.onSite.id, for: office.account).state == .submitted)
        #expect(try await f.stores.mergeProposals.links(planID: f.onSite.id).mergedInto == nil)
        await f.stores.database.close()
    }
}
