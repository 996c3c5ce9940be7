// SPDX-License-Identifier: Apache-2.0

/// The life of a joint plan (§11–§13): draft → submitted → approved (by the office) → in
/// progress (its first draw executed) → done.
public enum PlanState: String, Sendable, Codable, CaseIterable {
    case draft
    case submitted
    case approved
    case inProgress
    case done
    /// Merged by the office into another joint plan (§12); kept and linked, no longer drawn.
    case merged

    /// Chinese name.
    public var label: String {
        switch self {
        case .draft: "草稿"
        case .submitted: "已提交"
        case .approved: "已批准"
        case .inProgress: "实施中"
        case .done: "已完成"
        case .merged: "已合并"
        }
    }
}

/// What can be done to a plan.
public enum PlanAction: String, Sendable, Codable, CaseIterable {
    /// The initiator submits the draft to the office.
    case submit
    /// The office approves a submitted plan.
    case approve
    /// The office sends a submitted plan back to draft.
    case reject
    /// The first executed draw starts the plan (done by the platform).
    case start
    /// The initiator closes the plan.
    case finish
    /// The office publishes the plan to the public portal (any state from approved on).
    case publish

    /// Chinese name.
    public var label: String {
        switch self {
        case .submit: "提交"
        case .approve: "批准"
        case .reject: "退回"
        case .start: "开始实施"
        case .finish: "完成"
        case .publish: "公示"
        }
    }
}

/// Errors of plans, batches and draws.
public typealias PlanError = StateMachineError<PlanState>

extension PlanState: WorkflowPosition {
    public func refusal(_ action: PlanAction) -> String { "计划处于“\(label)”状态，不能\(action.label)" }
}

extension PlanState {
    /// The state after `action`, or an error naming the illegal transition. Who may act is
    /// checked by `PlanPolicy`.
    public func applying(_ action: PlanAction) throws(PlanError) -> PlanState {
        switch (self, action) {
        case (.draft, .submit): return .submitted
        case (.submitted, .approve): return .approved
        case (.submitted, .reject): return .draft
        case (.approved, .start): return .inProgress
        case (.approved, .finish), (.inProgress, .finish): return .done
        case (.approved, .publish), (.inProgress, .publish), (.done, .publish): return self
        default: throw .illegalTransition(from: self, action: action)
        }
    }
}
