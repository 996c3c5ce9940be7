// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// The item lists (事项清单), on the shared library flow (`LibraryStore`): every edit stores a
/// new version; old versions stay readable.
public struct CheckItemStore: LibraryStore {
    public typealias Input = CheckItemInput

    public let database: SuijiDatabase

    public init(database: SuijiDatabase) {
        self.database = database
    }

    static let select = """
        SELECT i.id, i.department_code, i.code, v.version, v.name, v.sub_items, v.legal_basis, v.target_kinds, v.methods,
          v.inspector_requirements, v.requires_expert, v.is_key_item, v.guidance_ratio_permille, v.frequency, v.published
        FROM check_items i JOIN check_item_versions v ON v.item_id = i.id
        """

    /// The current name of every check item, by department and code (plan items, published results).
    public func currentNames() async throws -> [PlanItem: String] {
        try await database.cached("item-names") { db in try await Self.currentNames(on: db) }
    }

    static func currentNames(on db: any SQLDatabase) async throws -> [PlanItem: String] {
        let rows = try await db.raw(
            """
            SELECT i.department_code, i.code, v.name FROM check_items i
            JOIN check_item_versions v ON v.item_id = i.id AND v.version = i.current_version
            """
        ).all()
        var names: [PlanItem: String] = [:]
        for row in rows {
            let department = try row.decode(column: "department_code", as: String.self)
            names[PlanItem(department: department, code: try row.decode(column: "code", as: String.self))] = try row.decode(
                column: "name", as: String.self)
        }
        return names
    }

    /// The sort keys of `list` and their columns.
    public static let sortColumns = [
        "name": "name", "code": "code", "key": "is_key_item", "version": "version", "department": "department_code",
    ]

    public static let table = LibraryTable<CheckItemInput>(
        title: "抽查事项", auditEntity: "check-item", source: "(\(select) WHERE v.version = i.current_version) items", selectList: "*",
        searchColumns: ["name", "code", "legal_basis"], allowedFilters: ["is_key_item", "published"], sortColumns: sortColumns,
        order: "department_code, code",
        decode: { try $0.decode(model: CheckItemRow.self, keyDecodingStrategy: .convertFromSnakeCase).item },
        auditID: { item, _ in item.code },
        key: DepartmentKey(
            table: "check_items", column: "code", value: \.code, field: { _ in "code" },
            unchangeable: FieldIssue(field: "code", message: "事项编码不能修改")),
        prepareUpdate: { old, new in
            if new.sameContent(as: old) { return false }
            new.version = old.version + 1
            return true
        },
        updateAction: "new-version",
        insert: { item, now, caller, db in try await insert(item, now: now, by: caller.account.username, on: db) },
        update: { _, new, now, caller, db in
            try await insertVersion(new, now: now, by: caller.account.username, on: db)
            try await db.raw("UPDATE check_items SET current_version = \(bind: new.version) WHERE id = \(bind: new.id)").run()
        })

    /// The current version of an item (`get(id:scope:)`), or a given version.
    public func get(id: Int64, version: Int?, scope: DepartmentScope) async throws -> CheckItem {
        guard let version else { return try await record(id: id, scope: scope) }
        let row = try await database.read { db in
            try await db.raw("\(unsafeRaw: Self.select) WHERE i.id = \(bind: id) AND v.version = \(bind: version)")
                .first(decoding: CheckItemRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        guard let item = row?.item, scope.contains(item.departmentCode) else {
            throw LibraryError.notFound(entity: "抽查事项", id: "\(id) 第 \(version) 版")
        }
        return item
    }

    /// Every version of an item, oldest first, with who made it and when.
    public func versions(id: Int64, scope: DepartmentScope) async throws -> [CheckItemVersion] {
        _ = try await get(id: id, scope: scope)
        return try await database.read { db in
            let rows = try await db.raw("\(unsafeRaw: Self.select) WHERE i.id = \(bind: id) ORDER BY v.version")
                .all(decoding: CheckItemRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            let meta = try await db.raw(
                "SELECT version, created_at, created_by FROM check_item_versions WHERE item_id = \(bind: id) ORDER BY version"
            ).all(decoding: VersionMeta.self, keyDecodingStrategy: .convertFromSnakeCase)
            return zip(rows, meta).map { CheckItemVersion(item: $0.item, createdAt: $1.createdAt, createdBy: $1.createdBy) }
        }
    }

    static func insert(_ item: CheckItem, now: String, by user: String, on db: any SQLDatabase) async throws -> Int64 {
        let row = try await db.raw(
            """
            INSERT INTO check_items (department_code, code, current_version, created_at)
            VALUES (\(bind: item.departmentCode), \(bind: item.code), \(bind: item.version), \(bind: now)) RETURNING id
            """
        ).first()
        var stored = item
        stored.id = try row!.decode(column: "id", as: Int64.self)
        try await insertVersion(stored, now: now, by: user, on: db)
        return stored.id
    }

    static func insertVersion(_ item: CheckItem, now: String, by user: String, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO check_item_versions (item_id, version, name, sub_items, legal_basis, target_kinds, methods,
              inspector_requirements, requires_expert, is_key_item, guidance_ratio_permille, frequency, published, created_at, created_by)
            VALUES (\(bind: item.id), \(bind: item.version), \(bind: item.name), \(bind: ListColumn.encode(item.subItems)),
              \(bind: item.legalBasis), \(bind: ListColumn.encode(item.targetKinds.map(\.rawValue))),
              \(bind: ListColumn.encode(item.methods.map(\.rawValue))), \(bind: item.inspectorRequirements),
              \(bind: item.requiresExpert ? 1 : 0), \(bind: item.isKeyItem ? 1 : 0), \(bind: item.guidanceRatioPermille),
              \(bind: item.frequency), \(bind: item.published ? 1 : 0), \(bind: now), \(bind: user))
            """
        ).run()
    }
}

/// One stored version of a check item.
public struct CheckItemVersion: Sendable, Codable, Equatable {
    public var item: CheckItem
    public var createdAt: String
    public var createdBy: String
}

struct VersionMeta: Codable {
    var version: Int
    var createdAt: String
    var createdBy: String
}

struct CheckItemRow: Codable {
    var id: Int64
    var departmentCode: String
    var code: String
    var version: Int
    var name: String
    var subItems: String
    var legalBasis: String
    var targetKinds: String
    var methods: String
    var inspectorRequirements: String
    var requiresExpert: Int
    var isKeyItem: Int
    var guidanceRatioPermille: Int?
    var frequency: String
    var published: Int

    var item: CheckItem {
        CheckItem(
            id: id, departmentCode: departmentCode, code: code, version: version, name: name,
            subItems: ListColumn.decode(subItems), legalBasis: legalBasis,
            targetKinds: ListColumn.decode(targetKinds).compactMap(TargetKind.init(rawValue:)),
            methods: ListColumn.decode(methods).compactMap(CheckMethod.init(rawValue:)),
            inspectorRequirements: inspectorRequirements, requiresExpert: requiresExpert != 0, isKeyItem: isKeyItem != 0,
            guidanceRatioPermille: guidanceRatioPermille, frequency: frequency, published: published != 0)
    }
}
