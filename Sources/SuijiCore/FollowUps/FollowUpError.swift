// SPDX-License-Identifier: Apache-2.0

/// Errors of follow-ups: illegal state changes, role rules, bad input, lookups.
public typealias FollowUpError = StateMachineError<FollowUpPosition>

/// Where a follow-up stands: its kind decides which actions close it.
public struct FollowUpPosition: WorkflowPosition {
    public var kind: FollowUpKind
    public var state: FollowUpState

    public init(kind: FollowUpKind, state: FollowUpState) {
        self.kind = kind
        self.state = state
    }

    public func refusal(_ action: FollowUpAction) -> String { "“\(kind.label)”处于“\(state.label)”状态，不能\(action.label)" }
}

extension StateMachineError where Position == FollowUpPosition {
    /// `action` is not allowed for a follow-up of `kind` in `state`.
    public static func illegalTransition(kind: FollowUpKind, state: FollowUpState, action: FollowUpAction) -> Self {
        .illegalTransition(from: FollowUpPosition(kind: kind, state: state), action: action)
    }
}
