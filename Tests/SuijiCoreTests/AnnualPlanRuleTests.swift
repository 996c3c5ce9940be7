// SPDX-License-Identifier: Apache-2.0

import SuijiCore
import Testing

@Suite("Annual plan deadline, versions and masking")
struct AnnualPlanRuleTests {
    @Test func theDeadlineIsTheLastDayOfMay() {
        #expect(SubmissionDeadline.date(year: 2026).iso == "2026-05-31")
        #expect(SubmissionDeadline.daysLeft(year: 2026, today: CalendarDate(iso: "2026-05-28")!) == 3)
        #expect(SubmissionDeadline.daysLeft(year: 2026, today: CalendarDate(iso: "2026-05-31")!) == 0)
        #expect(SubmissionDeadline.daysLeft(year: 2026, today: CalendarDate(iso: "2026-06-02")!) == -2)
        #expect(Reminder.defaultMessage(year: 2026, today: CalendarDate(iso: "2026-05-28")!).contains("还剩 3 天"))
        #expect(Reminder.defaultMessage(year: 2026, today: CalendarDate(iso: "2026-06-02")!).contains("已逾期 2 天"))
        let calendar = try! WorkCalendar.bundled()
        // 2026-05-28 is a Thursday: Friday 29 is a working day, the weekend is not.
        #expect(SubmissionDeadline.workingDaysLeft(year: 2026, today: CalendarDate(iso: "2026-05-28")!, calendar: calendar) == 1)
    }

    @Test func submissionStatusCountsOnlyPlansThatReachedTheOffice() {
        let departments = [Department(code: "ECO", name: "生态环境局"), Department(code: "TAX", name: "税务局")]
        let plans = [
            MergeRuleTests.plan(1, "ECO", state: .draft), MergeRuleTests.plan(2, "ECO", state: .merged),
            MergeRuleTests.plan(3, "TAX", state: .draft), MergeRuleTests.plan(4, "TAX", year: 2025, from: "2025-06-01", to: "2025-07-01"),
        ]
        let table = SubmissionStatus.table(departments: departments, plans: plans, year: 2026)
        #expect(table.map(\.hasSubmitted) == [true, false])
        #expect(table.map(\.drafts) == [1, 1])
    }

    static func entry(_ code: String, name: String = "计划") -> AnnualPlanEntry {
        AnnualPlanEntry(
            planCode: code, planName: name, initiator: "ECO", initiatorName: "生态环境局", participants: [], participantNames: [], items: [],
            scope: TargetScope(), scopeText: "不定向", windowStart: CalendarDate(iso: "2026-06-01")!,
            windowEnd: CalendarDate(iso: "2026-06-30")!, mergedFrom: [])
    }

    @Test func versionsNeedAChangeAndANote() {
        let v1 = AnnualPlanVersion(year: 2026, version: 1, note: "", publishedBy: "办公室", publishedAt: "t", entries: [Self.entry("A")])
        let changes = AnnualPlanChanges(from: v1.entries, to: [Self.entry("A", name: "改名"), Self.entry("B")])
        #expect(changes.added == ["B"])
        #expect(changes.changed == ["A"])
        #expect(changes.summary == "新增 B；调整 A")
        let approved = MergeRuleTests.plan(1, "ECO", state: .approved)
        #expect(AnnualPlanRule.publishIssues(plans: [approved], entries: [Self.entry("A")], previous: nil, note: "").isEmpty)
        #expect(AnnualPlanRule.publishIssues(plans: [approved], entries: v1.entries, previous: v1, note: "x").map(\.field) == ["plans"])
        #expect(
            AnnualPlanRule.publishIssues(plans: [approved], entries: [Self.entry("B")], previous: v1, note: " ").map(\.field) == ["note"])
        let pending = MergeRuleTests.plan(2, "TAX")
        #expect(AnnualPlanRule.publishIssues(plans: [approved, pending], entries: [Self.entry("A")], previous: nil, note: "").count == 1)
    }

}
