// SPDX-License-Identifier: Apache-2.0

import Foundation
import NIOPosix
import SQLKit
import SuijiCore
import SuijiTabular

/// Bulk import (批量导入) and registry sync (数据对接) of a department's libraries from CSV or
/// XLSX: every row is validated; if any row is bad nothing is written and the report lists
/// every bad cell; otherwise all rows go in one transaction.
///
/// A target library is streamed: one thread reads and validates the sheet while the writer
/// stores the rows already validated, in the one transaction that is rolled back if a later row
/// turns out bad. Memory stays at a few chunks of rows (plus the keys seen, to find repeats),
/// whatever the size of the file.
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
        try await run(kind, input: .data(data), fileName: fileName, caller: caller, progress: progress)
    }

    /// Imports the file or bytes `input` into the caller's department's `kind` library.
    public func run(
        _ kind: LibraryKind, input: TabularInput, fileName: String? = nil, caller: Caller,
        progress: (@Sendable (ImportProgress) -> Void)? = nil
    ) async throws -> ImportReport {
        let department = caller.account.departmentCode ?? ""
        try AccessPolicy.requireWrite(caller.account, department: department)
        let owner = try await DepartmentStore(database: database).all().first { $0.code == department }
        switch kind {
        case .targets:
            let parser = SheetParser(
                mapping: SheetMapping<TargetInput>.targets, validate: { $0.validated(department: department) },
                key: { $0.uid }, keyField: "creditCode", department: owner)
            return try await streamTargets(parser, input: input, fileName: fileName, caller: caller, progress: progress)
        case .inspectors:
            let parser = SheetParser(
                mapping: SheetMapping<InspectorInput>.inspectors, validate: { $0.validated(department: department) },
                key: { $0.certificateNumber }, keyField: "certificateNumber", department: owner)
            return try await write(parser, input: input, fileName: fileName, kind: kind, caller: caller) { records, rows, db in
                try await SmallLibrarySync.inspectors(records, rows: rows, department: department, now: Timestamp.format(caller.at), on: db)
            }
        case .experts:
            let parser = SheetParser(
                mapping: SheetMapping<ExpertInput>.experts, validate: { $0.validated(department: department) },
                key: { "\($0.name)|\($0.organisation)" }, keyField: "name", department: owner)
            return try await write(parser, input: input, fileName: fileName, kind: kind, caller: caller) { records, rows, db in
                try await SmallLibrarySync.experts(records, rows: rows, department: department, now: Timestamp.format(caller.at), on: db)
            }
        case .items:
            let parser = SheetParser(
                mapping: SheetMapping<CheckItemInput>.items, validate: { $0.validated(department: department) },
                key: { $0.code }, keyField: "code", department: owner)
            return try await write(parser, input: input, fileName: fileName, kind: kind, caller: caller) { records, rows, db in
                try await SmallLibrarySync.items(records, rows: rows, department: department, caller: caller, on: db)
            }
        }
    }

    /// A small library: the whole sheet is read first (off the event loop), then written.
    private func write<Input, Record: Sendable>(
        _ parser: SheetParser<Input, Record>, input: TabularInput, fileName: String?, kind: LibraryKind, caller: Caller,
        apply: @escaping @Sendable ([Record], [Int], any SQLDatabase) async throws -> SyncCounts
    ) async throws -> ImportReport {
        let parsed = try await NIOThreadPool.singleton.runIfActive { try parser.parse(input, fileName: fileName) }
        let report = Self.report(kind, caller: caller, summary: parsed.summary, issues: parsed.issues)
        guard parsed.issues.isEmpty else { throw ImportError.rejected(report) }
        let (records, rows) = (parsed.records, parsed.rows)
        let counts = try await database.write { [report] db in
            let counts = try await apply(records, rows, db)
            // The audit row keeps the counts; the field-by-field list is the report's.
            try await AuditLog.append(
                db, caller: caller, action: "import", entity: kind.rawValue, entityID: report.department,
                detail: report.with(counts.unlisting))
            return counts
        }
        return report.with(counts)
    }

    /// A target library, streamed into one transaction.
    private func streamTargets(
        _ parser: SheetParser<TargetInput, Target>, input: TabularInput, fileName: String?, caller: Caller,
        progress: (@Sendable (ImportProgress) -> Void)?
    ) async throws -> ImportReport {
        let department = caller.account.departmentCode ?? ""
        let now = Timestamp.format(caller.at)
        let pipe = ChunkPipe<SheetParser<TargetInput, Target>.Chunk, SheetSummary>()
        let size = input.size
        pipe.start { pipe in try parser.stream(input, fileName: fileName) { pipe.put($0) } }
        defer { pipe.cancel() }
        let tracker = ImportTracker(size: size, progress: progress)
        if database.hasRawWriter {
            return try await database.writeRaw { raw in
                let writer = try TargetSyncRaw(department: department, now: now, on: raw)
                var issues: [RowIssue] = []
                while let chunk = try pipe.take() {
                    issues += chunk.issues
                    if issues.isEmpty { try writer.write(chunk.records, rows: chunk.rows) }
                    tracker.advance(chunk)
                }
                let report = Self.report(.targets, caller: caller, summary: try pipe.result(), issues: issues)
                guard issues.isEmpty else { throw ImportError.rejected(report) }
                tracker.finish()
                try AuditLog.append(
                    raw: raw, caller: caller, action: "import", entity: LibraryKind.targets.rawValue, entityID: report.department,
                    detail: report.with(writer.counts))
                return report.with(writer.counts.listing(writer.changes))
            }
        }
        return try await database.write { db in
            let sync = TargetSync(department: department, now: now)
            var counts = SyncCounts()
            var changes = ChangeList()
            var issues: [RowIssue] = []
            while let chunk = try await pipe.next() {
                issues += chunk.issues
                if issues.isEmpty { counts.add(try await sync.write(chunk.records, rows: chunk.rows, changes: &changes, on: db)) }
                tracker.advance(chunk)
            }
            let report = Self.report(.targets, caller: caller, summary: try pipe.result(), issues: issues)
            guard issues.isEmpty else { throw ImportError.rejected(report) }
            tracker.finish()
            try await AuditLog.append(
                db, caller: caller, action: "import", entity: LibraryKind.targets.rawValue, entityID: report.department,
                detail: report.with(counts))
            return report.with(counts.listing(changes))
        }
    }

    static func report(_ kind: LibraryKind, caller: Caller, summary: SheetSummary, issues: [RowIssue]) -> ImportReport {
        ImportReport(
            library: kind, department: caller.account.departmentCode ?? "", format: summary.format, fileDigest: summary.digest,
            rows: summary.rows, added: 0, changed: 0, unchanged: 0, nowDeregistered: 0, ignoredColumns: summary.ignoredColumns,
            issues: issues)
    }
}

/// Reports an import's progress in rows (the total estimated from the bytes read so far).
final class ImportTracker: @unchecked Sendable {
    private let progress: (@Sendable (ImportProgress) -> Void)?
    private let size: Int
    private var rows = 0

    init(size: Int?, progress: (@Sendable (ImportProgress) -> Void)?) {
        self.size = size ?? 0
        self.progress = progress
    }

    func advance(_ chunk: SheetParser<TargetInput, Target>.Chunk) {
        rows += chunk.rowCount
        let estimate = chunk.bytesRead > 0 && size > 0 ? Int(Double(rows) * Double(size) / Double(chunk.bytesRead)) : rows
        progress?(ImportProgress(phase: "import", done: rows, total: max(rows + 1, estimate)))
    }

    func finish() {
        progress?(ImportProgress(phase: "import", done: rows, total: rows))
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
