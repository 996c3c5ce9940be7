// SPDX-License-Identifier: Apache-2.0

import SuijiCore
import Testing

/// The oversight figures on a small fixture, every expected number computed by hand.
@Suite("Oversight report")
struct OversightReportTests {
    static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    // Due 2026-08-28 (Friday): 2026-08-31 (Monday) is one working day late.
    static let facts = OversightFacts(
        plans: [
            PlanFact(
                id: 1, code: "2026-SAMR-01", name: "甲", initiator: "SAMR", state: .inProgress, windowStart: day("2026-01-01"),
                windowEnd: day("2026-12-31"), executedDraws: 2),
            PlanFact(
                id: 2, code: "2026-SAMR-02", name: "乙", initiator: "SAMR", state: .approved, windowStart: day("2026-09-01"),
                windowEnd: day("2026-09-30"), executedDraws: 0),
            PlanFact(
                id: 3, code: "2026-SAMR-03", name: "草稿", initiator: "SAMR", state: .draft, windowStart: day("2026-07-01"),
                windowEnd: day("2026-07-31"), executedDraws: 0),
            PlanFact(
                id: 4, code: "2026-HEALTH-01", name: "丙", initiator: "HEALTH", state: .done, windowStart: day("2026-01-01"),
                windowEnd: day("2026-03-31"), executedDraws: 1),
        ],
        draws: [
            DrawFact(id: "d1", planID: 1, planCode: "2026-SAMR-01", initiator: "SAMR", executedOn: day("2026-07-01")),
            DrawFact(id: "d2", planID: 1, planCode: "2026-SAMR-01", initiator: "SAMR", executedOn: day("2026-08-03")),
            DrawFact(id: "d3", planID: 4, planCode: "2026-HEALTH-01", initiator: "HEALTH", executedOn: day("2026-02-02")),
        ],
        inspections: [
            // On time, published, correction ordered.
            InspectionFact(
                id: 1, planID: 1, initiator: "SAMR", targetName: "一", dueDate: day("2026-08-28"), state: .published,
                firstSubmittedOn: day("2026-08-28"), categories: [.noProblem, .correctionOrdered]),
            // One working day late, published, no problem.
            InspectionFact(
                id: 2, planID: 1, initiator: "SAMR", targetName: "二", dueDate: day("2026-08-28"), state: .published,
                firstSubmittedOn: day("2026-08-31"), lateMark: true, categories: [.noProblem]),
            // Never submitted, past due on the counting day.
            InspectionFact(
                id: 3, planID: 1, initiator: "SAMR", targetName: "三", dueDate: day("2026-08-28"), state: .pending, firstSubmittedOn: nil),
            // Due in September, on time, approved (not published yet).
            InspectionFact(
                id: 4, planID: 1, initiator: "SAMR", targetName: "四", dueDate: day("2026-09-25"), state: .approved,
                firstSubmittedOn: day("2026-09-20"), categories: [.violation(department: "SAMR", text: "市场监管")]),
            // Due after the period: not counted.
            InspectionFact(
                id: 5, planID: 1, initiator: "SAMR", targetName: "五", dueDate: day("2026-10-09"), state: .pending, firstSubmittedOn: nil),
            // HEALTH, due in March, published with non-cooperation.
            InspectionFact(
                id: 6, planID: 4, initiator: "HEALTH", targetName: "六", dueDate: day("2026-03-27"), state: .published,
                firstSubmittedOn: day("2026-03-20"), categories: [.nonCooperation], nonCooperation: true),
            // No due date known: not counted.
            InspectionFact(id: 7, planID: 4, initiator: "HEALTH", targetName: "七", dueDate: nil, state: .pending, firstSubmittedOn: nil),
        ],
        followUps: [
            FollowUp(
                id: 1, inspectionID: 1, targetUID: "T1", department: "SAMR", kind: .rectification, state: .closed,
                openedOn: day("2026-09-01"), deadline: day("2026-09-15"), outcome: .rectified, recheckedOn: day("2026-09-14"),
                closedOn: day("2026-09-14")),
            FollowUp(
                id: 2, inspectionID: 1, targetUID: "T1", department: "SAMR", kind: .rectification, openedOn: day("2026-09-02"),
                deadline: day("2026-09-20")),
            FollowUp(
                id: 3, inspectionID: 6, targetUID: "T6", department: "HEALTH", kind: .caseFiled, openedOn: day("2026-04-01"),
                caseNumber: "卫罚〔2026〕1号", caseDate: day("2026-04-01")),
        ], followUpPlans: [1: 1, 2: 1, 3: 4])

    static let departments = [Department(code: "SAMR", name: "区市场监管局"), Department(code: "HEALTH", name: "区卫健委")]

    static func report() throws -> OversightReport {
        OversightReport(
            period: try OversightPeriod(from: YearMonth(year: 2026, month: 1)!, to: YearMonth(year: 2026, month: 9)!),
            asOf: day("2026-09-30"), departments: departments, facts: facts)
    }

    @Test func departmentFiguresMatchTheHandCount() throws {
        // MUT
        let report = try Self.report()
        let samr = report.byDepartment[0]
        // validate
        #expect(samr.key == "SAMR" && samr.label == "区市场监管局")
        #expect(samr[.plans] == 2 && samr[.plansExecuted] == 1 && samr[.draws] == 2)
        #expect(samr[.due] == 4 && samr[.submitted] == 3 && samr[.onTime] == 2)
        #expect(samr[.notOnTime] == 2 && samr[.overdue] == 1)
        #expect(samr[.published] == 2 && samr[.problems] == 1 && samr[.nonCooperation] == 0)
        #expect(samr[.followUpsOpened] == 2 && samr[.followUpsClosed] == 1 && samr[.followUpsOpen] == 1 && samr[.followUpsOverdue] == 1)
        #expect(samr.rate(.completion) == 0.5 && samr.rate(.onTime) == 0.5 && samr.rate(.problem) == 0.5 && samr.rate(.closure) == 0.5)
        #expect(samr.categories[.correctionOrdered] == 1 && samr.categories[.violation] == 0)
        let health = report.byDepartment[1]
        #expect(health[.plans] == 1 && health[.draws] == 1 && health[.due] == 1 && health[.onTime] == 1)
        #expect(health[.nonCooperation] == 1 && health.categories[.nonCooperation] == 1)
        #expect(health.rate(.completion) == 1 && health[.followUpsOpened] == 1 && health.rate(.closure) == 0)
        #expect(report.total[.due] == 5 && report.total[.published] == 3 && report.total[.plans] == 3)
    }

    @Test func monthFiguresFollowTheDueDateAndTheRowsMatchTheCounts() throws {
        let report = try Self.report()
        #expect(report.byMonth.count == 9)
        let august = try #require(report.byMonth.first { $0.key == "2026-08" })
        #expect(august[.due] == 3 && august[.onTime] == 1 && august[.notOnTime] == 2 && august[.draws] == 1)
        #expect(august.counts[.plans] == nil)
        let september = try #require(report.byMonth.first { $0.key == "2026-09" })
        #expect(september[.due] == 1 && september[.published] == 0 && september.rate(.problem) == nil)
        #expect(september[.followUpsOpened] == 2)
        // The rows behind a figure are exactly what it counts.
        let late = report.inspections(.notOnTime, in: .department("SAMR"))
        #expect(late.map(\.id) == [2, 3])
        #expect(report.followUps(.followUpsOverdue, in: .total).map(\.id) == [2])
        #expect(report.plans(.plansExecuted, in: .department("SAMR")).map(\.id) == [1])
        for figure in OversightFigure.allCases {
            for tally in report.byDepartment + report.byMonth + [report.total] {
                let group: OversightGroup =
                    tally.key == "total" ? .total : YearMonth(iso: tally.key).map { .month($0) } ?? .department(tally.key)
                #expect(report.count(figure, in: group) == tally[figure])
            }
        }
    }

    @Test func periodsAreParsedAndBadInputNamesTheField() throws {
        let today = Self.day("2026-05-10")
        let year = try OversightPeriod.parse(from: nil, to: nil, today: today)
        #expect(year.from.iso == "2026-01" && year.to.iso == "2026-12" && year.months.count == 12)
        #expect(try OversightPeriod.parse(from: "2025", to: "2026-02", today: today).months.count == 14)
        #expect(throws: OversightError.invalid([FieldIssue(field: "to", message: "截止月份不能早于起始月份")])) {
            try OversightPeriod.parse(from: "2026-05", to: "2026-04", today: today)
        }
        #expect { try OversightPeriod.parse(from: "2026-13", to: nil, today: today) } throws: { error in
            (error as? OversightError)?.field == "from"
        }
        #expect(OversightRate.percent(2.0 / 3.0) == "66.7%" && OversightRate.percent(nil) == "—")
    }

    @Test func theEvaluationTablesHaveOneRowPerDepartmentAndATotal() throws {
        let report = try Self.report()
        let tables = report.tables
        #expect(tables.map(\.title) == ["部门考评汇总", "按计划统计", "按月统计", "发现问题分类", "随机抽查以外的检查（第三条）", "指标说明"])
        let departments = tables[0].text
        #expect(departments.count == 4 && departments[3][0] == "合计")
        #expect(departments[1][0] == "区市场监管局" && departments[1][4] == "4")
        #expect(departments[1].suffix(4) == ["50.0%", "50.0%", "50.0%", "50.0%"])
        #expect(tables[0].rows[0][4].figure == .due && tables[0].rows[0][4].group == "SAMR")
        #expect(tables[2].text.count == 11)
        // One row per plan of the period (drafts left out) and the total.
        #expect(tables[1].text.dropFirst().map(\.first) == ["2026-SAMR-01 甲", "2026-SAMR-02 乙", "2026-HEALTH-01 丙", "合计"])
        let plan = try #require(report.byPlan.first)
        #expect(plan.key == "plan-1" && plan[.due] == 4 && plan[.draws] == 2 && plan[.followUpsOpened] == 2)
    }
}

extension OversightReportTests {
    @Test func workStillWithinItsDeadlineIsNotDue() throws {
        let period = try OversightPeriod.year(2026)
        // On the due day itself the team can still submit: not counted yet.
        let onDueDay = OversightReport(period: period, asOf: Self.day("2026-08-28"), departments: Self.departments, facts: Self.facts)
        #expect(onDueDay.byDepartment[0][.due] == 0 && onDueDay.byDepartment[1][.due] == 1)
        let after = OversightReport(period: period, asOf: Self.day("2026-08-29"), departments: Self.departments, facts: Self.facts)
        let samr = after.byDepartment[0]
        #expect(samr[.due] == 3 && samr[.onTime] == 1 && samr[.notOnTime] == 2 && samr[.overdue] == 1)
        // due = onTime + notOnTime; submitted = onTime + (notOnTime − overdue).
        for tally in after.byDepartment + after.byMonth + [after.total] {
            #expect(tally[.due] == tally[.onTime] + tally[.notOnTime])
            #expect(tally[.submitted] == tally[.onTime] + tally[.notOnTime] - tally[.overdue])
            #expect(tally[.followUpsOpened] == tally[.followUpsClosed] + tally[.followUpsOpen])
        }
    }
}
