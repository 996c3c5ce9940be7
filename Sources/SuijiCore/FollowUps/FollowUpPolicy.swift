// SPDX-License-Identifier: Apache-2.0

/// Who may open and handle follow-ups (§17): admins of the plan's departments, once the
/// inspection's results are approved and a problem was found; each follow-up is handled by the
/// department that opened it.
public enum FollowUpPolicy {
    /// The caller's department, if `account` is an active admin of a department of the inspection.
    public static func requireAdmin(_ account: Account, of inspection: Inspection) throws(FollowUpError) -> String {
        guard account.active, account.role == .departmentAdmin, let department = account.departmentCode,
            inspection.departments.contains(department)
        else { throw .forbidden("只有本计划参与部门的管理员可以登记和办理后续处置") }
        return department
    }

    /// The department that opens a follow-up of `inspection` (of `item`, when it names one):
    /// the results must be approved or published and show a problem, in that item if named.
    public static func requireOpen(_ account: Account, _ inspection: Inspection, item: PlanItem? = nil) throws(FollowUpError) -> String {
        let department = try requireAdmin(account, of: inspection)
        guard inspection.state == .approved || inspection.state == .published else {
            throw .conflict("检查结果处于“\(inspection.state.label)”状态，审核通过或公示后才能登记后续处置")
        }
        guard inspection.findings.contains(where: { $0.category.isProblem }) else { throw .conflict("该检查未发现问题，无需后续处置") }
        if let item, !inspection.findings.contains(where: { $0.item == item && $0.category.isProblem }) {
            throw .invalid([FieldIssue(field: "item", message: "事项 \(item.department):\(item.code) 未发现问题，不能登记后续处置")])
        }
        return department
    }

    /// Throws unless `account` may handle `followUp` now: open, and an admin of the department
    /// that opened it.
    public static func requireHandle(_ account: Account, _ followUp: FollowUp) throws(FollowUpError) {
        guard account.active, account.role == .departmentAdmin, account.departmentCode == followUp.department else {
            throw .forbidden("只有登记该处置的部门（\(followUp.department)）可以办理")
        }
        guard followUp.state == .open else { throw .conflict("该后续处置已办结") }
    }
}
