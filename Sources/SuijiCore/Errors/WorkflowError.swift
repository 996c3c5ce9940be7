// SPDX-License-Identifier: Apache-2.0

/// What goes wrong in a workflow area (plans and draws, inspections, follow-ups, oversight,
/// checks outside the draw): each error maps to one of these reasons once.
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

/// Where a record stands in its state machine, and how a refused action is named.
public protocol WorkflowPosition: Sendable, Equatable {
    associatedtype Action: Sendable, Equatable
    /// The Chinese message of refusing `action` here, naming both.
    func refusal(_ action: Action) -> String
}

/// The errors of an area whose records move through states — plans and draws (`PlanError`),
/// inspections (`InspectionError`), follow-ups (`FollowUpError`): one enum, typed by the area's
/// position, so each area's errors stay a type of their own.
public enum StateMachineError<Position: WorkflowPosition>: WorkflowError, Equatable {
    /// `action` is not allowed at `from`.
    case illegalTransition(from: Position, action: Position.Action)
    /// The caller may not do this; the reason in Chinese.
    case forbidden(String)
    /// The input broke a rule; the first issue names the field.
    case invalid([FieldIssue])
    /// No such record visible to the caller.
    case notFound(String)
    /// The record's state forbids the change.
    case conflict(String)

    public var reason: WorkflowReason {
        switch self {
        case .illegalTransition(let from, let action): .illegalTransition(message: from.refusal(action))
        case .forbidden(let reason): .forbidden(reason)
        case .invalid(let issues): .invalid(issues)
        case .notFound(let reason): .notFound(reason)
        case .conflict(let reason): .conflict(reason)
        }
    }
}
