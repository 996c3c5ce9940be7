// SPDX-License-Identifier: Apache-2.0

import SuijiCore
import Testing

/// Which pairs of a constructed set of plans are proposed for merging, and which are not.
@Suite("Merge proposals of annual plans")
struct MergeRuleTests {
    static func plan(
        _ id: Int64, _ department: String, state: PlanState = .submitted, year: Int = 2026, from: String = "2026-06-01",
        to: String = "2026-11-30"
    ) -> Plan {
        Plan(
            id: id, code: "2026-\(department)-\(id)", name: "计划\(id)", year: year, initiator: department,
            items: [PlanItem(department: department, code: "\(department)-001")], windowStart: CalendarDate(iso: from)!,
            windowEnd: CalendarDate(iso: to)!, state: state)
    }

    static func targets(_ range: ClosedRange<Int>) -> Set<String> { Set(range.map { "T\($0)" }) }

    @Test func onlyCloseSubmittedPlansArePaired() {
        let candidates = [
            // 1 and 2: 60 of the smaller 80 in common, both on site → proposed.
            MergeCandidate(plan: Self.plan(1, "ECO"), eligible: Self.targets(1...100), methods: [.onSite, .entrusted]),
            MergeCandidate(plan: Self.plan(2, "EMER"), eligible: Self.targets(41...120), methods: [.onSite]),
            // 3: the same targets as 1 but only documentary checks → not alike.
            MergeCandidate(plan: Self.plan(3, "TAX"), eligible: Self.targets(1...100), methods: [.documentary]),
            // 4: alike, but 30 of 100 in common (300‰) → too little overlap.
            MergeCandidate(plan: Self.plan(4, "FIRE"), eligible: Self.targets(71...170), methods: [.onSite]),
            // 5: same targets and methods as 1, but its window ends before 1 starts.
            MergeCandidate(
                plan: Self.plan(5, "HEALTH", from: "2026-01-01", to: "2026-05-31"), eligible: Self.targets(1...100), methods: [.onSite]),
            // 6: already approved → not mergeable.
            MergeCandidate(plan: Self.plan(6, "CULT", state: .approved), eligible: Self.targets(1...100), methods: [.onSite]),
            // 7: a draft → not mergeable.
            MergeCandidate(plan: Self.plan(7, "PSB", state: .draft), eligible: Self.targets(1...100), methods: [.onSite]),
        ]
        let pairs = MergeRule.proposals(candidates).map { [$0.first.id, $0.second.id] }
        #expect(pairs == [[1, 2], [2, 4]])
        let measure = MergeRule.proposals(candidates)[0].measure
        #expect(measure.commonTargets == 60)
        #expect(measure.smallerTargets == 80)
        #expect(measure.targetOverlapPermille == 750)
        #expect(measure.commonMethods == [.onSite])
        #expect(measure.commonDays == 183)
    }

    @Test func theThresholdIsConfigurableAndInclusive() {
        let a = MergeCandidate(plan: Self.plan(1, "ECO"), eligible: Self.targets(1...10), methods: [.onSite])
        let b = MergeCandidate(plan: Self.plan(2, "EMER"), eligible: Self.targets(6...15), methods: [.onSite])
        #expect(MergeRule.proposals([a, b]).count == 1)  // exactly 500‰
        #expect(MergeRule.proposals([a, b], criteria: MergeCriteria(targetOverlapPermille: 501)).isEmpty)
    }

    @Test func emptySetsAndOtherYearsAreNeverPaired() {
        let empty = MergeCandidate(plan: Self.plan(1, "ECO"), eligible: [], methods: [.onSite])
        let other = MergeCandidate(plan: Self.plan(2, "EMER"), eligible: [], methods: [.onSite])
        #expect(MergeRule.proposals([empty, other]).isEmpty)
        let thisYear = MergeCandidate(plan: Self.plan(3, "ECO"), eligible: Self.targets(1...5), methods: [.onSite])
        let nextYear = MergeCandidate(
            plan: Self.plan(4, "EMER", year: 2027, from: "2027-06-01", to: "2027-11-30"), eligible: Self.targets(1...5), methods: [.onSite])
        #expect(MergeRule.proposals([thisYear, nextYear]).isEmpty)
    }

    @Test func theMergedPlanCoversBothPlans() {
        var a = Self.plan(1, "ECO", from: "2026-06-01", to: "2026-08-31")
        a.scope = TargetScope(kinds: [.company], industries: ["307"])
        var b = Self.plan(2, "EMER", from: "2026-07-01", to: "2026-10-31")
        b.scope = TargetScope(kinds: [.company, .branch], industries: ["3071"], tags: ["EMER-001"])
        b.participants = ["HEALTH"]
        b.items.append(PlanItem(department: "HEALTH", code: "HEALTH-003"))
        let merged = MergeRule.merged([a, b], code: "2026-HB-1", note: "同一批陶瓷企业")
        #expect(merged.initiator == "ECO")
        #expect(merged.participants == ["EMER", "HEALTH"])
        #expect(merged.items.map(\.code) == ["ECO-001", "EMER-001", "HEALTH-003"])
        #expect(merged.scope == TargetScope(kinds: [.company, .branch], industries: ["307", "3071"], tags: []))
        #expect(merged.windowStart.iso == "2026-06-01")
        #expect(merged.windowEnd.iso == "2026-10-31")
        #expect(merged.state == .submitted)
        #expect(merged.validate().isEmpty)
    }
}
