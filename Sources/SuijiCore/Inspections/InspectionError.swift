// SPDX-License-Identifier: Apache-2.0

/// Errors of inspections: illegal state changes, role rules, bad input, lookups.
public enum InspectionError: WorkflowError, Equatable {
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

    public var reason: WorkflowReason {
        switch self {
        case .illegalTransition(let from, let action): .illegalTransition(message: "检查结果处于“\(from.label)”状态，不能\(action.label)")
        case .forbidden(let reason): .forbidden(reason)
        case .invalid(let issues): .invalid(issues)
        case .notFound(let reason): .notFound(reason)
        case .conflict(let reason): .conflict(reason)
        }
    }
}
