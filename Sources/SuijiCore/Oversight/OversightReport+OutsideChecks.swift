// SPDX-License-Identifier: Apache-2.0

/// A check outside the draw (§3) as oversight counts it: its own rows, never a random inspection.
public struct OutsideCheckFact: Sendable, Codable, Equatable {
    public var id: Int64
    public var department: String
    public var targetName: String
    public var kind: OutsideCheckKind
    public var checkedOn: CalendarDate
    public var outcome: OutsideCheckOutcome

    /// Creates a fact.
    public init(
        id: Int64, department: String, targetName: String, kind: OutsideCheckKind, checkedOn: CalendarDate, outcome: OutsideCheckOutcome
    ) {
        self.id = id
        self.department = department
        self.targetName = targetName
        self.kind = kind
        self.checkedOn = checkedOn
        self.outcome = outcome
    }

    /// The fact of `check`.
    public init(_ check: OutsideCheck) {
        self.init(
            id: check.id, department: check.department, targetName: check.targetName, kind: check.kind, checkedOn: check.checkedOn,
            outcome: check.outcome)
    }
}

extension OversightReport {
    /// 随机抽查以外的检查（第三条）: per department, the checks made in the period outside the draw,
    /// by kind, with how many found a problem; counted apart from the random inspections.
    public var outsideCheckTable: OversightTable {
        let checks = facts.outsideChecks.filter { period.contains($0.checkedOn) }
        func row(_ label: String, _ checks: [OutsideCheckFact]) -> [OversightCell] {
            [OversightCell(text: label)]
                + OutsideCheckKind.allCases.map { kind in OversightCell(text: String(checks.count { $0.kind == kind })) }
                + [OversightCell(text: String(checks.count)), OversightCell(text: String(checks.count { $0.outcome.isProblem }))]
        }
        return OversightTable(
            title: "随机抽查以外的检查（第三条）", header: ["部门"] + OutsideCheckKind.allCases.map(\.label) + ["合计", "发现问题"],
            rows: departments.map { department in row(department.name, checks.filter { $0.department == department.code }) }
                + [row("合计", checks)])
    }
}
