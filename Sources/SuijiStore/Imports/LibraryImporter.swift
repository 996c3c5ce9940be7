// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// Bulk import (批量导入) and registry sync (数据对接) of a department's libraries from CSV or
/// XLSX: every row is validated first; if any row is bad nothing is written and the report lists
/// every bad cell; otherwise all rows go in one transaction.
public struct LibraryImporter: Sendable {
    public let database: SuijiDatabase

    public init(database: SuijiDatabase) {
        self.database = database
    }

    /// Imports `data` into the caller's department's `kind` library; `fileName`, when known,
    /// names the file in the message of an unreadable one.
    public func run(
        _ kind: LibraryKind, data: Data, fileName: String? = nil, caller: Caller, progress: (@Sendable (ImportProgress) -> Void)? = nil
    ) async throws -> ImportReport {
        let department = caller.account.departmentCode ?? ""
        try AccessPolicy.requireWrite(caller.account, department: department)
        let owner = try await DepartmentStore(database: database).all().first { $0.code == department }
        switch kind {
        case .targets:
            let parser = SheetParser(
                mapping: SheetMapping<TargetInput>.targets, validate: { $0.validated(department: department) },
                key: { $0.uid }, keyField: "creditCode", department: owner)
            let now = Timestamp.format(caller.at)
            return try await write(
                parser, data: data, fileName: fileName, kind: kind, caller: caller, progress: progress,
                raw: { records, rows, raw in
                    try TargetSyncRaw(department: department, now: now, progress: progress).apply(records, rows: rows, on: raw)
                }
            ) { records, rows, db in
                try await TargetSync(department: department, caller: caller, progress: progress).apply(records, rows: rows, on: db)
            }
        case .inspectors:
            let parser = SheetParser(
                mapping: SheetMapping<InspectorInput>.inspectors, validate: { $0.validated(department: department) },
                key: { $0.certificateNumber }, keyField: "certificateNumber", department: owner)
            return try await write(parser, data: data, fileName: fileName, kind: kind, caller: caller, progress: progress) {
                records, rows, db in
                try await SmallLibrarySync.inspectors(records, rows: rows, department: department, now: Timestamp.format(caller.at), on: db)
            }
        case .experts:
            let parser = SheetParser(
                mapping: SheetMapping<ExpertInput>.experts, validate: { $0.validated(department: department) },
                key: { "\($0.name)|\($0.organisation)" }, keyField: "name", department: owner)
            return try await write(parser, data: data, fileName: fileName, kind: kind, caller: caller, progress: progress) {
                records, rows, db in
                try await SmallLibrarySync.experts(records, rows: rows, department: department, now: Timestamp.format(caller.at), on: db)
            }
        case .items:
            let parser = SheetParser(
                mapping: SheetMapping<CheckItemInput>.items, validate: { $0.validated(department: department) },
                key: { $0.code }, keyField: "code", department: owner)
            return try await write(parser, data: data, fileName: fileName, kind: kind, caller: caller, progress: progress) {
                records, rows, db in
                try await SmallLibrarySync.items(records, rows: rows, department: department, caller: caller, on: db)
            }
        }
    }

    private func write<Input, Record: Sendable>(
        _ parser: SheetParser<Input, Record>, data: Data, fileName: String?, kind: LibraryKind, caller: Caller,
        progress: (@Sendable (ImportProgress) -> Void)?,
        raw: (@Sendable ([Record], [Int], SQLiteRaw) throws -> SyncCounts)? = nil,
        apply: @escaping @Sendable ([Record], [Int], any SQLDatabase) async throws -> SyncCounts
    ) async throws -> ImportReport {
        let parsed = try parser.parse(data, fileName: fileName, progress: progress)
        var report = ImportReport(
            library: kind, department: caller.account.departmentCode ?? "", format: parsed.format,
            fileDigest: parsed.digest, rows: parsed.records.count + Set(parsed.issues.map(\.row)).count,
            added: 0, changed: 0, unchanged: 0, nowDeregistered: 0, ignoredColumns: parsed.ignoredColumns,
            issues: parsed.issues)
        guard parsed.issues.isEmpty else { throw ImportError.rejected(report) }
        let records = parsed.records
        let rows = parsed.rows
        // The audit row keeps the counts; the field-by-field list is the report's.
        if let raw, database.hasRawWriter {
            let counts = try await database.writeRaw { [report] connection in
                let counts = try raw(records, rows, connection)
                try AuditLog.append(
                    raw: connection, caller: caller, action: "import", entity: kind.rawValue, entityID: report.department,
                    detail: report.with(counts.unlisting))
                return counts
            }
            return report.with(counts)
        }
        let counts = try await database.write { [report] db in
            let counts = try await apply(records, rows, db)
            try await AuditLog.append(
                db, caller: caller, action: "import", entity: kind.rawValue, entityID: report.department,
                detail: report.with(counts.unlisting))
            return counts
        }
        return report.with(counts)
    }
}

extension ImportReport {
    /// The report with a sync's counts filled in.
    func with(_ counts: SyncCounts) -> ImportReport {
        var report = self
        report.added = counts.added
        report.changed = counts.changed
        report.unchanged = counts.unchanged
        report.nowDeregistered = counts.nowDeregistered
        report.changes = counts.changes
        report.unlistedChanges = counts.unlisted
        return report
    }
}

/// What a sync changed.
struct SyncCounts: Sendable {
    var added = 0
    var changed = 0
    var unchanged = 0
    var nowDeregistered = 0
    /// The changed fields, listed (see `ChangeList`).
    var changes: [ImportChange] = []
    var unlisted = 0

    /// The counts with `list`'s changes.
    func listing(_ list: ChangeList) -> SyncCounts {
        var counts = self
        counts.changes = list.changes
        counts.unlisted = list.unlisted
        return counts
    }

    /// The counts without the change list (for the audit row).
    var unlisting: SyncCounts {
        var counts = self
        counts.changes = []
        counts.unlisted = 0
        return counts
    }
}

extension Array where Element == Int {
    /// The element at `index`, or 0 past the end.
    subscript(safe index: Int) -> Int { index < count ? self[index] : 0 }
}
