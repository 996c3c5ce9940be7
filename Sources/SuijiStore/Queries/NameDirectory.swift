// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// Names for the codes and ids pages would otherwise show: plans, accounts, targets, inspectors,
/// experts. One query per kind for a whole page, never one per row.
public struct NameDirectory: Sendable {
    public let database: SuijiDatabase

    public init(database: SuijiDatabase) {
        self.database = database
    }

    /// A plan as lists name it.
    public struct PlanName: Sendable, Equatable {
        public var code: String
        public var name: String
    }

    /// Every plan's code and name by id (a district has hundreds, not millions).
    public func plans() async throws -> [Int64: PlanName] {
        try await database.read { db in
            var names: [Int64: PlanName] = [:]
            for row in try await db.raw("SELECT id, code, name FROM plans").all() {
                names[try row.decode(column: "id", as: Int64.self)] = PlanName(
                    code: try row.decode(column: "code", as: String.self), name: try row.decode(column: "name", as: String.self))
            }
            return names
        }
    }

    /// Every account's display name by login name.
    public func accounts() async throws -> [String: String] {
        try await database.read { db in
            var names: [String: String] = [:]
            for row in try await db.raw("SELECT username, display_name FROM accounts").all() {
                names[try row.decode(column: "username", as: String.self)] = try row.decode(column: "display_name", as: String.self)
            }
            return names
        }
    }

    /// The names of the targets with `uids`, in any library.
    public func targets(_ uids: Set<String>) async throws -> [String: String] {
        try await database.read { db in
            var names: [String: String] = [:]
            for chunk in Self.chunks(Array(uids)) {
                let rows = try await db.raw(
                    "SELECT uid, MIN(name) AS name FROM targets WHERE uid IN (" + Self.list(chunk) + ") GROUP BY uid"
                )
                .all()
                for row in rows { names[try row.decode(column: "uid", as: String.self)] = try row.decode(column: "name", as: String.self) }
            }
            return names
        }
    }

    /// How to reach a target in the field: its address and phone.
    public struct Contact: Sendable, Equatable {
        public var address: String
        public var phone: String
    }

    /// The address and phone of the targets with `uids`, read from the library of `department`
    /// when it holds the target (an inspection's initiator), else from any other.
    public func contacts(_ uids: Set<String>, preferring department: String? = nil) async throws -> [String: Contact] {
        try await database.read { db in
            var found: [String: (own: Bool, contact: Contact)] = [:]
            for chunk in Self.chunks(Array(uids)) {
                let rows = try await db.raw(
                    "SELECT uid, department_code, address, phone FROM targets WHERE uid IN (" + Self.list(chunk)
                        + ") ORDER BY department_code"
                ).all()
                for row in rows {
                    let uid = try row.decode(column: "uid", as: String.self)
                    let own = try row.decode(column: "department_code", as: String.self) == department
                    guard found[uid] == nil || (own && found[uid]?.own == false) else { continue }
                    found[uid] = (
                        own,
                        Contact(
                            address: try row.decode(column: "address", as: String.self),
                            phone: try row.decode(column: "phone", as: String.self))
                    )
                }
            }
            return found.mapValues(\.contact)
        }
    }

    /// The names of the inspectors with `ids`.
    public func inspectors(_ ids: Set<Int64>) async throws -> [Int64: String] {
        try await names(table: "inspectors", ids: ids)
    }

    /// The names of the experts with `ids`.
    public func experts(_ ids: Set<Int64>) async throws -> [Int64: String] {
        try await names(table: "experts", ids: ids)
    }

    private func names(table: String, ids: Set<Int64>) async throws -> [Int64: String] {
        try await database.read { db in
            var names: [Int64: String] = [:]
            for chunk in Self.chunks(Array(ids)) {
                var list: SQLQueryString = ""
                for (index, id) in chunk.enumerated() { list += index == 0 ? "\(bind: id)" : ", \(bind: id)" }
                for row in try await db.raw("SELECT id, name FROM \(unsafeRaw: table) WHERE id IN (" + list + ")").all() {
                    names[try row.decode(column: "id", as: Int64.self)] = try row.decode(column: "name", as: String.self)
                }
            }
            return names
        }
    }

    /// Bind lists stay well under SQLite's and PostgreSQL's limits.
    static func chunks<T>(_ values: [T]) -> [ArraySlice<T>] {
        stride(from: 0, to: values.count, by: 500).map { values[$0..<min($0 + 500, values.count)] }
    }

    static func list(_ values: ArraySlice<String>) -> SQLQueryString {
        var list: SQLQueryString = ""
        for (index, value) in values.enumerated() { list += index == 0 ? "\(bind: value)" : ", \(bind: value)" }
        return list
    }
}
