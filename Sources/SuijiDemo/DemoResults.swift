// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiDraw
import SuijiStore

/// Earlier batches of the year with their results, so the oversight statistics (§21) have a
/// history: two joint plans (one led by SAMR, one by HEALTH) with a batch every other month
/// whose result deadline has passed; most teams submit on time, some a few working days late,
/// a few never; most results are published, problems get rectification orders, and most of
/// those are re-checked. Every step goes through the stores on its own (past) day.
extension DemoDistrict {
    struct ResultsSummary {
        var inspections = 0
        var published = 0
        var late = 0
        var followUps = 0
    }

    static func buildResults(stores: Stores, admins: [String: Caller], office: Caller, today: CalendarDate, random: DemoRandom)
        async throws -> ResultsSummary
    {
        var summary = ResultsSummary()
        let calendar = stores.database.calendar
        guard admins["SAMR"] != nil, admins["HEALTH"] != nil else { return summary }
        let year = today.year
        var generator = random.fork("results")
        let plans: [(initiator: String, participant: String, code: String, name: String, months: [Int])] = [
            ("SAMR", "HEALTH", "\(year)-SAMR-03", "\(year) 年度企业公示信息与公共场所卫生联合抽查（分批实施）", [2, 6, 10]),
            ("HEALTH", "SAMR", "\(year)-HEALTH-01", "\(year) 年度公共场所卫生与企业公示信息联合抽查", [4, 8]),
        ]
        for spec in plans {
            let initiator = admins[spec.initiator]!
            let january = CalendarDate(year: year, month: 1, day: 1)!
            let planCaller = Caller(account: initiator.account, at: Self.instant(january))
            let items = [spec.initiator, spec.participant].map { PlanItem(department: $0, code: $0 == "SAMR" ? "SAMR-003" : "HEALTH-002") }
            let plan = try await stores.plans.create(
                Plan(
                    code: spec.code, name: spec.name, year: year, initiator: spec.initiator, participants: [spec.participant], items: items,
                    scope: TargetScope(kinds: [.company], areas: ["360202"]), windowStart: january,
                    windowEnd: CalendarDate(year: year, month: 12, day: 31)!, notes: "演示：按月分批实施，用于监督考评统计"),
                caller: planCaller)
            _ = try await stores.plans.apply(.submit, to: plan.id, caller: planCaller)
            _ = try await stores.plans.apply(.approve, to: plan.id, caller: Caller(account: office.account, at: Self.instant(january)))
            for month in spec.months {
                let start = CalendarDate(year: year, month: month, day: 1)!
                let end = CalendarDate(year: year, month: month, day: 15)!
                // Only batches whose result deadline has passed: their history is complete.
                guard let due = try? calendar.resultDueDate(inspectionEnd: end), due < today else { continue }
                let drawn = Caller(account: initiator.account, at: Self.instant(start.adding(days: -3)))
                let batch = try await stores.plans.addBatch(
                    Batch(planID: plan.id, code: "M\(month)", start: start, end: end, size: .count(10), capExtra: 60), caller: drawn)
                guard
                    let drawID = try await executeDraw(
                        stores: stores, batch: batch, plan: plan, admins: admins, at: drawn.at, random: &generator)
                else { continue }
                let inspections = try await stores.inspections.list(
                    for: office.account, InspectionQuery(drawID: drawID, limit: nil))
                for inspection in inspections {
                    try await complete(
                        inspection, stores: stores, admin: initiator, calendar: calendar, today: today, random: &generator,
                        summary: &summary)
                }
            }
        }
        return summary
    }

    /// Takes the draw of `batch` through the ceremony to its execution on the day of `at`; nil
    /// when a tiny demo lacks inspectors for the teams.
    static func executeDraw(stores: Stores, batch: Batch, plan: Plan, admins: [String: Caller], at: Date, random: inout DemoRandom)
        async throws -> String?
    {
        try await runDraw(stores: stores, batch: batch, plan: plan, admins: admins, executed: at, random: &random)
    }

    /// The team's notice, findings and submission (on time, late or never), then the review,
    /// publication and the follow-up of a problem.
    static func complete(
        _ inspection: Inspection, stores: Stores, admin: Caller, calendar: WorkCalendar, today: CalendarDate, random: inout DemoRandom,
        summary: inout ResultsSummary
    ) async throws {
        summary.inspections += 1
        guard let due = inspection.resultDueDate, let leader = inspection.leader, !random.chance(0.08) else { return }
        let store = stores.inspections
        // The leader records the results (the demo's history; these officers have no login).
        let account = Account(
            username: "inspector-\(leader.id)", displayName: leader.name, role: .inspector, departmentCode: leader.department,
            inspectorID: leader.id)
        let lateBy = random.chance(0.18) ? random.int(in: 1...6) : 0
        let submittedOn =
            lateBy > 0
            ? try calendar.addingWorkingDays(lateBy, to: due)
            : try calendar.addingWorkingDays(random.int(in: 2...18), to: inspection.windowEnd)
        guard submittedOn < today else { return }
        let team = Caller(account: account, at: Self.instant(submittedOn))
        _ = try await store.recordNotice(
            id: inspection.id, notice: .notified(channel: .phone, date: inspection.windowStart, by: leader.name), caller: team)
        for item in inspection.items {
            let roll = random.unit()
            let input: FindingInput
            if roll < 0.72 {
                input = FindingInput(itemCode: item.code, department: item.department, methods: [.online, .onSite], category: "no-problem")
            } else if roll < 0.88 {
                input = FindingInput(
                    itemCode: item.code, department: item.department, methods: [.onSite], category: "correction-ordered",
                    notes: "现场发现问题，已当场责令限期改正")
            } else if roll < 0.96 {
                input = FindingInput(
                    itemCode: item.code, department: item.department, methods: [.online], category: "not-publicized",
                    notes: "未按规定公示年度报告信息", settledOnline: true)
            } else {
                input = FindingInput(
                    itemCode: item.code, department: item.department, methods: [.onSite], category: "non-cooperation",
                    nonCooperation: [.refusedEntry], notes: "拒绝检查人员进入经营场所")
            }
            _ = try await store.recordFinding(id: inspection.id, input, caller: team)
        }
        let submitted = try await store.submit(id: inspection.id, caller: team)
        if submitted.late { summary.late += 1 }
        let reviewDay = calendar.nextWorkingDay(after: submittedOn)
        guard reviewDay < today, !random.chance(0.06) else { return }
        let reviewer = Caller(account: admin.account, at: Self.instant(reviewDay))
        _ = try await store.review(id: inspection.id, action: .approve, caller: reviewer)
        let published = try await store.review(id: inspection.id, action: .publish, caller: reviewer)
        summary.published += 1
        guard published.findings.contains(where: { $0.category.code == ResultCategory.correctionOrdered.code }) else { return }
        let followUps = stores.followUps
        let order = try await followUps.open(
            inspectionID: inspection.id,
            FollowUp(
                inspectionID: inspection.id, targetUID: "", department: "", kind: .rectification, openedOn: reviewDay,
                deadline: reviewDay.adding(days: 30), notes: "责令30日内改正"), caller: reviewer)
        summary.followUps += 1
        let recheck = reviewDay.adding(days: random.int(in: 20...40))
        guard recheck < today, random.chance(0.75) else { return }
        _ = try await followUps.apply(
            random.chance(0.85) ? .rectified : .notRectified, to: order.id, on: recheck, notes: "复查",
            caller: Caller(account: admin.account, at: Self.instant(recheck)))
    }

    /// 10:00 China time on `day`.
    static func instant(_ day: CalendarDate) -> Date {
        Date(timeIntervalSince1970: TimeInterval(day.dayNumber * 86_400 + 2 * 3_600))
    }
}

extension WorkCalendar {
    /// The first working day after `day` (the day after when the calendar does not know it).
    fileprivate func nextWorkingDay(after day: CalendarDate) -> CalendarDate {
        (try? addingWorkingDays(1, to: day)) ?? day.adding(days: 1)
    }
}
