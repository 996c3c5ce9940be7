// SPDX-License-Identifier: Apache-2.0

/// The life of an inspection's results (§16.3): 未录入 → 待审核 → 退回 (back to the team) or
/// 已通过 → 已公示.
public enum InspectionState: String, Sendable, Codable, CaseIterable {
    /// 未录入: drawn, the team has not submitted results yet.
    case pending
    /// 待审核: the team submitted its results to the initiating department.
    case submitted
    /// 退回: sent back to the team with a reason; the team corrects and submits again.
    case returned
    /// 已通过: approved by the initiating department.
    case approved
    /// 已公示: published under the target's name.
    case published
    /// 已撤销: the draw was replaced by a re-draw before the team recorded anything; the
    /// target does not count as inspected (§14).
    case cancelled

    /// Chinese name.
    public var label: String {
        switch self {
        case .pending: "未录入"
        case .submitted: "待审核"
        case .returned: "退回"
        case .approved: "已通过"
        case .published: "已公示"
        case .cancelled: "已撤销（重新抽取）"
        }
    }

    /// Whether the team may still record the notice and findings.
    public var allowsEntry: Bool { self == .pending || self == .returned }

    /// Whether results are still outstanding (counted by the overdue listing).
    public var isOutstanding: Bool { self == .pending || self == .returned }

    /// The state after `action`, or an error naming the illegal transition. Who may act is
    /// checked by `InspectionPolicy`.
    public func applying(_ action: InspectionAction) throws(InspectionError) -> InspectionState {
        switch (self, action) {
        case (.pending, .submit), (.returned, .submit): return .submitted
        case (.submitted, .approve): return .approved
        case (.submitted, .return): return .returned
        case (.approved, .publish): return .published
        case (.pending, .cancel): return .cancelled
        default: throw .illegalTransition(from: self, action: action)
        }
    }
}

/// What can be done to an inspection's results.
public enum InspectionAction: String, Sendable, Codable, CaseIterable {
    /// The team submits its results for review.
    case submit
    /// The initiating department approves the results.
    case approve
    /// The initiating department sends the results back to the team, with a reason.
    case `return`
    /// The initiating department publishes approved results under the target's name.
    case publish
    /// A re-draw of the batch replaces the draw: its inspections not yet started are cancelled.
    case cancel

    /// Chinese name.
    public var label: String {
        switch self {
        case .submit: "提交审核"
        case .approve: "审核通过"
        case .return: "退回"
        case .publish: "公示"
        case .cancel: "撤销"
        }
    }

    /// The actions of a reviewer (an admin of the initiating department).
    public static let review: [InspectionAction] = [.approve, .return, .publish]
}
