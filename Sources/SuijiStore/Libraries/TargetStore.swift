// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// The target libraries (对象库), on the shared library flow (`LibraryStore`); a search by code
/// goes through the index first.
public struct TargetStore: LibraryStore {
    public typealias Input = TargetInput

    public let database: SuijiDatabase

    public init(database: SuijiDatabase) {
        self.database = database
    }

    /// The columns a read selects (`TargetColumns`, in `TargetRow`'s order).
    static let columns = TargetColumns.selectList

    /// The sort keys of `list` and their columns.
    public static let sortColumns = [
        "name": "name", "uid": "uid", "kind": "kind", "street": "street", "industry": "industry", "risk": "risk_class",
        "status": "status", "department": "department_code",
    ]

    public static let table = LibraryTable<TargetInput>(
        title: "检查对象", auditEntity: "target", source: "targets", selectList: columns,
        searchColumns: ["name", "uid", "address"], allowedFilters: ["kind", "risk_class", "status", "street", "industry"],
        sortColumns: sortColumns, order: "department_code, id",
        decode: { try $0.decode(model: TargetRow.self, keyDecodingStrategy: .convertFromSnakeCase).target },
        auditID: { target, _ in target.uid },
        key: DepartmentKey(
            table: "targets", column: "uid", value: \.uid, field: { $0.kind.hasCreditCode ? "creditCode" : "stableID" },
            unchangeable: FieldIssue(field: "creditCode", message: "统一社会信用代码（对象编号）不能修改；如登记信息变更请新增对象")),
        insert: { target, now, _, db in try await insert(target, now: now, via: "create", on: db) },
        update: { old, new, now, _, db in
            try await update(new, now: now, on: db)
            if new.status != old.status || new.statusDate != old.statusDate {
                try await recordStatus(id: new.id, from: old.status, to: new, now: now, source: "edit", on: db)
            }
        })

    /// A page of the targets visible in `scope`.
    ///
    /// A search that looks like a credit code or stable id (8 or more digits, capital letters or
    /// "-") finds the targets whose code starts with it, through the index; only when there is
    /// none are names, codes and addresses searched for the text (a scan of the library).
    public func list(scope: DepartmentScope, query: ListQuery) async throws -> Page<Target> {
        if let prefix = Self.codePrefix(query.search) {
            var byCode = query
            byCode.search = ""
            // On SQLite a range of the (department, uid) index; PostgreSQL's collation may not sort "~" last.
            let range: SQLQueryString =
                database.flavour == .sqlite
                ? "uid >= \(bind: prefix) AND uid < \(bind: prefix + "~")" : "uid LIKE \(bind: prefix + "%")"
            let page = try await listPage(scope: scope, query: byCode, extra: range)
            if page.total > 0 { return page }
        }
        return try await listPage(scope: scope, query: query, extra: nil)
    }

    /// The search text as a code prefix, when it looks like one.
    static func codePrefix(_ search: String) -> String? {
        let code = search.trimmed.uppercased()
        return code.utf8.count >= 8 && StableID.isValid(code) ? code : nil
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

    static func insert(_ target: Target, now: String, via: String, on db: any SQLDatabase) async throws -> Int64 {
        let row = try await db.insert(into: "targets").columns(TargetColumns.inserted)
            .values(TargetColumns.insertValues(target, via: via, now: now)).returning("id").first()
        let id = try row!.decode(column: "id", as: Int64.self)
        try await replaceTags(id: id, tags: target.tags, on: db, clear: false)
        return id
    }

    static func update(_ target: Target, now: String, on db: any SQLDatabase) async throws {
        try await db.raw(TargetColumns.update(target, now: now)).run()
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
