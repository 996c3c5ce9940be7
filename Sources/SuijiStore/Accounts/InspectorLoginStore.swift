// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// An inspector of a department's library and their login, if any.
public struct InspectorLogin: Sendable, Codable, Equatable {
    public var inspectorID: Int64
    public var name: String
    public var certificateNumber: String
    public var status: InspectorStatus
    public var username: String?
    public var active: Bool?
    /// The one-time password has not been changed yet.
    public var mustChangePassword: Bool?
}

/// A login just made: its one-time password is shown once and kept nowhere.
public struct IssuedLogin: Sendable, Codable, Equatable {
    public var inspectorID: Int64
    public var name: String
    public var certificateNumber: String
    public var username: String
    public var password: String
}

/// The logins of a department's inspectors, kept by the department's admin (or the office):
/// one at a time or, for every inspector of the library still without one, in one go — so a
/// drawn team's leader can log in as soon as the draw is done.
public struct InspectorLoginStore: Sendable {
    let accounts: AccountStore

    public init(accounts: AccountStore) {
        self.accounts = accounts
    }

    var database: SuijiDatabase { accounts.database }

    /// Every inspector of `department` with their login (in-post ones first, by name).
    public func list(department: String, caller: Caller) async throws -> [InspectorLogin] {
        try AccessPolicy.requireInspectorLogins(department: department, by: caller.account)
        return try await database.read { db in
            try await db.raw(
                """
                SELECT i.id, i.name, i.certificate_number, i.status, a.username, a.active, a.must_change_password
                FROM inspectors i LEFT JOIN accounts a ON a.inspector_id = i.id
                WHERE i.department_code = \(bind: department) ORDER BY i.name, i.id
                """
            ).all().map { row in
                let active = try row.decode(column: "active", as: Int?.self)
                return InspectorLogin(
                    inspectorID: try row.decode(column: "id", as: Int64.self), name: try row.decode(column: "name", as: String.self),
                    certificateNumber: try row.decode(column: "certificate_number", as: String.self),
                    status: InspectorStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .active,
                    username: try row.decode(column: "username", as: String?.self), active: active.map { $0 != 0 },
                    mustChangePassword: try row.decode(column: "must_change_password", as: Int?.self).map { $0 != 0 })
            }
        }
    }

    /// Makes a login for each inspector of `department` listed in `inspectorIDs` (all of them
    /// when nil) who has none and is not transferred out; returns the one-time passwords.
    /// All or nothing.
    public func issue(department: String, inspectorIDs: [Int64]? = nil, caller: Caller) async throws -> [IssuedLogin] {
        let everyone = try await list(department: department, caller: caller)
        if let ids = inspectorIDs, let unknown = ids.first(where: { id in !everyone.contains { $0.inspectorID == id } }) {
            // The department exists (it was listed); an id in the body that is not one of its
            // inspectors is a fault of that field, not a missing resource.
            throw LibraryError.invalid([FieldIssue(field: "inspectorIds", message: "本部门没有编号为 \(unknown) 的执法检查人员")])
        }
        let wanted = everyone.filter { person in
            person.username == nil && person.status != .transferred && (inspectorIDs?.contains(person.inspectorID) ?? true)
        }
        guard !wanted.isEmpty else { return [] }
        // bcrypt first, outside the write transaction (it is the slow part).
        var issued: [(IssuedLogin, hash: String)] = []
        for person in wanted {
            let password = OneTimePassword.make()
            let hash = try await accounts.hasher.hash(password, cost: accounts.bcryptCost)
            let login = IssuedLogin(
                inspectorID: person.inspectorID, name: person.name, certificateNumber: person.certificateNumber, username: "",
                password: password)
            issued.append((login, hash))
        }
        let prepared = issued
        return try await database.write { db in
            var taken = Set(
                try await db.raw("SELECT username FROM accounts WHERE username LIKE \(bind: department.lowercased() + "-%")").all()
                    .map { try $0.decode(column: "username", as: String.self) })
            var result: [IssuedLogin] = []
            for (login, hash) in prepared {
                let existing = try await db.raw("SELECT id FROM accounts WHERE inspector_id = \(bind: login.inspectorID)").first()
                guard existing == nil else { continue }
                var login = login
                login.username = Self.username(department: department, login: login, taken: taken)
                taken.insert(login.username)
                try await db.raw(
                    """
                    INSERT INTO accounts (username, display_name, password_hash, role, department_code, inspector_id, active,
                      created_at, must_change_password)
                    VALUES (\(bind: login.username), \(bind: login.name), \(bind: hash), \(bind: Role.inspector.rawValue),
                      \(bind: department), \(bind: login.inspectorID), 1, \(bind: Timestamp.format(caller.at)), 1)
                    """
                ).run()
                try await AuditLog.append(
                    db, caller: caller, action: "create", entity: "account", entityID: login.username,
                    detail: ["inspectorId": String(login.inspectorID), "department": department, "role": Role.inspector.rawValue])
                result.append(login)
            }
            return result
        }
    }

    /// `<department>-<certificate number>` in lower case when the number makes a valid user
    /// name, else `<department>-insp<id>`; a suffix when taken.
    static func username(department: String, login: IssuedLogin, taken: Set<String>) -> String {
        let prefix = department.lowercased() + "-"
        let certificate = login.certificateNumber.lowercased()
        let base =
            !certificate.isEmpty && certificate.count <= 40
                && certificate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
            ? prefix + certificate.replacingOccurrences(of: prefix, with: "", options: .anchored) : prefix + "insp\(login.inspectorID)"
        var name = base
        var n = 2
        while taken.contains(name) {
            name = "\(base)-\(n)"
            n += 1
        }
        return name
    }
}
