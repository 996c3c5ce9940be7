// SPDX-License-Identifier: Apache-2.0

/// Who sees oversight statistics (§21): the office and overseers every department, a
/// department admin its own department only, inspectors none. Seeing them changes nothing.
public enum OversightPolicy {
    /// The department `account` is limited to (nil: every department), or an error when it
    /// may not see oversight statistics at all.
    public static func scope(_ account: Account) throws(OversightError) -> String? {
        guard account.active else { throw .forbidden("账号已停用") }
        switch account.role {
        case .office, .overseer: return nil
        case .departmentAdmin:
            guard let department = account.departmentCode else { throw .forbidden("部门管理员账号未关联部门") }
            return department
        case .inspector: throw .forbidden("监督考评统计仅向联席会议办公室、监督考评人员和部门管理员开放")
        }
    }
}
