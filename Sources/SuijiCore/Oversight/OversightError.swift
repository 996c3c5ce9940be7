// SPDX-License-Identifier: Apache-2.0

/// Errors of oversight statistics: a bad period or figure, a role that may not see them.
public enum OversightError: WorkflowError, Equatable {
    /// The caller may not see oversight statistics; the reason in Chinese.
    case forbidden(String)
    /// The input broke a rule; the first issue names the field.
    case invalid([FieldIssue])

    public var reason: WorkflowReason {
        switch self {
        case .forbidden(let reason): .forbidden(reason)
        case .invalid(let issues): .invalid(issues)
        }
    }
}
