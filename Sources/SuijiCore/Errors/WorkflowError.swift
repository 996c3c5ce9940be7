// SPDX-License-Identifier: Apache-2.0

/// What goes wrong in a workflow area (plans and draws, inspections, follow-ups): each area keeps
/// its own error enum, and maps it to one of these reasons once.
public enum WorkflowReason: Sendable {
    /// A state change not allowed from the current state; the Chinese message names both.
    case illegalTransition(message: String)
    /// The caller may not do this; the reason in Chinese.
    case forbidden(String)
    /// The input broke a rule; the first issue names the field.
    case invalid([FieldIssue])
    /// No such record visible to the caller.
    case notFound(String)
    /// The record's state forbids the change.
    case conflict(String)
}

/// A domain error whose code, field, message and kind follow from its `WorkflowReason`.
public protocol WorkflowError: DomainError {
    /// The error as one of the shared reasons.
    var reason: WorkflowReason { get }
}

extension WorkflowError {
    public var code: String {
        switch reason {
        case .illegalTransition: "illegal_transition"
        case .forbidden: "forbidden"
        case .invalid: "invalid_input"
        case .notFound: "not_found"
        case .conflict: "conflict"
        }
    }

    public var field: String? {
        if case .invalid(let issues) = reason { return issues.first?.field }
        return nil
    }

    public var message: String {
        switch reason {
        case .illegalTransition(let message), .forbidden(let message), .notFound(let message), .conflict(let message): message
        case .invalid(let issues): issues.map(\.message).joined(separator: "；")
        }
    }

    public var kind: ErrorKind {
        switch reason {
        case .illegalTransition, .conflict: .conflict
        case .forbidden: .forbidden
        case .invalid: .invalid
        case .notFound: .notFound
        }
    }
}
