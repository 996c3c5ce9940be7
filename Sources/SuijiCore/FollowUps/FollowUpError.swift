// SPDX-License-Identifier: Apache-2.0

/// Errors of follow-ups: illegal state changes, role rules, bad input, lookups.
public enum FollowUpError: WorkflowError, Equatable {
    /// `action` is not allowed for a follow-up of `kind` in `state`.
    case illegalTransition(kind: FollowUpKind, state: FollowUpState, action: FollowUpAction)
    /// The caller may not do this; the reason in Chinese.
    case forbidden(String)
    /// The input broke a rule; the first issue names the field.
    case invalid([FieldIssue])
    /// No such follow-up (or inspection) visible to the caller.
    case notFound(String)
    /// The inspection's state or findings forbid a follow-up.
    case conflict(String)

    public var reason: WorkflowReason {
        switch self {
        case .illegalTransition(let kind, let state, let action):
            .illegalTransition(message: "“\(kind.label)”处于“\(state.label)”状态，不能\(action.label)")
        case .forbidden(let reason): .forbidden(reason)
        case .invalid(let issues): .invalid(issues)
        case .notFound(let reason): .notFound(reason)
        case .conflict(let reason): .conflict(reason)
        }
    }
}
