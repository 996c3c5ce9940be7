// SPDX-License-Identifier: Apache-2.0

/// Errors of inspections: illegal state changes, role rules, bad input, lookups.
public enum InspectionError: DomainError, Equatable {
    /// `action` is not allowed in state `from`.
    case illegalTransition(from: InspectionState, action: InspectionAction)
    /// The caller may not do this; the reason in Chinese.
    case forbidden(String)
    /// The input broke a rule; the first issue names the field.
    case invalid([FieldIssue])
    /// No such inspection visible to the caller.
    case notFound(String)
    /// The inspection's state forbids this change.
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
        case .illegalTransition(let from, let action): "检查结果处于“\(from.label)”状态，不能\(action.label)"
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
