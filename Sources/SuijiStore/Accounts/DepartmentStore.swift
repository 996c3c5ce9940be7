// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// Member departments of the joint meeting.
public struct DepartmentStore: Sendable {
    public let database: SuijiDatabase

    public init(database: SuijiDatabase) {
        self.database = database
    }

    /// Every department, by code (kept until the data changes: every page names departments).
    public func all() async throws -> [Department] {
        try await database.cached("departments") { db in try await Self.all(on: db) }
    }

    /// Department names by code.
    public func names() async throws -> [String: String] {
        try await database.cached("department-names") { db in try await Self.names(on: db) }
    }

    static func all(on db: any SQLDatabase) async throws -> [Department] {
        try await db.raw("SELECT code, name FROM departments ORDER BY code").all().map {
            Department(code: try $0.decode(column: "code", as: String.self), name: try $0.decode(column: "name", as: String.self))
        }
    }

    static func names(on db: any SQLDatabase) async throws -> [String: String] {
        Dictionary(try await all(on: db).map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// One department by code.
    public func get(code: String) async throws -> Department {
        guard let department = try await all().first(where: { $0.code == code }) else {
            throw LibraryError.notFound(entity: "部门", id: code)
        }
        return department
    }

    /// Adds a department (office only).
    public func create(_ department: Department, caller: Caller) async throws {
        try AccessPolicy.requireOffice(caller.account)
        guard Department.isValidCode(department.code) else {
            throw LibraryError.invalid([FieldIssue(field: "code", message: "部门代码应为 2–16 位大写字母、数字或下划线")])
        }
        guard !department.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw LibraryError.invalid([FieldIssue(field: "name", message: "部门名称不能为空")])
        }
        try await database.write { db in
            if try await db.raw("SELECT code FROM departments WHERE code = \(bind: department.code)").first() != nil {
                throw LibraryError.duplicate(field: "code", value: department.code)
            }
            try await db.raw(
                "INSERT INTO departments (code, name, created_at) VALUES (\(bind: department.code), \(bind: department.name), \(bind: Timestamp.format(caller.at)))"
            ).run()
            try await AuditLog.append(
                db, caller: caller, action: "create", entity: "department", entityID: department.code, detail: department)
        }
    }
}
