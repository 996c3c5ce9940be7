// SPDX-License-Identifier: Apache-2.0

/// Errors of follow-ups: illegal state changes, role rules, bad input, lookups.
public enum FollowUpError: DomainError, Equatable {
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

    public var code: String {
        switch self {
        case .illegalTransition: "illegal_transition"
        case .forbidden: "forbidden"
        case .invalid: "invalid_input"
        case .notFound: "not_found"
        case .conflict: "conflict"
        }
    }

    public var field: String? {
        if case .invalid(let issues) = self { return issues.first?.field }
        return nil
    }

    public var message: String {
        switch self {
        case .illegalTransition(let kind, let state, let action):
            "“\(kind.label)”处于“\(state.label)”状态，不能\(action.label)"
        case .forbidden(let reason), .notFound(let reason), .conflict(let reason): reason
        case .invalid(let issues): issues.map(\.message).joined(separator: "；")
        }
    }

    public var kind: ErrorKind {
        switch self {
        case .illegalTransition, .conflict: .conflict
        case .forbidden: .forbidden
        case .invalid: .invalid
        case .notFound: .notFound
        }
    }
}
