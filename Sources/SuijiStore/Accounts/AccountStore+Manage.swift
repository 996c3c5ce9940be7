// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// Passwords and the state of accounts: a user changes their own password; the office (any
/// account) and a department admin (their department's inspector logins) reset passwords to a
/// one-time password and disable or enable accounts. Every change is audited, never a password.
extension AccountStore {
    /// Changes the caller's own password after checking the current one; every other session and
    /// API token of the account ends (`keepToken` is the session making the change).
    public func changePassword(current: String, new: String, keepToken: String?, caller: Caller) async throws {
        let account = caller.account
        let stored = try await database.read { db in
            try await db.raw("SELECT password_hash FROM accounts WHERE id = \(bind: account.id)").first()?
                .decode(column: "password_hash", as: String.self)
        }
        guard try await hasher.verify(current, hash: stored, cost: bcryptCost) else {
            throw AuthError.invalidAccount(field: "currentPassword", message: "当前密码不正确")
        }
        if let problem = PasswordRule.problem(new, username: account.username, label: "新密码") {
            throw AuthError.invalidAccount(field: "newPassword", message: problem)
        }
        if new == current { throw AuthError.invalidAccount(field: "newPassword", message: "新密码不能与当前密码相同") }
        let hash = try await hasher.hash(new, cost: bcryptCost)
        let keep = keepToken.map(Self.hashToken) ?? ""
        try await database.write { db in
            try await db.raw(
                """
                UPDATE accounts SET password_hash = \(bind: hash), must_change_password = 0,
                  password_changed_at = \(bind: Timestamp.format(caller.at)) WHERE id = \(bind: account.id)
                """
            ).run()
            try await db.raw("DELETE FROM sessions WHERE account_id = \(bind: account.id) AND token_hash <> \(bind: keep)").run()
            try await AuditLog.append(
                db, caller: caller, action: "change-password", entity: "account", entityID: account.username, detail: [String: String]())
        }
    }

    /// Gives `username` a new one-time password (returned once, to be handed over in person) that
    /// must be changed at the next login; ends its sessions and tokens and lifts any lockout.
    public func resetPassword(username: String, caller: Caller) async throws -> String {
        let target = try await managed(username, by: caller)
        let password = OneTimePassword.make()
        let hash = try await hasher.hash(password, cost: bcryptCost)
        try await database.write { db in
            try await db.raw(
                """
                UPDATE accounts SET password_hash = \(bind: hash), must_change_password = 1, failed_logins = 0,
                  last_failed_at = NULL, locked_until = NULL, password_changed_at = \(bind: Timestamp.format(caller.at))
                WHERE id = \(bind: target.id)
                """
            ).run()
            try await db.raw("DELETE FROM sessions WHERE account_id = \(bind: target.id)").run()
            try await AuditLog.append(
                db, caller: caller, action: "reset-password", entity: "account", entityID: username, detail: [String: String]())
        }
        return password
    }

    /// Disables (ending every session and token) or enables an account.
    public func setActive(username: String, active: Bool, caller: Caller) async throws {
        let target = try await managed(username, by: caller)
        if !active && target.id == caller.account.id {
            throw AuthError.invalidAccount(field: "username", message: "不能停用自己的账号")
        }
        try await database.write { db in
            try await db.raw("UPDATE accounts SET active = \(bind: active ? 1 : 0) WHERE id = \(bind: target.id)").run()
            if !active { try await db.raw("DELETE FROM sessions WHERE account_id = \(bind: target.id)").run() }
            try await AuditLog.append(
                db, caller: caller, action: active ? "enable" : "disable", entity: "account", entityID: username,
                detail: [String: String]())
        }
    }

    /// The account `username`, if `caller` may manage it (else a refusal or not found).
    func managed(_ username: String, by caller: Caller) async throws -> Account {
        let row = try await database.read { db in
            try await db.raw("SELECT \(unsafeRaw: Self.columns) FROM accounts WHERE username = \(bind: username)")
                .first(decoding: AccountRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        guard let account = row?.account, AccessPolicy.mayView(account: account, by: caller.account) else {
            throw LibraryError.notFound(entity: "账号", id: username)
        }
        try AccessPolicy.requireManage(account: account, by: caller.account)
        return account
    }

    /// Accounts whose one-time password must still be changed.
    public func mustChangePassword(_ accountID: Int64) async throws -> Bool {
        try await database.read { db in
            try await db.raw("SELECT must_change_password FROM accounts WHERE id = \(bind: accountID)").first()?
                .decode(column: "must_change_password", as: Int.self) == 1
        }
    }
}

/// One-time passwords for resets and new inspector logins: 12 letters and digits without
/// look-alikes (0/O, 1/l/I), in groups of four, from the system's random source.
public enum OneTimePassword {
    static let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        while true {
            let groups = (0..<3).map { _ in String((0..<4).map { _ in alphabet.randomElement(using: &generator)! }) }
            let password = groups.joined(separator: "-")
            if PasswordRule.problem(password, username: "") == nil { return password }
        }
    }
}
