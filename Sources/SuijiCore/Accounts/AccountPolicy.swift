// SPDX-License-Identifier: Apache-2.0

/// Who may see and manage which login accounts: the office every account; a department admin
/// the inspector logins of their own department (and their own account); anyone their own.
extension AccessPolicy {
    /// Whether `manager` may see `account` (its sessions, its state).
    public static func mayView(account: Account, by manager: Account) -> Bool {
        account.id == manager.id || mayManage(account: account, by: manager)
    }

    /// Whether `manager` may reset, disable or create `account`.
    public static func mayManage(account: Account, by manager: Account) -> Bool {
        guard manager.active else { return false }
        switch manager.role {
        case .office: return true
        case .departmentAdmin:
            return account.role == .inspector && account.departmentCode != nil && account.departmentCode == manager.departmentCode
        case .inspector, .overseer: return false
        }
    }

    /// Throws unless `manager` may manage `account`.
    public static func requireManage(account: Account, by manager: Account) throws(LibraryError) {
        guard mayManage(account: account, by: manager) else {
            throw .forbidden("只有联席会议办公室可以管理账号；部门管理员只能管理本部门执法检查人员的账号")
        }
    }

    /// Throws unless `manager` may manage the inspector logins of `department`.
    public static func requireInspectorLogins(department: String, by manager: Account) throws(LibraryError) {
        guard manager.active, manager.role == .office || (manager.role == .departmentAdmin && manager.departmentCode == department)
        else {
            throw .forbidden("只有联席会议办公室和本部门管理员可以管理本部门执法检查人员的账号")
        }
    }
}
