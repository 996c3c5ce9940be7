// SPDX-License-Identifier: Apache-2.0

/// Who may see and do what with joint plans and their draws: joint work is shared between
/// exactly the departments of the plan; the office approves and publishes.
public enum PlanPolicy {
    /// Whether `account` may read `plan` (and its batches and draws).
    public static func canRead(_ account: Account, _ plan: Plan) -> Bool {
        switch account.role {
        case .office, .overseer: true
        case .departmentAdmin, .inspector: account.departmentCode.map(plan.involves) ?? false
        }
    }

    /// Throws unless `account` may apply `action` to `plan`.
    public static func requireAction(_ account: Account, _ action: PlanAction, on plan: Plan) throws(PlanError) {
        guard account.active else { throw .forbidden("账号已停用") }
        switch action {
        case .submit, .finish:
            try requireInitiator(account, plan)
        case .approve, .reject, .publish:
            guard account.role == .office else { throw .forbidden("只有联席会议办公室可以\(action.label)计划") }
        case .start:
            throw .forbidden("计划在首次抽取后自动开始实施")
        }
    }

    /// Throws unless `account` is an admin of the plan's initiating department.
    public static func requireInitiator(_ account: Account, _ plan: Plan) throws(PlanError) {
        guard account.active, account.role == .departmentAdmin, account.departmentCode == plan.initiator else {
            throw .forbidden("只有发起部门（\(plan.initiator)）的管理员可以进行此操作")
        }
    }

    /// Throws unless `account` is an admin of `department`, a department of the plan (commit and
    /// reveal a secret for it).
    public static func requireDepartmentAdmin(_ account: Account, _ department: String, of plan: Plan) throws(PlanError) {
        guard plan.involves(department) else { throw .notFound("部门 \(department) 不参与本计划") }
        guard account.active, account.role == .departmentAdmin, account.departmentCode == department else {
            throw .forbidden("只有 \(department) 的部门管理员可以提交本部门的承诺和秘密")
        }
    }

    /// The state changes `account` may apply to `plan` now: the role rules of `requireAction`
    /// combined with the state machine (publishing only once).
    public static func allowedActions(_ account: Account, on plan: Plan) -> [PlanAction] {
        PlanAction.allCases.filter { action in
            guard (try? requireAction(account, action, on: plan)) != nil, (try? plan.state.applying(action)) != nil else { return false }
            return action != .publish || !plan.published
        }
    }

    /// Whether `account` may run the plan's draws (execute, enter the public value): the office or
    /// the initiator's admin.
    public static func canRunDraws(_ account: Account, _ plan: Plan) -> Bool {
        account.role == .office || (try? requireInitiator(account, plan)) != nil
    }

    /// Whether `account` may add batches to `plan` now.
    public static func canAddBatch(_ account: Account, _ plan: Plan) -> Bool {
        plan.state != .done && (try? requireInitiator(account, plan)) != nil
    }

    /// Throws unless `account` may change or delete `plan`: the initiator's admin, while the plan
    /// is a draft (after submission the office reviews what was submitted).
    public static func requireDraftEditor(_ account: Account, _ plan: Plan) throws(PlanError) {
        try requireInitiator(account, plan)
        guard plan.state == .draft else {
            throw .conflict("计划处于“\(plan.state.label)”状态，只有草稿可以修改或删除（已提交的计划可请办公室退回后再改）")
        }
    }

    /// Whether `account` may change or delete `plan` now.
    public static func canEditDraft(_ account: Account, _ plan: Plan) -> Bool {
        (try? requireDraftEditor(account, plan)) != nil
    }

    /// Throws unless `account` may change or delete a batch of `plan`: the initiator's admin, the
    /// plan not finished or merged, and no draw prepared for the batch (a draw fixes its inputs).
    public static func requireBatchEditor(_ account: Account, _ plan: Plan, batchHasDraws: Bool) throws(PlanError) {
        try requireInitiator(account, plan)
        guard plan.state != .done && plan.state != .merged else {
            throw .conflict("计划处于“\(plan.state.label)”状态，批次不能再修改或删除")
        }
        guard !batchHasDraws else { throw .conflict("本批次已有抽取记录，不能修改或删除；如需调整请重新抽取") }
    }

    /// Whether `account` may change or delete a batch of `plan` now.
    public static func canEditBatch(_ account: Account, _ plan: Plan, batchHasDraws: Bool) -> Bool {
        (try? requireBatchEditor(account, plan, batchHasDraws: batchHasDraws)) != nil
    }

    /// The states in which a plan's draws are public: from approval on.
    public static let publicStates: [PlanState] = [.approved, .inProgress, .done]

    /// Whether the plan's draws are public (`publicStates`).
    public static func isPublic(_ plan: Plan) -> Bool { publicStates.contains(plan.state) }

    /// Whether the plan itself stands on the public portal: public, and published by the office.
    public static func isOnPortal(_ plan: Plan) -> Bool { isPublic(plan) && plan.published }

    /// Whether batches may still be added or draws prepared in `state`.
    public static func allowsDraws(_ state: PlanState) -> Bool { state == .approved || state == .inProgress }
}
