// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore

/// Which ceremony step an account may take on a draw at a given time: the draw page's forms,
/// the home page's work queue and the store's own checks read these.
extension DrawSummary {
    /// The taking-part department `account` acts for: its admin's own department, if in the plan.
    public func ownDepartment(of account: Account, plan: Plan) -> DrawDepartmentStatus? {
        guard account.role == .departmentAdmin, let code = account.departmentCode, plan.involves(code) else { return nil }
        return departments.first { $0.department == code }
    }

    /// Whether the reveal deadline and the public value (or the approved exception) are announced.
    public var isAnnounced: Bool { revealDeadline != nil && (publicValueSource != nil || !exceptionReason.isEmpty) }

    /// The office or the initiator may announce (or change the announcement) until every
    /// department's commitment is in and `commitment.txt` is published.
    public func mayAnnounce(_ account: Account, plan: Plan) -> Bool {
        state == .prepared && PlanPolicy.canRunDraws(account, plan)
    }

    /// A taking-part department may (re)submit its commitment once the draw is announced, until
    /// every department has.
    public func mayCommit(_ account: Account, plan: Plan) -> Bool {
        state == .prepared && isAnnounced && ownDepartment(of: account, plan: plan) != nil
    }

    /// Whether the reveal deadline has passed at `now`.
    public func isPastDeadline(_ now: Date) -> Bool {
        revealDeadline.map { Timestamp.format(now) >= $0 } ?? false
    }

    /// Whether every department has handed in its secret.
    public var allRevealed: Bool { departments.allSatisfy(\.revealed) }

    /// A taking-part department may hand in its secret once, after every commitment is in and
    /// before the deadline.
    public func mayReveal(_ account: Account, plan: Plan, at now: Date) -> Bool {
        state == .committed && !isPastDeadline(now) && ownDepartment(of: account, plan: plan)?.revealed == false
    }

    /// Who is missing is settled: the deadline passed, or nobody is missing.
    public func isRevealSettled(at now: Date) -> Bool { state == .committed && (allRevealed || isPastDeadline(now)) }

    /// The announced value may be entered once, when who is missing is settled and from its date on.
    public func mayEnterPublicValue(_ account: Account, plan: Plan, at now: Date) -> Bool {
        guard let date = publicValueDate, publicValue == nil, PlanPolicy.canRunDraws(account, plan) else { return false }
        return isRevealSettled(at: now) && CalendarDate(chinaDateOf: now).iso >= date
    }

    /// Everything is in: who is missing is settled, at least one department's secret is in, and
    /// the announced public value is entered (or an exception was approved instead).
    public func isReadyToExecute(at now: Date) -> Bool {
        isRevealSettled(at: now) && departments.contains(where: \.revealed) && isAnnounced
            && (publicValueSource == nil || publicValue != nil)
    }
}
