// SPDX-License-Identifier: Apache-2.0

/// What an account may do (SPEC "Who uses it").
public enum Role: String, Sendable, Codable, CaseIterable {
    /// The joint-meeting office: sees everything, manages departments and accounts.
    case office
    /// A member department's administrator: maintains its own libraries.
    case departmentAdmin
    /// An enforcement officer: own assignments, own department's libraries read-only.
    case inspector
    /// Justice bureau / evaluators: read everything, change nothing.
    case overseer

    /// Chinese name.
    public var label: String {
        switch self {
        case .office: "联席会议办公室"
        case .departmentAdmin: "部门管理员"
        case .inspector: "执法检查人员"
        case .overseer: "监督考评"
        }
    }

    /// Whether the role is tied to one department.
    public var needsDepartment: Bool { self == .departmentAdmin || self == .inspector }
}

/// A login account.
public struct Account: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var username: String
    public var displayName: String
    public var role: Role
    /// Department code for department admins and inspectors.
    public var departmentCode: String?
    /// The inspector record an inspector account belongs to.
    public var inspectorID: Int64?
    public var active: Bool

    public init(
        id: Int64 = 0, username: String, displayName: String, role: Role, departmentCode: String? = nil,
        inspectorID: Int64? = nil, active: Bool = true
    ) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.departmentCode = departmentCode
        self.inspectorID = inspectorID
        self.active = active
    }
}
