// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// A record of a library (a check item, target, inspector or expert): it has an id and
/// belongs to a department.
public protocol LibraryRecord: Codable, Sendable {
    var id: Int64 { get set }
    var departmentCode: String { get }
}

/// What a user sends to create or replace a library record.
public protocol LibraryInput: Codable, Sendable {
    associatedtype Record: LibraryRecord
    /// The record it makes in `department`, or the issues that stop it.
    func validated(department: String) -> Result<Record, LibraryError>
}

extension CheckItem: LibraryRecord {}
extension Target: LibraryRecord {}
extension Inspector: LibraryRecord {}
extension Expert: LibraryRecord {}
extension CheckItemInput: LibraryInput {}
extension TargetInput: LibraryInput {}
extension InspectorInput: LibraryInput {}
extension ExpertInput: LibraryInput {}

/// The shape the four library stores share (`CheckItemStore`, `TargetStore`, `InspectorStore`,
/// `ExpertStore`): a scoped listing, a scoped read, and a create and an update that check the
/// caller's right, validate, write in one transaction and append the audit entry. Each store
/// declares what differs in its `table` (`LibraryTable`); the flow is written once, below.
public protocol LibraryStore: Sendable {
    associatedtype Input: LibraryInput
    typealias Record = Input.Record

    var database: SuijiDatabase { get }
    /// The library's table, columns and the checks of its writes.
    static var table: LibraryTable<Input> { get }

    /// A page of the records visible in `scope`.
    func list(scope: DepartmentScope, query: ListQuery) async throws -> Page<Record>
    /// One record, if visible in `scope`.
    func get(id: Int64, scope: DepartmentScope) async throws -> Record
    /// Adds a record to the caller's department.
    func create(_ input: Input, caller: Caller) async throws -> Record
    /// Replaces a record's attributes (its department stays).
    func update(id: Int64, _ input: Input, caller: Caller) async throws -> Record
}

/// What the shared library flow (`LibraryStore`) needs to know of one library: where its
/// records are read from, how a row becomes a record, what a write checks and writes.
public struct LibraryTable<Input: LibraryInput>: Sendable {
    public typealias Record = Input.Record

    /// The record's Chinese name, in a not-found error.
    let title: String
    /// The audit log's `entity`.
    let auditEntity: String
    /// What a read selects from: a table, or a subquery named like one.
    let source: String
    /// What a read selects.
    let selectList: String
    /// Columns a listing's search text is looked for in (LIKE).
    let searchColumns: [String]
    /// Columns a listing's filters may name.
    let allowedFilters: Set<String>
    /// The listing's sort keys and their columns.
    let sortColumns: [String: String]
    /// The listing's order after the sort key (it makes the order total).
    let order: String
    /// A row as a record (decoded by column name).
    let decode: @Sendable (any SQLRow) throws -> Record
    /// The audit entry's `entityID` of a record (its id given apart: a new record has none yet).
    let auditID: @Sendable (Record, Int64) -> String
    /// The key the department holds once and an update never changes, if the library has one.
    let key: DepartmentKey<Record>?
    /// Refuses a write that would duplicate another unique key; `except` is the updated record's id.
    let requireUnique: @Sendable (Record, _ except: Int64?, any SQLDatabase) async throws -> Void
    /// Completes an update's `new` record; false when the update has nothing to write.
    let prepareUpdate: @Sendable (_ old: Record, _ new: inout Record) throws -> Bool
    /// The audit log's `action` of an update.
    let updateAction: String
    /// Inserts a validated record (now, caller, database); its id.
    let insert: @Sendable (Record, String, Caller, any SQLDatabase) async throws -> Int64
    /// Writes an update (old, new, now, caller, database).
    let update: @Sendable (Record, Record, String, Caller, any SQLDatabase) async throws -> Void

    init(
        title: String, auditEntity: String, source: String, selectList: String, searchColumns: [String], allowedFilters: Set<String>,
        sortColumns: [String: String], order: String, decode: @escaping @Sendable (any SQLRow) throws -> Record,
        auditID: @escaping @Sendable (Record, Int64) -> String = { _, id in String(id) }, key: DepartmentKey<Record>? = nil,
        requireUnique: @escaping @Sendable (Record, Int64?, any SQLDatabase) async throws -> Void = { _, _, _ in },
        prepareUpdate: @escaping @Sendable (Record, inout Record) throws -> Bool = { _, _ in true },
        updateAction: String = "update",
        insert: @escaping @Sendable (Record, String, Caller, any SQLDatabase) async throws -> Int64,
        update: @escaping @Sendable (Record, Record, String, Caller, any SQLDatabase) async throws -> Void
    ) {
        self.title = title
        self.auditEntity = auditEntity
        self.source = source
        self.selectList = selectList
        self.searchColumns = searchColumns
        self.allowedFilters = allowedFilters
        self.sortColumns = sortColumns
        self.order = order
        self.decode = decode
        self.auditID = auditID
        self.key = key
        self.requireUnique = requireUnique
        self.prepareUpdate = prepareUpdate
        self.updateAction = updateAction
        self.insert = insert
        self.update = update
    }
}

/// A key a department holds once (a target's credit code, an item's code) and an update never
/// changes.
struct DepartmentKey<Record: LibraryRecord>: Sendable {
    let table: String
    let column: String
    let value: @Sendable (Record) -> String
    /// The field a duplicate is named by.
    let field: @Sendable (Record) -> String
    /// Why an update may not change it.
    let unchangeable: FieldIssue

    /// Refuses `record` when its department already has its key.
    func requireFree(_ record: Record, on db: any SQLDatabase) async throws {
        let key = value(record)
        if try await db.raw(
            "SELECT id FROM \(unsafeRaw: table) WHERE department_code = \(bind: record.departmentCode) AND \(unsafeRaw: column) = \(bind: key)"
        ).first() != nil {
            throw LibraryError.duplicate(field: field(record), value: key)
        }
    }
}

extension LibraryStore {
    public func list(scope: DepartmentScope, query: ListQuery) async throws -> Page<Record> {
        try await listPage(scope: scope, query: query, extra: nil)
    }

    public func get(id: Int64, scope: DepartmentScope) async throws -> Record {
        try await record(id: id, scope: scope)
    }

    public func create(_ input: Input, caller: Caller) async throws -> Record {
        let table = Self.table
        let department = caller.account.departmentCode ?? ""
        try AccessPolicy.requireWrite(caller.account, department: department)
        var record = try input.validated(department: department).get()
        let now = Timestamp.format(caller.at)
        record.id = try await database.write { [record] db in
            try await table.key?.requireFree(record, on: db)
            try await table.requireUnique(record, nil, db)
            let id = try await table.insert(record, now, caller, db)
            try await AuditLog.append(
                db, caller: caller, action: "create", entity: table.auditEntity, entityID: table.auditID(record, id), detail: record)
            return id
        }
        return record
    }

    public func update(id: Int64, _ input: Input, caller: Caller) async throws -> Record {
        let table = Self.table
        let old = try await record(id: id, scope: AccessPolicy.readScope(caller.account))
        try AccessPolicy.requireWrite(caller.account, department: old.departmentCode)
        var new = try input.validated(department: old.departmentCode).get()
        if let key = table.key, key.value(new) != key.value(old) { throw LibraryError.invalid([key.unchangeable]) }
        new.id = id
        guard try table.prepareUpdate(old, &new) else { return old }
        let now = Timestamp.format(caller.at)
        try await database.write { [new] db in
            try await table.requireUnique(new, id, db)
            try await table.update(old, new, now, caller, db)
            try await AuditLog.append(
                db, caller: caller, action: table.updateAction, entity: table.auditEntity, entityID: table.auditID(new, id),
                detail: ["before": old, "after": new])
        }
        return new
    }

    /// A page of the records visible in `scope` that also meet `extra`.
    func listPage(scope: DepartmentScope, query: ListQuery, extra: SQLQueryString?) async throws -> Page<Record> {
        let table = Self.table
        let filter = ListingFilter(
            scope: scope, query: query, searchColumns: table.searchColumns, allowedFilters: table.allowedFilters, extra: extra)
        return try await database.read { db in
            let total = try await db.count(from: table.source, filter.whereClause)
            let rows = try await db.raw(
                "SELECT \(unsafeRaw: table.selectList) FROM \(unsafeRaw: table.source) " + filter.whereClause
                    + filter.orderBy(table.sortColumns, fallback: table.order)
                    + " LIMIT \(bind: query.perPage) OFFSET \(bind: query.offset)"
            ).all()
            return Page(items: try rows.map(table.decode), total: total, page: query.page, perPage: query.perPage)
        }
    }

    /// One record, if visible in `scope` (the current version of a check item).
    func record(id: Int64, scope: DepartmentScope) async throws -> Record {
        let table = Self.table
        let record = try await database.read { db in
            try await db.raw("SELECT \(unsafeRaw: table.selectList) FROM \(unsafeRaw: table.source) WHERE id = \(bind: id)").first()
                .map(table.decode)
        }
        guard let record, scope.contains(record.departmentCode) else {
            throw LibraryError.notFound(entity: table.title, id: String(id))
        }
        return record
    }
}
