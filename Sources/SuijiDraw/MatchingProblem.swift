// SPDX-License-Identifier: Apache-2.0

/// An index-level matching instance (spec §9): teams × slots, inspectors with capacities,
/// and per (team, department) the eligible inspectors. Use it directly if eligibility is
/// computed elsewhere; `InspectorMatching` builds it from published files.
public struct MatchingProblem: Sendable, Equatable {
    /// Number of teams (drawn targets in selection order).
    public var teamCount: Int
    /// Department index of each slot, in team order.
    public var slotDepartments: [Int]
    /// Number of departments (including the expert list).
    public var departmentCount: Int
    /// `eligible[team * departmentCount + dept]`: eligible inspector indices, ascending.
    public var eligible: [[Int32]]
    /// Capacity (maximum number of slots) per inspector.
    public var capacity: [Int]

    /// Creates a problem.
    public init(teamCount: Int, slotDepartments: [Int], departmentCount: Int, eligible: [[Int32]], capacity: [Int]) {
        self.teamCount = teamCount
        self.slotDepartments = slotDepartments
        self.departmentCount = departmentCount
        self.eligible = eligible
        self.capacity = capacity
    }

    /// Number of slots of each department in one team.
    public var slotsPerDepartment: [Int] {
        var c = [Int](repeating: 0, count: departmentCount)
        for d in slotDepartments { c[d] += 1 }
        return c
    }
}

/// Why a slot cannot be filled.
public enum UnfilledReason: String, Sendable, Equatable {
    /// No inspector is eligible for this team and department at all.
    case noEligibleInspector = "no-eligible-inspector"
    /// Fewer eligible inspectors than slots of that department in the team.
    case tooFewEligible = "too-few-eligible"
    /// Eligible inspectors exist but their capacity is used by other teams.
    case capacityExhausted = "capacity-exhausted"
}

/// One slot that cannot be filled.
public struct UnfilledSlot: Sendable, Equatable {
    /// Team index.
    public var team: Int
    /// Slot index in team order.
    public var slot: Int
    /// Reason.
    public var reason: UnfilledReason

    /// Creates an entry.
    public init(team: Int, slot: Int, reason: UnfilledReason) {
        self.team = team
        self.slot = slot
        self.reason = reason
    }
}

/// Outcome of the matching: every slot filled, or the slots that cannot be.
public enum MatchingOutcome: Sendable, Equatable {
    /// `inspectors[team][slot]` = inspector index.
    case complete([[Int32]])
    /// Infeasible: the unfilled slots of one maximum flow, with reasons.
    case infeasible([UnfilledSlot])
}
