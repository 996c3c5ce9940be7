// SPDX-License-Identifier: Apache-2.0

/// A place in an inspection team.
public enum TeamRole: String, Sendable, Codable, CaseIterable {
    /// 组长, from the initiating department.
    case leader
    /// 组员.
    case member
    /// An expert of the expert library (专家), recorded but not an entering member.
    case expert

    /// Chinese name.
    public var label: String {
        switch self {
        case .leader: "组长"
        case .member: "组员"
        case .expert: "专家"
        }
    }
}

/// A member of an inspection team: an inspector (leader or member) or an expert.
public struct TeamMember: Sendable, Codable, Equatable {
    public var role: TeamRole
    /// The inspector id (`Inspector.id`); for experts the expert id.
    public var id: Int64
    public var name: String
    /// The inspector's department; `EXPERT` for experts.
    public var department: String

    /// Creates a member.
    public init(role: TeamRole, id: Int64, name: String, department: String) {
        self.role = role
        self.id = id
        self.name = name
        self.department = department
    }

    /// Whether this is the inspector `inspectorID` (experts never match).
    public func isInspector(_ inspectorID: Int64?) -> Bool {
        role != .expert && inspectorID == id
    }
}
