// SPDX-License-Identifier: Apache-2.0

import SuijiCore

/// Which ceremony step an account may take on a draw now: the draw page's forms and the home
/// page's work queue both read these.
extension DrawSummary {
    /// The taking-part department `account` acts for: its admin's own department, if in the plan.
    public func ownDepartment(of account: Account, plan: Plan) -> DrawDepartmentStatus? {
        guard account.role == .departmentAdmin, let code = account.departmentCode, plan.involves(code) else { return nil }
        return departments.first { $0.department == code }
    }

    /// A taking-part department may (re)submit its commitment until every department has.
    public func mayCommit(_ account: Account, plan: Plan) -> Bool {
        state == .prepared && ownDepartment(of: account, plan: plan) != nil
    }

    /// A taking-part department may reveal its secret once, after every commitment is in.
    public func mayReveal(_ account: Account, plan: Plan) -> Bool {
        state == .committed && ownDepartment(of: account, plan: plan)?.revealed == false
    }

    /// Every commitment is in and the announced public value, if any, is entered.
    public var isReadyToExecute: Bool { state == .committed && (publicValueSource == nil || publicValue != nil) }
}
