// SPDX-License-Identifier: Apache-2.0

/// Who may see and do what with inspections: "谁检查、谁录入、谁负责" — only inspectors of the
/// team record the notice and findings; only an admin of the initiating department reviews;
/// the office and overseers read everything, and overseers change nothing.
public enum InspectionPolicy {
    /// Whether `account` may read `inspection`: office and overseer all; a department admin
    /// those of plans its department is in; an inspector only those of its own teams.
    public static func canRead(_ account: Account, _ inspection: Inspection) -> Bool {
        guard account.active else { return false }
        switch account.role {
        case .office, .overseer: return true
        case .departmentAdmin: return account.departmentCode.map(inspection.departments.contains) ?? false
        case .inspector: return inspection.hasMember(account.inspectorID)
        }
    }

    /// Throws unless `account` is an inspector of the team (notice, findings, submission).
    public static func requireTeamMember(_ account: Account, _ inspection: Inspection) throws(InspectionError) {
        guard account.active else { throw .forbidden("账号已停用") }
        guard account.role == .inspector, inspection.hasMember(account.inspectorID) else {
            throw .forbidden("只有本检查组的执法检查人员可以录入（谁检查、谁录入、谁负责）")
        }
    }

    /// Throws unless `account` is an admin of the initiating department (approve, return, publish).
    public static func requireReviewer(_ account: Account, _ inspection: Inspection) throws(InspectionError) {
        guard account.active, account.role == .departmentAdmin, account.departmentCode == inspection.initiator else {
            throw .forbidden("只有发起部门（\(inspection.initiator)）的管理员可以审核检查结果")
        }
    }

    /// Throws unless `account` may apply `action` to `inspection` (role, then state).
    public static func requireAction(_ account: Account, _ action: InspectionAction, on inspection: Inspection) throws(InspectionError) {
        if action == .submit {
            try requireTeamMember(account, inspection)
        } else {
            try requireReviewer(account, inspection)
        }
        _ = try inspection.state.applying(action)
    }

    /// Throws unless `account` may record the notice or a finding now.
    public static func requireEntry(_ account: Account, _ inspection: Inspection) throws(InspectionError) {
        try requireTeamMember(account, inspection)
        guard inspection.state.allowsEntry else {
            throw .conflict("检查结果处于“\(inspection.state.label)”状态，不能再录入（退回后可修改）")
        }
    }

    /// Who may plan the visit (计划检查日期): a member of the team or an admin of the
    /// initiating department, while results are open.
    public static func requireScheduling(_ account: Account, _ inspection: Inspection) throws(InspectionError) {
        guard (try? requireReviewer(account, inspection)) != nil || (try? requireTeamMember(account, inspection)) != nil else {
            throw .forbidden("只有本检查组成员或发起部门的管理员可以安排计划检查日期")
        }
        guard inspection.state.allowsEntry else {
            throw .conflict("检查结果处于“\(inspection.state.label)”状态，不能再调整计划检查日期")
        }
    }
}
