// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// The expert libraries (专家库).
public struct ExpertStore: Sendable {
    public let database: SuijiDatabase

    public init(database: SuijiDatabase) {
        self.database = database
    }

    static let columns = "id, department_code, name, kind, organisation, expertise, contact"

    /// The sort keys of `list` and their columns.
    public static let sortColumns = ["name": "name", "kind": "kind", "organisation": "organisation", "department": "department_code"]

    /// A page of the experts visible in `scope`.
    public func list(scope: DepartmentScope, query: ListQuery) async throws -> Page<Expert> {
        let filter = ListingFilter(
            scope: scope, query: query, searchColumns: ["name", "organisation", "expertise"], allowedFilters: ["kind"])
        return try await database.read { db in
            let total = try await db.count(from: "experts", filter.whereClause)
            let rows = try await db.raw(
                "SELECT \(unsafeRaw: Self.columns) FROM experts " + filter.whereClause
                    + filter.orderBy(Self.sortColumns, fallback: "department_code, name, id")
                    + " LIMIT \(bind: query.perPage) OFFSET \(bind: query.offset)"
            ).all(decoding: ExpertRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            return Page(items: rows.map(\.expert), total: total, page: query.page, perPage: query.perPage)
        }
    }

    /// One expert, if visible in `scope`.
    public func get(id: Int64, scope: DepartmentScope) async throws -> Expert {
        let row = try await database.read { db in
            try await db.raw("SELECT \(unsafeRaw: Self.columns) FROM experts WHERE id = \(bind: id)")
                .first(decoding: ExpertRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        guard let expert = row?.expert, scope.contains(expert.departmentCode) else {
            throw LibraryError.notFound(entity: "专家", id: String(id))
        }
        return expert
    }

    /// Adds an expert to the caller's department.
    public func create(_ input: ExpertInput, caller: Caller) async throws -> Expert {
        let department = caller.account.departmentCode ?? ""
        try AccessPolicy.requireWrite(caller.account, department: department)
        var expert = try input.validated(department: department).get()
        let now = Timestamp.format(caller.at)
        expert.id = try await database.write { [expert] db in
            let id = try await Self.insert(expert, now: now, on: db)
            try await AuditLog.append(db, caller: caller, action: "create", entity: "expert", entityID: String(id), detail: expert)
            return id
        }
        return expert
    }

    /// Replaces an expert's attributes.
    public func update(id: Int64, _ input: ExpertInput, caller: Caller) async throws -> Expert {
        let old = try await get(id: id, scope: AccessPolicy.readScope(caller.account))
        try AccessPolicy.requireWrite(caller.account, department: old.departmentCode)
        var new = try input.validated(department: old.departmentCode).get()
        new.id = id
        let now = Timestamp.format(caller.at)
        try await database.write { [new] db in
            try await db.raw(
                """
                UPDATE experts SET name = \(bind: new.name), kind = \(bind: new.kind.rawValue), organisation = \(bind: new.organisation),
                  expertise = \(bind: ListColumn.encode(new.expertise)), contact = \(bind: new.contact), updated_at = \(bind: now)
                WHERE id = \(bind: id)
                """
            ).run()
            try await AuditLog.append(
                db, caller: caller, action: "update", entity: "expert", entityID: String(id), detail: ["before": old, "after": new])
        }
        return new
    }

    static func insert(_ expert: Expert, now: String, on db: any SQLDatabase) async throws -> Int64 {
        let row = try await db.raw(
            """
            INSERT INTO experts (department_code, name, kind, organisation, expertise, contact, created_at, updated_at)
            VALUES (\(bind: expert.departmentCode), \(bind: expert.name), \(bind: expert.kind.rawValue), \(bind: expert.organisation),
              \(bind: ListColumn.encode(expert.expertise)), \(bind: expert.contact), \(bind: now), \(bind: now))
            RETURNING id
            """
        ).first()
        return try row!.decode(column: "id", as: Int64.self)
    }
}

struct ExpertRow: Codable {
    var id: Int64
    var departmentCode: String
    var name: String
    var kind: String
    var organisation: String
    var expertise: String
    var contact: String

    var expert: Expert {
        Expert(
            id: id, departmentCode: departmentCode, name: name, kind: ExpertKind(rawValue: kind) ?? .industryExpert,
            organisation: organisation, expertise: ListColumn.decode(expertise), contact: contact)
    }
}
