// SPDX-License-Identifier: Apache-2.0

/// Which departments' libraries a query may touch.
public enum DepartmentScope: Sendable, Equatable {
    /// Every department (office, overseer).
    case all
    /// One department only.
    case only(String)

    /// Whether `code` is inside the scope.
    public func contains(_ code: String) -> Bool {
        switch self {
        case .all: true
        case .only(let own): own == code
        }
    }
}

/// "谁监管、谁建设、谁维护": who may read and change which department's libraries (§10).
public enum AccessPolicy {
    /// The departments whose libraries `account` may read.
    public static func readScope(_ account: Account) -> DepartmentScope {
        switch account.role {
        case .office, .overseer: .all
        case .departmentAdmin, .inspector: .only(account.departmentCode ?? "")
        }
    }

    /// The department whose libraries `account` may change, if any: only a department admin,
    /// and only its own department's.
    public static func writableDepartment(_ account: Account) -> String? {
        account.role == .departmentAdmin ? account.departmentCode : nil
    }

    /// Throws unless `account` may change the libraries of `department`.
    public static func requireWrite(_ account: Account, department: String) throws(LibraryError) {
        guard account.active else { throw .forbidden("账号已停用") }
        guard let own = writableDepartment(account) else {
            throw .forbidden("\(account.role.label)账号不能修改名录库（只有本部门管理员可以维护本部门的“一单两库”）")
        }
        guard own == department else { throw .forbidden("只能维护本部门的“一单两库”") }
    }

    /// Throws unless `account` may read the audit log (the office and overseers).
    public static func requireAuditReader(_ account: Account) throws(LibraryError) {
        guard account.active, account.role == .office || account.role == .overseer else {
            throw .forbidden("只有联席会议办公室和监督考评账号可以查看审计日志")
        }
    }

    /// Throws unless `account` may manage departments and accounts.
    public static func requireOffice(_ account: Account) throws(LibraryError) {
        guard account.active, account.role == .office else { throw .forbidden("只有联席会议办公室可以管理部门和账号") }
    }
}
