// SPDX-License-Identifier: Apache-2.0

import SuijiDraw
import Foundation
import SQLKit
import SuijiCore

/// A started session: the secret token (shown once) and its CSRF token.
public struct SessionGrant: Sendable {
    public let token: String
    public let csrfToken: String
    public let expiresAt: Date
    /// The account logged in with a one-time password: it must change it before anything else.
    public var mustChangePassword = false
}

/// Accounts, password checks and sessions (cookie sessions for pages, bearer tokens for the API).
public struct AccountStore: Sendable {
    public let database: SuijiDatabase
    /// bcrypt cost; lower only in tests.
    public let bcryptCost: UInt8
    /// Where bcrypt runs (its own bounded thread pool).
    public let hasher: PasswordHasher

    public init(database: SuijiDatabase, bcryptCost: UInt8 = 11, hasher: PasswordHasher = .shared) {
        self.database = database
        self.bcryptCost = bcryptCost
        self.hasher = hasher
    }

    static let columns = "id, username, display_name, role, department_code, inspector_id, active"

    /// Creates an account (office only; `Caller.system` for set-up). An inspector's account is
    /// linked to its record in the department's inspector library, by `inspectorID` or by the
    /// enforcement certificate number `inspectorCertificate`.
    @discardableResult
    public func create(_ account: Account, password: String, inspectorCertificate: String = "", caller: Caller) async throws -> Account {
        try check(account, password: password, caller: caller)
        let hash = try await hasher.hash(password, cost: bcryptCost)
        return try await insert(account, hash: hash, inspectorCertificate: inspectorCertificate, caller: caller)
    }

    /// A password hashed once for several accounts created together (the demo's accounts, which
    /// all have the documented demo password): bcrypt's cost is paid once, and those accounts
    /// share one salt.
    public struct SharedPassword: Sendable {
        let password: String
        let hash: String
    }

    /// Hashes `password` once, for `create(_:sharedPassword:caller:)`.
    public func sharedPassword(_ password: String) async throws -> SharedPassword {
        SharedPassword(password: password, hash: try await hasher.hash(password, cost: bcryptCost))
    }

    /// Creates an account with a password hashed once for several (`sharedPassword`); the same
    /// checks as `create(_:password:caller:)`.
    @discardableResult
    public func create(_ account: Account, sharedPassword: SharedPassword, inspectorCertificate: String = "", caller: Caller)
        async throws -> Account
    {
        try check(account, password: sharedPassword.password, caller: caller)
        return try await insert(account, hash: sharedPassword.hash, inspectorCertificate: inspectorCertificate, caller: caller)
    }

    /// The checks of a new account and its password.
    private func check(_ account: Account, password: String, caller: Caller) throws {
        try AccessPolicy.requireManage(account: account, by: caller.account)
        guard (3...64).contains(account.username.count),
            account.username.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
        else {
            throw AuthError.invalidAccount(field: "username", message: "用户名应为 3–64 位字母、数字或 . _ -")
        }
        guard (1...64).contains(account.displayName.trimmed.count) else {
            throw AuthError.invalidAccount(field: "displayName", message: "姓名不能为空，最多 64 个字")
        }
        if let problem = PasswordRule.problem(password, username: account.username) {
            throw AuthError.invalidAccount(field: "password", message: problem)
        }
        if account.role.needsDepartment && account.departmentCode == nil {
            throw AuthError.invalidAccount(field: "departmentCode", message: "\(account.role.label)账号必须属于一个部门")
        }
    }

    private func insert(_ account: Account, hash: String, inspectorCertificate: String, caller: Caller) async throws -> Account {
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

    /// 32 random bytes in hex, from the system's random source (session and CSRF tokens).
    public static func randomToken() -> String {
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
    var failedLogins: Int?
    var lastFailedAt: String?
    var lockedUntil: String?
    var mustChangePassword: Int?

    var account: Account {
        Account(
            id: id, username: username, displayName: displayName, role: Role(rawValue: role) ?? .overseer,
            departmentCode: departmentCode, inspectorID: inspectorId, active: active != 0)
    }
}
