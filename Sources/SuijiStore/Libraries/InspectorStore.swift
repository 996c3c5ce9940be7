// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// The inspector libraries (人员库) and declared conflicts of interest.
public struct InspectorStore: Sendable {
    public let database: SuijiDatabase

    public init(database: SuijiDatabase) {
        self.database = database
    }

    static let columns =
        "id, department_code, name, certificate_number, certificate_expiry, level, area, qualifications, expertise, status, leave_from, leave_to, station, phone"

    /// The sort keys of `list` and their columns.
    public static let sortColumns = [
        "name": "name", "certificate": "certificate_number", "expiry": "certificate_expiry", "level": "level", "station": "station",
        "status": "status", "department": "department_code",
    ]

    /// A page of the inspectors visible in `scope`.
    public func list(scope: DepartmentScope, query: ListQuery) async throws -> Page<Inspector> {
        let filter = ListingFilter(
            scope: scope, query: query, searchColumns: ["name", "certificate_number", "station"],
            allowedFilters: ["status", "level"])
        return try await database.read { db in
            let total = try await db.count(from: "inspectors", filter.whereClause)
            let rows = try await db.raw(
                "SELECT \(unsafeRaw: Self.columns) FROM inspectors " + filter.whereClause
                    + filter.orderBy(Self.sortColumns, fallback: "department_code, name, id")
                    + " LIMIT \(bind: query.perPage) OFFSET \(bind: query.offset)"
            ).all(decoding: InspectorRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            return Page(items: rows.map(\.inspector), total: total, page: query.page, perPage: query.perPage)
        }
    }

    /// One inspector, if visible in `scope`.
    public func get(id: Int64, scope: DepartmentScope) async throws -> Inspector {
        let row = try await database.read { db in
            try await db.raw("SELECT \(unsafeRaw: Self.columns) FROM inspectors WHERE id = \(bind: id)")
                .first(decoding: InspectorRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        guard let inspector = row?.inspector, scope.contains(inspector.departmentCode) else {
            throw LibraryError.notFound(entity: "执法检查人员", id: String(id))
        }
        return inspector
    }

    /// Adds an inspector to the caller's department.
    public func create(_ input: InspectorInput, caller: Caller) async throws -> Inspector {
        let department = caller.account.departmentCode ?? ""
        try AccessPolicy.requireWrite(caller.account, department: department)
        var inspector = try input.validated(department: department).get()
        let now = Timestamp.format(caller.at)
        inspector.id = try await database.write { [inspector] db in
            try await Self.requireUniqueCertificate(inspector.certificateNumber, except: nil, on: db)
            let id = try await Self.insert(inspector, now: now, on: db)
            try await AuditLog.append(db, caller: caller, action: "create", entity: "inspector", entityID: String(id), detail: inspector)
            return id
        }
        return inspector
    }

    /// Replaces an inspector's attributes.
    public func update(id: Int64, _ input: InspectorInput, caller: Caller) async throws -> Inspector {
        let old = try await get(id: id, scope: AccessPolicy.readScope(caller.account))
        try AccessPolicy.requireWrite(caller.account, department: old.departmentCode)
        var new = try input.validated(department: old.departmentCode).get()
        new.id = id
        let now = Timestamp.format(caller.at)
        try await database.write { [new] db in
            try await Self.requireUniqueCertificate(new.certificateNumber, except: id, on: db)
            try await Self.update(new, now: now, on: db)
            try await AuditLog.append(
                db, caller: caller, action: "update", entity: "inspector", entityID: String(id), detail: ["before": old, "after": new])
        }
        return new
    }

    /// Declared conflicts of an inspector.
    public func conflicts(inspectorID: Int64, scope: DepartmentScope) async throws -> [ConflictOfInterest] {
        _ = try await get(id: inspectorID, scope: scope)
        return try await database.read { db in
            try await db.raw(
                "SELECT id, inspector_id, target_uid, kind, note, declared_on FROM inspector_conflicts WHERE inspector_id = \(bind: inspectorID) ORDER BY id"
            ).all(decoding: ConflictRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.conflict)
        }
    }

    /// Records a declared conflict of interest.
    public func declareConflict(_ conflict: ConflictOfInterest, caller: Caller) async throws -> ConflictOfInterest {
        let inspector = try await get(id: conflict.inspectorID, scope: AccessPolicy.readScope(caller.account))
        let selfDeclared = caller.account.role == .inspector && caller.account.inspectorID == inspector.id
        if !selfDeclared { try AccessPolicy.requireWrite(caller.account, department: inspector.departmentCode) }
        let issues = conflict.validate()
        guard issues.isEmpty else { throw LibraryError.invalid(issues) }
        var stored = conflict
        stored.id = try await database.write { db in
            let row = try await db.raw(
                """
                INSERT INTO inspector_conflicts (inspector_id, target_uid, kind, note, declared_on)
                VALUES (\(bind: conflict.inspectorID), \(bind: conflict.targetUID), \(bind: conflict.kind.rawValue),
                \(bind: conflict.note), \(bind: conflict.declaredOn.iso)) RETURNING id
                """
            ).first()
            let id = try row!.decode(column: "id", as: Int64.self)
            try await AuditLog.append(
                db, caller: caller, action: "declare-conflict", entity: "inspector", entityID: String(conflict.inspectorID),
                detail: conflict)
            return id
        }
        return stored
    }

    static func requireUniqueCertificate(_ number: String, except id: Int64?, on db: any SQLDatabase) async throws {
        let row = try await db.raw("SELECT id FROM inspectors WHERE certificate_number = \(bind: number)").first()
        if let row, try row.decode(column: "id", as: Int64.self) != id {
            throw LibraryError.duplicate(field: "certificateNumber", value: number)
        }
    }

    static func insert(_ inspector: Inspector, now: String, on db: any SQLDatabase) async throws -> Int64 {
        let row = try await db.raw(
            """
            INSERT INTO inspectors (department_code, name, certificate_number, certificate_expiry, level, area, qualifications,
              expertise, status, leave_from, leave_to, station, phone, created_at, updated_at)
            VALUES (\(bind: inspector.departmentCode), \(bind: inspector.name), \(bind: inspector.certificateNumber),
              \(bind: inspector.certificateExpiry.iso), \(bind: inspector.level.rawValue), \(bind: ListColumn.encode(inspector.area)),
              \(bind: ListColumn.encode(inspector.qualifications)), \(bind: ListColumn.encode(inspector.expertise)),
              \(bind: inspector.status.rawValue), \(bind: inspector.leaveFrom?.iso), \(bind: inspector.leaveTo?.iso),
              \(bind: inspector.station), \(bind: inspector.phone), \(bind: now), \(bind: now))
            RETURNING id
            """
        ).first()
        return try row!.decode(column: "id", as: Int64.self)
    }

    static func update(_ inspector: Inspector, now: String, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            UPDATE inspectors SET name = \(bind: inspector.name), certificate_number = \(bind: inspector.certificateNumber),
              certificate_expiry = \(bind: inspector.certificateExpiry.iso), level = \(bind: inspector.level.rawValue),
              area = \(bind: ListColumn.encode(inspector.area)), qualifications = \(bind: ListColumn.encode(inspector.qualifications)),
              expertise = \(bind: ListColumn.encode(inspector.expertise)), status = \(bind: inspector.status.rawValue),
              leave_from = \(bind: inspector.leaveFrom?.iso), leave_to = \(bind: inspector.leaveTo?.iso),
              station = \(bind: inspector.station), phone = \(bind: inspector.phone), updated_at = \(bind: now)
            WHERE id = \(bind: inspector.id)
            """
        ).run()
    }
}

struct InspectorRow: Codable {
    var id: Int64
    var departmentCode: String
    var name: String
    var certificateNumber: String
    var certificateExpiry: String
    var level: String
    var area: String
    var qualifications: String
    var expertise: String
    var status: String
    var leaveFrom: String?
    var leaveTo: String?
    var station: String
    var phone: String

    var inspector: Inspector {
        Inspector(
            id: id, departmentCode: departmentCode, name: name, certificateNumber: certificateNumber,
            certificateExpiry: CalendarDate(iso: certificateExpiry) ?? CalendarDate(year: 1970, month: 1, day: 1)!,
            level: EnforcementLevel(rawValue: level) ?? .district, area: ListColumn.decode(area),
            qualifications: ListColumn.decode(qualifications), expertise: ListColumn.decode(expertise),
            status: InspectorStatus(rawValue: status) ?? .active, leaveFrom: leaveFrom.flatMap { CalendarDate(iso: $0) },
            leaveTo: leaveTo.flatMap { CalendarDate(iso: $0) }, station: station, phone: phone)
    }
}

struct ConflictRow: Codable {
    var id: Int64
    var inspectorId: Int64
    var targetUid: String
    var kind: String
    var note: String
    var declaredOn: String

    var conflict: ConflictOfInterest {
        ConflictOfInterest(
            id: id, inspectorID: inspectorId, targetUID: targetUid, kind: ConflictKind(rawValue: kind) ?? .other,
            note: note, declaredOn: CalendarDate(iso: declaredOn) ?? CalendarDate(year: 1970, month: 1, day: 1)!)
    }
}
