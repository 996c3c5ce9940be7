// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// Assembles an account's `WorkQueue` from the plan, draw, inspection and follow-up stores,
/// using the same policies that guard each action.
public struct WorkQueueReader: Sendable {
    public let database: SuijiDatabase

    public init(database: SuijiDatabase) {
        self.database = database
    }

    /// The work waiting for `account` on `today`, at `now` (deadlines are times; by default
    /// noon of `today`, China time).
    ///
    /// What the queue is made of — the account's plans, their draws, the batches without a
    /// draw, the visible inspections with their teams and findings, the overdue rectifications
    /// — is read once per account and day and kept until committed data changes (`ChangeWatch`):
    /// decoding every outstanding inspection with its team on each view of the home page was
    /// nearly all of its cost. Which steps are due at `now` is worked out on every call.
    public func queue(for account: Account, today: CalendarDate, now: Date? = nil) async throws -> WorkQueue {
        let now = now ?? today.chinaStart.addingTimeInterval(12 * 3_600)
        var queue = WorkQueue()
        guard account.active, account.role != .overseer else { return queue }
        let key = "work-queue \(account.id) \(account.username) \(account.role.rawValue) \(account.departmentCode ?? "-") \(today.iso)"
        let inputs: Inputs = try await database.cachedValue(key) { try await self.inputs(for: account, today: today) }
        let plans = inputs.plans
        queue.plans = plans.compactMap { plan in
            let actions = PlanPolicy.allowedActions(account, on: plan).filter { $0 != .reject && $0 != .finish }
            return actions.isEmpty ? nil : WorkQueue.PlanTask(plan: plan, actions: actions)
        }
        let plansByID = Dictionary(plans.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for draw in inputs.draws {
            guard let plan = plansByID[draw.planID], let step = Self.step(of: draw, plan: plan, for: account, at: now) else { continue }
            queue.draws.append(WorkQueue.DrawTask(draw: draw, planName: plan.name, step: step))
        }
        queue.batchesToDraw = inputs.batchesToDraw
        let visible = inputs.inspections
        let outstanding = visible.filter { $0.state.isOutstanding }
        let mine = outstanding.filter { account.role != .departmentAdmin || $0.initiator == account.departmentCode }
        queue.visitsToday = mine.filter { $0.plannedDate == today }
        queue.toNotify = mine.filter { $0.notice == nil }
        queue.resultsDue = mine.map { WorkQueue.ResultTask(inspection: $0, daysLeft: $0.resultDueDate.map { today.days(to: $0) }) }
        if account.role == .departmentAdmin || account.role == .office {
            queue.toReview = visible.filter { $0.state == .submitted }.filter {
                account.role == .office || $0.initiator == account.departmentCode
            }
            queue.overdueRectifications = inputs.overdueRectifications
        }
        if account.role == .office {
            let calendar = database.calendar
            let years = outstanding.filter(\.resultDueDateProvisional).compactMap { inspection in
                inspection.resultDueDate.flatMap { due in
                    let first = inspection.windowEnd.adding(days: 1).year
                    return (first...max(due.year, first)).first(where: calendar.isProvisional)
                }
            }
            queue.missingHolidayNotices = Dictionary(grouping: years) { $0 }.map {
                WorkQueue.MissingNotice(year: $0.key, inspections: $0.value.count)
            }
            .sorted { $0.year < $1.year }
        }
        return queue
    }

    /// What an account's queue is made of on one day (`queue`).
    struct Inputs: Sendable {
        var plans: [Plan]
        var draws: [DrawSummary] = []
        var batchesToDraw: [WorkQueue.BatchTask] = []
        var inspections: [Inspection] = []
        var overdueRectifications: [FollowUp] = []
    }

    func inputs(for account: Account, today: CalendarDate) async throws -> Inputs {
        let plans = try await PlanStore(database: database).list(for: account)
        var inputs = Inputs(plans: plans)
        if account.role != .inspector { inputs.draws = try await DrawStore(database: database).list(of: plans) }
        if account.role == .departmentAdmin {
            inputs.batchesToDraw = try await Self.batchesWithoutDraw(
                plans.filter { (try? PlanPolicy.requireInitiator(account, $0)) != nil && PlanPolicy.allowsDraws($0.state) }, database)
        }
        inputs.inspections = try await InspectionStore(database: database).list(for: account, InspectionQuery(limit: nil))
        if account.role == .departmentAdmin || account.role == .office {
            inputs.overdueRectifications = try await FollowUpStore(database: database).listOpen(overdueOn: today, for: account)
        }
        return inputs
    }

    /// The batches of `plans` with no draw prepared yet, in one query.
    static func batchesWithoutDraw(_ plans: [Plan], _ database: SuijiDatabase) async throws -> [WorkQueue.BatchTask] {
        guard !plans.isEmpty else { return [] }
        let byID = Dictionary(plans.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return try await database.read { db in
            var list: SQLQueryString = ""
            for (index, plan) in plans.enumerated() { list += index == 0 ? "\(bind: plan.id)" : ", \(bind: plan.id)" }
            let rows = try await db.raw(
                """
                SELECT id, plan_id, code, start_date, end_date, size, cross_unit, cap_extra FROM batches b
                WHERE plan_id IN (
                """ + list + ") AND NOT EXISTS (SELECT 1 FROM draws d WHERE d.batch_id = b.id) ORDER BY start_date, id"
            ).all(decoding: BatchRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            return try rows.compactMap { row in
                try byID[row.planId].map { WorkQueue.BatchTask(plan: $0, batch: try row.batch()) }
            }
        }
    }

    /// The step `account` owes `draw` at `now`, if any: the announcement by whoever runs the
    /// plan's draws, its department's commitment or secret, then the public value and the
    /// execution (a department that has not revealed by the deadline counts as missing).
    static func step(of draw: DrawSummary, plan: Plan, for account: Account, at now: Date) -> WorkQueue.DrawStep? {
        if draw.state == .prepared && !draw.isAnnounced { return draw.mayAnnounce(account, plan: plan) ? .announce : nil }
        if draw.mayCommit(account, plan: plan) { return draw.ownDepartment(of: account, plan: plan)?.commitment == nil ? .commit : nil }
        if draw.mayReveal(account, plan: plan, at: now) { return .reveal }
        if draw.mayEnterPublicValue(account, plan: plan, at: now) { return .enterPublicValue }
        return draw.isReadyToExecute(at: now) && PlanPolicy.canRunDraws(account, plan) ? .execute : nil
    }
}
