// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// The target libraries (对象库): scoped reads, validated and audited writes.
public struct TargetStore: Sendable {
    public let database: SuijiDatabase

    public init(database: SuijiDatabase) {
        self.database = database
    }

    static let columns =
        "id, department_code, uid, name, kind, division, street, grid, address, industry, risk_class, status, status_date, last_random_inspection, legal_representative, tags, phone, case_kind, case_date, case_source"

    /// The sort keys of `list` and their columns.
    public static let sortColumns = [
        "name": "name", "uid": "uid", "kind": "kind", "street": "street", "industry": "industry", "risk": "risk_class",
        "status": "status", "department": "department_code",
    ]

    /// A page of the targets visible in `scope`.
    public func list(scope: DepartmentScope, query: ListQuery) async throws -> Page<Target> {
        let filter = ListingFilter(
            scope: scope, query: query, searchColumns: ["name", "uid", "address"],
            allowedFilters: ["kind", "risk_class", "status", "street", "industry"])
        return try await database.read { db in
            let total = try await db.count(from: "targets", filter.whereClause)
            let rows = try await db.raw(
                "SELECT \(unsafeRaw: Self.columns) FROM targets " + filter.whereClause
                    + filter.orderBy(Self.sortColumns, fallback: "department_code, id")
                    + " LIMIT \(bind: query.perPage) OFFSET \(bind: query.offset)"
            ).all(decoding: TargetRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            return Page(items: rows.map(\.target), total: total, page: query.page, perPage: query.perPage)
        }
    }

    /// One target, if visible in `scope`.
    public func get(id: Int64, scope: DepartmentScope) async throws -> Target {
        let row = try await database.read { db in
            try await db.raw("SELECT \(unsafeRaw: Self.columns) FROM targets WHERE id = \(bind: id)")
                .first(decoding: TargetRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        guard let target = row?.target, scope.contains(target.departmentCode) else {
            throw LibraryError.notFound(entity: "检查对象", id: String(id))
        }
        return target
    }

    /// The status history of a target, oldest first.
    public func statusHistory(id: Int64, scope: DepartmentScope) async throws -> [TargetStatusChange] {
        _ = try await get(id: id, scope: scope)
        return try await database.read { db in
            let target = try await db.raw("SELECT status, created_at, created_via FROM targets WHERE id = \(bind: id)").first()
            let changes = try await db.raw(
                "SELECT from_status, status, status_date, recorded_at, source FROM target_status_history WHERE target_id = \(bind: id) ORDER BY id"
            ).all(decoding: StatusChangeRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            let initial = TargetStatusChange(
                status: try changes.first?.fromStatus ?? target?.decode(column: "status", as: String.self) ?? "",
                statusDate: nil, recordedAt: try target?.decode(column: "created_at", as: String.self) ?? "",
                source: try target?.decode(column: "created_via", as: String.self) ?? "")
            return [initial]
                + changes.map {
                    TargetStatusChange(status: $0.status, statusDate: $0.statusDate, recordedAt: $0.recordedAt, source: $0.source)
                }
        }
    }

    /// Creates a target in the caller's own department.
    public func create(_ input: TargetInput, caller: Caller) async throws -> Target {
        let department = caller.account.departmentCode ?? ""
        try AccessPolicy.requireWrite(caller.account, department: department)
        var target = try input.validated(department: department).get()
        let now = Timestamp.format(caller.at)
        let id = try await database.write { [target] db in
            if try await db.raw(
                "SELECT id FROM targets WHERE department_code = \(bind: department) AND uid = \(bind: target.uid)"
            ).first() != nil {
                throw LibraryError.duplicate(field: target.kind.hasCreditCode ? "creditCode" : "stableID", value: target.uid)
            }
            let id = try await Self.insert(target, now: now, via: "create", on: db)
            try await AuditLog.append(db, caller: caller, action: "create", entity: "target", entityID: target.uid, detail: target)
            return id
        }
        target.id = id
        return target
    }

    /// Replaces a target's attributes; the credit code (or stable id) and department stay.
    public func update(id: Int64, _ input: TargetInput, caller: Caller) async throws -> Target {
        let old = try await get(id: id, scope: AccessPolicy.readScope(caller.account))
        try AccessPolicy.requireWrite(caller.account, department: old.departmentCode)
        var new = try input.validated(department: old.departmentCode).get()
        guard new.uid == old.uid else {
            throw LibraryError.invalid([FieldIssue(field: "creditCode", message: "统一社会信用代码（对象编号）不能修改；如登记信息变更请新增对象")])
        }
        new.id = id
        let now = Timestamp.format(caller.at)
        try await database.write { [new] db in
            try await Self.update(new, now: now, on: db)
            if new.status != old.status || new.statusDate != old.statusDate {
                try await Self.recordStatus(id: id, from: old.status, to: new, now: now, source: "edit", on: db)
            }
            try await AuditLog.append(
                db, caller: caller, action: "update", entity: "target", entityID: new.uid, detail: ["before": old, "after": new])
        }
        return new
    }

    static func insert(_ target: Target, now: String, via: String, on db: any SQLDatabase) async throws -> Int64 {
        let row = try await db.raw(
            """
            INSERT INTO targets (department_code, uid, name, kind, division, street, grid, address, industry, risk_class,
              status, status_date, last_random_inspection, legal_representative, tags, created_via, created_at, updated_at, phone,
              case_kind, case_date, case_source)
            VALUES (\(bind: target.departmentCode), \(bind: target.uid), \(bind: target.name), \(bind: target.kind.rawValue),
              \(bind: target.division), \(bind: target.street), \(bind: target.grid), \(bind: target.address),
              \(bind: target.industry), \(bind: target.riskClass.rawValue), \(bind: target.status.rawValue),
              \(bind: target.statusDate?.iso), \(bind: target.lastRandomInspection?.iso), \(bind: target.legalRepresentative),
              \(bind: ListColumn.encode(target.tags)), \(bind: via), \(bind: now), \(bind: now), \(bind: target.phone),
              \(bind: target.caseFlag?.kind.rawValue), \(bind: target.caseFlag?.date.iso), \(bind: target.caseFlag?.source))
            RETURNING id
            """
        ).first()
        let id = try row!.decode(column: "id", as: Int64.self)
        try await replaceTags(id: id, tags: target.tags, on: db, clear: false)
        return id
    }

    static func update(_ target: Target, now: String, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            UPDATE targets SET name = \(bind: target.name), kind = \(bind: target.kind.rawValue), division = \(bind: target.division),
              street = \(bind: target.street), grid = \(bind: target.grid), address = \(bind: target.address),
              industry = \(bind: target.industry), risk_class = \(bind: target.riskClass.rawValue),
              status = \(bind: target.status.rawValue), status_date = \(bind: target.statusDate?.iso),
              last_random_inspection = \(bind: target.lastRandomInspection?.iso),
              legal_representative = \(bind: target.legalRepresentative), tags = \(bind: ListColumn.encode(target.tags)),
              phone = \(bind: target.phone), case_kind = \(bind: target.caseFlag?.kind.rawValue),
              case_date = \(bind: target.caseFlag?.date.iso), case_source = \(bind: target.caseFlag?.source), updated_at = \(bind: now)
            WHERE id = \(bind: target.id)
            """
        ).run()
        try await replaceTags(id: target.id, tags: target.tags, on: db, clear: true)
    }

    static func replaceTags(id: Int64, tags: [String], on db: any SQLDatabase, clear: Bool) async throws {
        if clear { try await db.raw("DELETE FROM target_tags WHERE target_id = \(bind: id)").run() }
        for tag in Set(tags) {
            try await db.raw("INSERT INTO target_tags (target_id, item_code) VALUES (\(bind: id), \(bind: tag))").run()
        }
    }

    static func recordStatus(id: Int64, from old: TargetStatus, to target: Target, now: String, source: String, on db: any SQLDatabase)
        async throws
    {
        try await db.raw(
            """
            INSERT INTO target_status_history (target_id, from_status, status, status_date, recorded_at, source)
            VALUES (\(bind: id), \(bind: old.rawValue), \(bind: target.status.rawValue), \(bind: target.statusDate?.iso), \(bind: now), \(bind: source))
            """
        ).run()
    }
}

/// One entry of a target's status history: the status it was created with, then each change.
public struct TargetStatusChange: Sendable, Codable, Equatable {
    public var status: String
    public var statusDate: String?
    public var recordedAt: String
    /// `create`, `edit` or `import`.
    public var source: String
}

struct StatusChangeRow: Codable {
    var fromStatus: String
    var status: String
    var statusDate: String?
    var recordedAt: String
    var source: String
}

struct TargetRow: Codable {
    var id: Int64
    var departmentCode: String
    var uid: String
    var name: String
    var kind: String
    var division: String
    var street: String
    var grid: String
    var address: String
    var industry: String
    var riskClass: String
    var status: String
    var statusDate: String?
    var lastRandomInspection: String?
    var legalRepresentative: String
    var tags: String
    var phone: String
    var caseKind: String?
    var caseDate: String?
    var caseSource: String?

    var target: Target {
        Target(
            id: id, departmentCode: departmentCode, uid: uid, name: name, kind: TargetKind(rawValue: kind) ?? .company,
            division: division, street: street, grid: grid, address: address, industry: industry,
            riskClass: RiskClass(rawValue: riskClass) ?? .b, status: TargetStatus(rawValue: status) ?? .operating,
            statusDate: statusDate.flatMap { CalendarDate(iso: $0) }, tags: ListColumn.decode(tags),
            lastRandomInspection: lastRandomInspection.flatMap { CalendarDate(iso: $0) },
            legalRepresentative: legalRepresentative, phone: phone, caseFlag: caseFlag)
    }

    var caseFlag: CaseFlag? {
        guard let kind = caseKind.flatMap(CaseFlag.Kind.init(rawValue:)), let date = caseDate.flatMap({ CalendarDate(iso: $0) }) else {
            return nil
        }
        return CaseFlag(kind: kind, date: date, source: caseSource ?? "")
    }
}
