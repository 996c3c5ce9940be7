// SPDX-License-Identifier: Apache-2.0

import SuijiDraw
import Foundation
import HummingbirdBcrypt
import SQLKit
import SuijiCore

/// Errors of authentication.
public enum AuthError: DomainError, Equatable {
    case badCredentials
    case sessionExpired
    case invalidAccount(field: String, message: String)

    public var code: String {
        switch self {
        case .badCredentials: "bad_credentials"
        case .sessionExpired: "session_expired"
        case .invalidAccount: "invalid_account"
        }
    }

    public var field: String? {
        switch self {
        case .invalidAccount(let field, _): field
        default: nil
        }
    }

    public var message: String {
        switch self {
        case .badCredentials: "用户名或密码错误"
        case .sessionExpired: "登录已过期，请重新登录"
        case .invalidAccount(_, let message): message
        }
    }

    public var kind: ErrorKind {
        switch self {
        case .badCredentials, .sessionExpired: .unauthenticated
        case .invalidAccount: .invalid
        }
    }
}

/// A started session: the secret token (shown once) and its CSRF token.
public struct SessionGrant: Sendable {
    public let token: String
    public let csrfToken: String
    public let expiresAt: Date
}

/// Accounts, password checks and sessions (cookie sessions for pages, bearer tokens for the API).
public struct AccountStore: Sendable {
    public let database: SuijiDatabase
    /// bcrypt cost; lower only in tests.
    public let bcryptCost: UInt8

    public init(database: SuijiDatabase, bcryptCost: UInt8 = 11) {
        self.database = database
        self.bcryptCost = bcryptCost
    }

    static let columns = "id, username, display_name, role, department_code, inspector_id, active"

    /// Creates an account (office only; `Caller.system` for set-up). An inspector's account is
    /// linked to its record in the department's inspector library, by `inspectorID` or by the
    /// enforcement certificate number `inspectorCertificate`.
    @discardableResult
    public func create(_ account: Account, password: String, inspectorCertificate: String = "", caller: Caller) async throws -> Account {
        try AccessPolicy.requireOffice(caller.account)
        guard account.username.count >= 3, account.username.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
        else {
            throw AuthError.invalidAccount(field: "username", message: "用户名应为至少 3 位字母、数字或 . _ -")
        }
        guard password.count >= 8 else { throw AuthError.invalidAccount(field: "password", message: "密码至少 8 位") }
        if account.role.needsDepartment && account.departmentCode == nil {
            throw AuthError.invalidAccount(field: "departmentCode", message: "\(account.role.label)账号必须属于一个部门")
        }
        let hash = Bcrypt.hash(password, cost: bcryptCost)
        let certificate = inspectorCertificate.trimmed
        if (account.inspectorID != nil || !certificate.isEmpty) && account.role != .inspector {
            throw AuthError.invalidAccount(field: "inspectorCertificate", message: "只有执法检查人员账号关联执法证号")
        }
        return try await database.write { db in
            var stored = account
            if try await db.raw("SELECT id FROM accounts WHERE username = \(bind: account.username)").first() != nil {
                throw LibraryError.duplicate(field: "username", value: account.username)
            }
            if !certificate.isEmpty || account.inspectorID != nil {
                var sql: SQLQueryString = "SELECT id FROM inspectors WHERE department_code = \(bind: account.departmentCode ?? "-") AND "
                sql += certificate.isEmpty ? "id = \(bind: account.inspectorID ?? -1)" : "certificate_number = \(bind: certificate)"
                guard let found = try await db.raw(sql).first() else {
                    let what = certificate.isEmpty ? "编号为 \(account.inspectorID ?? -1) " : "执法证号为 \(certificate) "
                    throw AuthError.invalidAccount(
                        field: "inspectorCertificate", message: "本部门执法检查人员库中没有\(what)的人员")
                }
                stored.inspectorID = try found.decode(column: "id", as: Int64.self)
            }
            let row = try await db.raw(
                """
                INSERT INTO accounts (username, display_name, password_hash, role, department_code, inspector_id, active, created_at)
                VALUES (\(bind: account.username), \(bind: account.displayName), \(bind: hash), \(bind: account.role.rawValue),
                  \(bind: account.departmentCode), \(bind: stored.inspectorID), \(bind: account.active ? 1 : 0),
                  \(bind: Timestamp.format(caller.at))) RETURNING id
                """
            ).first()
            stored.id = try row!.decode(column: "id", as: Int64.self)
            try await AuditLog.append(db, caller: caller, action: "create", entity: "account", entityID: account.username, detail: stored)
            return stored
        }
    }

    /// Every account (office page).
    public func all() async throws -> [Account] {
        try await database.read { db in
            try await db.raw("SELECT \(unsafeRaw: Self.columns) FROM accounts ORDER BY id")
                .all(decoding: AccountRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.account)
        }
    }

    /// Checks a password and opens a session of `kind` (`cookie` or `api`).
    public func login(username: String, password: String, kind: String, now: Date) async throws -> (Account, SessionGrant) {
        let found = try await database.read { db in
            try await db.raw("SELECT \(unsafeRaw: Self.columns), password_hash FROM accounts WHERE username = \(bind: username)")
                .first(decoding: AccountRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        guard let found, let hash = found.passwordHash, found.active != 0, Bcrypt.verify(password, hash: hash) else {
            throw AuthError.badCredentials
        }
        let account = found.account
        let grant = SessionGrant(
            token: Self.randomToken(), csrfToken: Self.randomToken(),
            expiresAt: now.addingTimeInterval(kind == "api" ? 30 * 86_400 : 12 * 3_600))
        try await database.write { db in
            try await db.raw(
                """
                INSERT INTO sessions (token_hash, account_id, kind, csrf_token, created_at, expires_at)
                VALUES (\(bind: Self.hashToken(grant.token)), \(bind: account.id), \(bind: kind), \(bind: grant.csrfToken),
                  \(bind: Timestamp.format(now)), \(bind: Timestamp.format(grant.expiresAt)))
                """
            ).run()
            try await AuditLog.append(
                db, caller: Caller(account: account, at: now), action: "login", entity: "session", entityID: kind, detail: ["kind": kind])
        }
        return (account, grant)
    }

    /// The account and CSRF token of a live session token.
    public func session(token: String, now: Date) async throws -> (Account, csrfToken: String)? {
        let row = try await database.read { db in
            try await db.raw(
                """
                SELECT a.id, a.username, a.display_name, a.role, a.department_code, a.inspector_id, a.active, s.csrf_token, s.expires_at
                FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = \(bind: Self.hashToken(token))
                """
            ).first(decoding: AccountRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        guard let row, row.active != 0, let expires = row.expiresAt, expires > Timestamp.format(now) else { return nil }
        return (row.account, row.csrfToken ?? "")
    }

    /// Ends a session.
    public func logout(token: String) async throws {
        try await database.write { db in
            try await db.raw("DELETE FROM sessions WHERE token_hash = \(bind: Self.hashToken(token))").run()
        }
    }

    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    static func hashToken(_ token: String) -> String {
        Bytes.sha256Hex(Array(token.utf8))
    }
}

struct AccountRow: Codable {
    var id: Int64
    var username: String
    var displayName: String
    var role: String
    var departmentCode: String?
    var inspectorId: Int64?
    var active: Int
    var passwordHash: String?
    var csrfToken: String?
    var expiresAt: String?

    var account: Account {
        Account(
            id: id, username: username, displayName: displayName, role: Role(rawValue: role) ?? .overseer,
            departmentCode: departmentCode, inspectorID: inspectorId, active: active != 0)
    }
}
