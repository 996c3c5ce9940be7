// SPDX-License-Identifier: Apache-2.0

/// Errors of inspections: illegal state changes, role rules, bad input, lookups.
public typealias InspectionError = StateMachineError<InspectionState>

extension InspectionState: WorkflowPosition {
    public func refusal(_ action: InspectionAction) -> String { "检查结果处于“\(label)”状态，不能\(action.label)" }
}
