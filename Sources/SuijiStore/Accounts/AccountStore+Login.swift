// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// Logins: the password check (bcrypt on the hashing pool, a dummy check for unknown names so
/// they answer as slowly), the lockout after repeated failures, and the audit of each outcome.
extension AccountStore {
    /// Checks a password and opens a session of `kind` (`cookie` or `api`); `address` is the
    /// client's, recorded in the audit log. Throws `AuthError.badCredentials` (unknown name,
    /// wrong password or disabled account alike), `.locked` or `.busy`.
    public func login(username: String, password: String, kind: String, now: Date, address: String? = nil) async throws -> (
        Account, SessionGrant
    ) {
        let name = String(username.prefix(64))
        // A flood is refused here, before it costs a database read.
        if await hasher.isFull { throw AuthError.busy }
        let found = try await database.read { db in
            try await db.raw(
                """
                SELECT \(unsafeRaw: Self.columns), password_hash, failed_logins, last_failed_at, locked_until, must_change_password
                FROM accounts WHERE username = \(bind: name)
                """
            ).first(decoding: AccountRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        if let found, let until = found.lockedUntil, until > Timestamp.format(now) {
            throw AuthError.locked
        }
        let matches = try await hasher.verify(password, hash: found?.passwordHash, cost: bcryptCost)
        guard let found, matches, found.active != 0 else {
            let reason = found == nil ? "unknown-account" : (matches ? "disabled" : "wrong-password")
            try await recordFailure(name: name, account: found, reason: reason, kind: kind, address: address, now: now)
            throw AuthError.badCredentials
        }
        let account = found.account
        let grant = SessionGrant(
            token: Self.randomToken(), csrfToken: Self.randomToken(), expiresAt: now.addingTimeInterval(Self.lifetime(kind)),
            mustChangePassword: found.mustChangePassword == 1)
        try await database.write { db in
            try await db.raw(
                "UPDATE accounts SET failed_logins = 0, last_failed_at = NULL, locked_until = NULL WHERE id = \(bind: account.id)"
            ).run()
            try await db.raw(
                "DELETE FROM sessions WHERE account_id = \(bind: account.id) AND expires_at <= \(bind: Timestamp.format(now))"
            ).run()
            try await db.raw(
                """
                INSERT INTO sessions (token_hash, account_id, kind, csrf_token, created_at, expires_at, last_seen_at)
                VALUES (\(bind: Self.hashToken(grant.token)), \(bind: account.id), \(bind: kind), \(bind: grant.csrfToken),
                  \(bind: Timestamp.format(now)), \(bind: Timestamp.format(grant.expiresAt)), \(bind: Timestamp.format(now)))
                """
            ).run()
            try await AuditLog.append(
                db, caller: Caller(account: account, at: now), action: "login", entity: "session", entityID: kind,
                detail: LoginDetail(kind: kind, address: address))
        }
        return (account, grant)
    }

    /// How long a session of `kind` lives at most.
    static func lifetime(_ kind: String) -> TimeInterval {
        kind == "api" ? 24 * 3_600 : 12 * 3_600
    }

    /// Counts a failed login against a real account (locking it at the limit) and writes the
    /// audit row; unknown names are only audited.
    private func recordFailure(name: String, account: AccountRow?, reason: String, kind: String, address: String?, now: Date)
        async throws
    {
        try await database.write { db in
            var locked = false
            if let account {
                let recent = account.lastFailedAt.flatMap { Timestamp.parse($0) }.map {
                    now.timeIntervalSince($0) <= AccountLockout.forgetAfter
                }
                let failures = (recent == true ? account.failedLogins ?? 0 : 0) + 1
                locked = failures >= AccountLockout.failures
                let until = locked ? Timestamp.format(now.addingTimeInterval(AccountLockout.duration)) : nil
                try await db.raw(
                    """
                    UPDATE accounts SET failed_logins = \(bind: failures), last_failed_at = \(bind: Timestamp.format(now)),
                      locked_until = \(bind: until) WHERE id = \(bind: account.id)
                    """
                ).run()
            }
            let caller = Caller.anonymous(at: now)
            try await AuditLog.append(
                db, caller: caller, action: "login-failed", entity: "session", entityID: name,
                detail: LoginDetail(kind: kind, address: address, reason: reason))
            if locked {
                try await AuditLog.append(
                    db, caller: caller, action: "lock", entity: "account", entityID: name,
                    detail: ["failures": String(AccountLockout.failures), "hours": "1"])
            }
        }
    }

    /// Lifts the lockout of `username` (the office).
    public func unlock(username: String, caller: Caller) async throws {
        try AccessPolicy.requireOffice(caller.account)
        try await database.write { db in
            let row = try await db.raw("SELECT id FROM accounts WHERE username = \(bind: username)").first()
            guard let id = try row?.decode(column: "id", as: Int64.self) else {
                throw LibraryError.notFound(entity: "账号", id: username)
            }
            try await db.raw("UPDATE accounts SET failed_logins = 0, last_failed_at = NULL, locked_until = NULL WHERE id = \(bind: id)")
                .run()
            try await AuditLog.append(
                db, caller: caller, action: "unlock", entity: "account", entityID: username, detail: [String: String]())
        }
    }

    /// Whether the account `username` is locked now; nil when there is no such account.
    public func isLocked(username: String, now: Date) async throws -> Bool? {
        try await database.read { db in
            guard
                let row = try await db.raw("SELECT locked_until FROM accounts WHERE username = \(bind: String(username.prefix(64)))")
                    .first()
            else { return nil }
            return (try row.decode(column: "locked_until", as: String?.self) ?? "") > Timestamp.format(now)
        }
    }

    /// The moment each locked account is locked until (for the office's page).
    public func lockedUntil(now: Date) async throws -> [String: Date] {
        try await database.read { db in
            let rows = try await db.raw(
                "SELECT username, locked_until FROM accounts WHERE locked_until > \(bind: Timestamp.format(now))"
            ).all()
            var locked: [String: Date] = [:]
            for row in rows {
                let until = try row.decode(column: "locked_until", as: String.self)
                locked[try row.decode(column: "username", as: String.self)] = Timestamp.parse(until)
            }
            return locked
        }
    }

    /// The account and CSRF token of a live session token (see `sessionState`).
    public func session(token: String, now: Date) async throws -> (Account, csrfToken: String)? {
        try await sessionState(token: token, now: now).map { ($0.account, $0.csrfToken) }
    }

    /// Ends a session, with an audit row naming its account.
    public func logout(token: String, now: Date) async throws {
        let hash = Self.hashToken(token)
        try await database.write { db in
            let row = try await db.raw(
                """
                SELECT a.id, a.username, a.display_name, a.role, a.department_code, a.inspector_id, a.active, s.kind
                FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = \(bind: hash)
                """
            ).first()
            guard let row else { return }
            let account = try row.decode(model: AccountRow.self, keyDecodingStrategy: .convertFromSnakeCase).account
            let kind = try row.decode(column: "kind", as: String.self)
            try await db.raw("DELETE FROM sessions WHERE token_hash = \(bind: hash)").run()
            try await AuditLog.append(
                db, caller: Caller(account: account, at: now), action: "logout", entity: "session", entityID: kind,
                detail: ["kind": kind])
        }
    }
}

/// The audit detail of a login or a failed one.
struct LoginDetail: Encodable {
    var kind: String
    var address: String?
    var reason: String?
}
