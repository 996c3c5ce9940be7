// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// The inspector libraries (人员库), on the shared library flow (`LibraryStore`), and declared
/// conflicts of interest.
public struct InspectorStore: LibraryStore {
    public typealias Input = InspectorInput

    public let database: SuijiDatabase

    public init(database: SuijiDatabase) {
        self.database = database
    }

    /// The `inspectors` columns, declared once; the key is the department.
    static let columnList = TableColumns<Inspector>(
        table: "inspectors",
        attributes: [
            TableColumn(name: "department_code") { $0.departmentCode },
            TableColumn(name: "name") { $0.name },
            TableColumn(name: "certificate_number") { $0.certificateNumber },
            TableColumn(name: "certificate_expiry") { $0.certificateExpiry.iso },
            TableColumn(name: "level") { $0.level.rawValue },
            TableColumn(name: "area") { ListColumn.encode($0.area) },
            TableColumn(name: "qualifications") { ListColumn.encode($0.qualifications) },
            TableColumn(name: "expertise") { ListColumn.encode($0.expertise) },
            TableColumn(name: "status") { $0.status.rawValue },
            TableColumn(name: "leave_from") { $0.leaveFrom?.iso },
            TableColumn(name: "leave_to") { $0.leaveTo?.iso },
            TableColumn(name: "station") { $0.station },
            TableColumn(name: "phone") { $0.phone },
        ], keyCount: 1)

    /// The columns a read selects.
    static let columns = columnList.selectList

    /// The sort keys of `list` and their columns.
    public static let sortColumns = [
        "name": "name", "certificate": "certificate_number", "expiry": "certificate_expiry", "level": "level", "station": "station",
        "status": "status", "department": "department_code",
    ]

    public static let table = LibraryTable<InspectorInput>(
        title: "执法检查人员", auditEntity: "inspector", source: "inspectors", selectList: columns,
        searchColumns: ["name", "certificate_number", "station"], allowedFilters: ["status", "level"], sortColumns: sortColumns,
        order: "department_code, name, id",
        decode: { try $0.decode(model: InspectorRow.self, keyDecodingStrategy: .convertFromSnakeCase).inspector },
        requireUnique: { inspector, except, db in
            try await requireUniqueCertificate(inspector.certificateNumber, except: except, on: db)
        },
        insert: { inspector, now, _, db in try await insert(inspector, now: now, on: db) },
        update: { _, new, now, _, db in try await update(new, now: now, on: db) })

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
        try await columnList.insert(inspector, now: now, on: db)
    }

    static func update(_ inspector: Inspector, now: String, on db: any SQLDatabase) async throws {
        try await db.raw(columnList.update(inspector, id: inspector.id, now: now)).run()
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
