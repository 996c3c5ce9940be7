// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiDraw
import SuijiStore

extension DemoDistrict {
    /// A joint plan of the market regulator and the health commission, approved, with one executed
    /// draw (so the public portal shows a verifiable record at once, its public value a 3D draw
    /// of yesterday) and a second batch whose draw, announced with a 3D draw three days on, waits
    /// for the departments' commitments (so the ceremony can be walked through).
    static func buildDraws(stores: Stores, admins: [String: Caller], office: Caller, today: CalendarDate, random: DemoRandom) async throws
        -> String?
    {
        guard let samr = admins["SAMR"], let health = admins["HEALTH"] else { return nil }
        let year = today.year
        // The plan and its batches come before the first draw's ceremony, three days ago.
        let planned = Caller(account: samr.account, at: samr.at.addingTimeInterval(-3 * 86_400))
        let approved = Caller(account: office.account, at: planned.at)
        let plan = try await stores.plans.create(
            Plan(
                code: "\(year)-SAMR-01", name: "\(year) 年度公司登记事项与公共场所卫生部门联合抽查", year: year, initiator: "SAMR",
                participants: ["HEALTH"],
                items: [PlanItem(department: "SAMR", code: "SAMR-003"), PlanItem(department: "HEALTH", code: "HEALTH-002")],
                scope: TargetScope(kinds: [.company], areas: ["360202"]), windowStart: CalendarDate(year: year, month: 1, day: 1)!,
                windowEnd: CalendarDate(year: year, month: 12, day: 31)!, notes: "演示：不低于比例抽取，高风险（D 类）多抽"),
            caller: planned)
        _ = try await stores.plans.apply(.submit, to: plan.id, caller: planned)
        _ = try await stores.plans.apply(.approve, to: plan.id, caller: approved)
        _ = try await stores.plans.apply(.publish, to: plan.id, caller: approved)
        // The draw is today, so the batches' window holds today and at least a week after it (the
        // team records its notice and plans its visits; in late December, up to 31 December).
        // Within that, end where the result deadline (20 working days on) is still covered by the
        // holiday notices known (shipped, or given with `--calendar`), so the inspections show
        // their due date; when no such day is left (December, before next year's notice is
        // known), the due date shows once that notice is loaded.
        let yearEnd = CalendarDate(year: year, month: 12, day: 31)!
        let earliestEnd = min(today.adding(days: 7), yearEnd)
        var end = min(today.adding(days: 20), yearEnd)
        let calendar = stores.database.calendar
        while (try? calendar.addingWorkingDays(20, to: end)) == nil && end > earliestEnd { end = end.adding(days: -1) }
        let start = max(CalendarDate(year: year, month: 1, day: 1)!, min(today, end.adding(days: -14)))
        let first = try await stores.plans.addBatch(
            // Township-bound health inspectors cover few targets each: allow load above the balanced cap.
            Batch(
                planID: plan.id, code: "B1", start: start, end: end, size: .ratios(a: 10, b: 20, c: 50, d: 200, rounding: .ceil),
                capExtra: 60),
            caller: planned)
        let second = try await stores.plans.addBatch(
            Batch(planID: plan.id, code: "B2", start: start, end: end, size: .count(30), capExtra: 20), caller: planned)
        var generator = random.fork("secrets")
        // A tiny demo (tests) may lack inspectors for every team: the first draw then stays committed.
        let executed = try await runDraw(
            stores: stores, batch: first, plan: plan, admins: ["SAMR": samr, "HEALTH": health], executed: samr.at, random: &generator)
        _ = try await stores.draws.prepare(
            batchID: second.id, caller: samr,
            announcement: announcement(
                deadline: today.adding(days: 2).chinaStart.addingTimeInterval(17 * 3_600), valueDay: today.adding(days: 3)))
        return executed
    }
}
