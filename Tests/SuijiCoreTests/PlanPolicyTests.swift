// SPDX-License-Identifier: Apache-2.0

import SuijiCore
import Testing

@Suite("Who may act on a joint plan")
struct PlanPolicyTests {
    static let plan = Plan(
        code: "2026-SAMR-01", name: "联合抽查", year: 2026, initiator: "SAMR", participants: ["HEALTH"],
        items: [PlanItem(department: "SAMR", code: "SAMR-001")], windowStart: CalendarDate(iso: "2026-06-01")!,
        windowEnd: CalendarDate(iso: "2026-11-30")!)
    static let samr = Account(username: "s", displayName: "s", role: .departmentAdmin, departmentCode: "SAMR")
    static let health = Account(username: "h", displayName: "h", role: .departmentAdmin, departmentCode: "HEALTH")
    static let office = Account(username: "o", displayName: "o", role: .office)
    static let overseer = Account(username: "v", displayName: "v", role: .overseer)

    func plan(_ state: PlanState, published: Bool = false) -> Plan {
        var plan = Self.plan
        plan.state = state
        plan.published = published
        return plan
    }

    @Test func allowedActionsFollowRolesAndStates() {
        #expect(PlanPolicy.allowedActions(Self.samr, on: plan(.draft)) == [.submit])
        #expect(PlanPolicy.allowedActions(Self.office, on: plan(.submitted)) == [.approve, .reject])
        #expect(PlanPolicy.allowedActions(Self.office, on: plan(.approved)) == [.publish])
        #expect(PlanPolicy.allowedActions(Self.office, on: plan(.approved, published: true)).isEmpty)
        #expect(PlanPolicy.allowedActions(Self.samr, on: plan(.inProgress)) == [.finish])
        #expect(PlanPolicy.allowedActions(Self.health, on: plan(.draft)).isEmpty)
        #expect(PlanPolicy.allowedActions(Self.overseer, on: plan(.submitted)).isEmpty)
    }

    @Test func drawsAndBatchesBelongToTheInitiator() {
        #expect(PlanPolicy.canRunDraws(Self.samr, plan(.approved)))
        #expect(PlanPolicy.canRunDraws(Self.office, plan(.approved)))
        #expect(!PlanPolicy.canRunDraws(Self.health, plan(.approved)))
        #expect(PlanPolicy.canAddBatch(Self.samr, plan(.inProgress)))
        #expect(!PlanPolicy.canAddBatch(Self.samr, plan(.done)))
        #expect(!PlanPolicy.canAddBatch(Self.health, plan(.approved)))
        #expect(!PlanPolicy.isPublic(plan(.submitted)))
        #expect(PlanPolicy.isPublic(plan(.done)))
        #expect(!PlanPolicy.isOnPortal(plan(.approved)) && PlanPolicy.isOnPortal(plan(.approved, published: true)))
        #expect(!PlanPolicy.isOnPortal(plan(.submitted, published: true)))
    }
}
