// SPDX-License-Identifier: Apache-2.0

import SuijiCore
import Testing

@Suite("Plan list filters")
struct PlanFilterTests {
    @Test func filtersCombine() {
        var joint = MergeRuleTests.plan(1, "SAMR", state: .approved)
        joint.participants = ["HEALTH"]
        let draft = MergeRuleTests.plan(2, "ECO", state: .draft, year: 2027)
        let plans = [joint, draft]
        #expect(plans.filter(PlanFilter().matches).count == 2 && !PlanFilter().isActive)
        #expect(plans.filter(PlanFilter(year: 2027).matches).map(\.id) == [2])
        #expect(plans.filter(PlanFilter(state: .approved).matches).map(\.id) == [1])
        #expect(plans.filter(PlanFilter(department: "HEALTH").matches).map(\.id) == [1])
        #expect(plans.filter(PlanFilter(text: " 2026-samr ").matches).map(\.id) == [1])
        #expect(plans.filter(PlanFilter(text: "计划2").matches).map(\.id) == [2])
        #expect(plans.filter(PlanFilter(year: 2026, state: .draft).matches).isEmpty)
        #expect(PlanFilter(department: "").department == nil && PlanFilter(text: "x").isActive)
    }
}
