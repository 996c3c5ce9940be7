// SPDX-License-Identifier: Apache-2.0

/// The filters of the plan list: a text in the code or name, a year, a state and a department
/// taking part; empty filters match every plan.
public struct PlanFilter: Sendable, Equatable {
    public var text: String
    public var year: Int?
    public var state: PlanState?
    public var department: String?

    public init(text: String = "", year: Int? = nil, state: PlanState? = nil, department: String? = nil) {
        self.text = text.trimmed
        self.year = year
        self.state = state
        self.department = department.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether `plan` passes every filter.
    public func matches(_ plan: Plan) -> Bool {
        if let year, plan.year != year { return false }
        if let state, plan.state != state { return false }
        if let department, !plan.involves(department) { return false }
        if !text.isEmpty, !plan.code.uppercased().contains(text.uppercased()), !plan.name.contains(text) { return false }
        return true
    }

    /// Whether any filter is set.
    public var isActive: Bool { !text.isEmpty || year != nil || state != nil || department != nil }
}
