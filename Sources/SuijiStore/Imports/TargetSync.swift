// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// Registry sync of a target library through SQLKit (PostgreSQL, in-memory SQLite), chunk after
/// chunk as the sheet is read: upsert by credit code (or stable id); targets missing from the
/// sheet are left as they are; status changes are kept as history. Each chunk costs one look-up
/// of its keys and multi-row INSERTs.
struct TargetSync: Sendable {
    let department: String
    let now: String
    /// On PostgreSQL, how new targets are bulk-loaded (`COPY`); nil: multi-row INSERTs.
    var copy: TargetCopy? = nil

    /// Rows per multi-row INSERT (`TargetColumns.inserted`, 22 binds each, stays under PostgreSQL's 65,535).
    static let chunk = 2_000

    /// Writes one chunk of the sheet's records (from sheet rows `rows`); returns what it changed
    /// and adds the fields each update changes to `changes`.
    /// `record` (read from the sheet) against the stored `old` of the same credit code: nil when
    /// nothing changed (counted as unchanged), else the row to write, counted and its changed
    /// fields listed. Shared by the SQLKit and the raw SQLite paths.
    static func compare(_ record: Target, with old: Target, row: Int, counts: inout SyncCounts, changes: inout ChangeList) -> Target? {
        var new = record
        new.id = old.id
        if new == old {
            counts.unchanged += 1
            return nil
        }
        counts.changed += 1
        if new.status == .deregistered && old.status != .deregistered { counts.nowDeregistered += 1 }
        changes.add(row: row, key: record.uid, old: TargetInput(old), new: TargetInput(new), columns: columns)
        return new
    }

    func write(_ records: [Target], rows: [Int], changes: inout ChangeList, on db: any SQLDatabase) async throws -> SyncCounts {
        var counts = SyncCounts()
        var existing: [String: Target] = [:]
        for start in stride(from: 0, to: records.count, by: Self.chunk) {
            var sql: SQLQueryString =
                "SELECT \(unsafeRaw: TargetStore.columns) FROM targets WHERE department_code = \(bind: department) AND uid IN ("
            for (index, record) in records[start..<min(start + Self.chunk, records.count)].enumerated() {
                sql += index == 0 ? "\(bind: record.uid)" : ", \(bind: record.uid)"
            }
            for row in try await db.raw(sql + ")").all(decoding: TargetRow.self, keyDecodingStrategy: .convertFromSnakeCase) {
                existing[row.uid] = row.target
            }
        }
        var inserts: [Target] = []
        for (index, record) in records.enumerated() {
            guard let old = existing[record.uid] else {
                inserts.append(record)
                continue
            }
            guard let new = Self.compare(record, with: old, row: rows[safe: index], counts: &counts, changes: &changes) else { continue }
            try await TargetStore.update(new, now: now, on: db)
            if new.status != old.status || new.statusDate != old.statusDate {
                try await TargetStore.recordStatus(id: new.id, from: old.status, to: new, now: now, source: "import", on: db)
            }
        }
        if let copy {
            try await copy.insert(inserts[...], now: now, on: db)
        } else {
            for start in stride(from: 0, to: inserts.count, by: Self.chunk) {
                try await insert(inserts[start..<min(start + Self.chunk, inserts.count)], on: db)
            }
        }
        counts.added = inserts.count
        return counts
    }

    private func insert(_ targets: ArraySlice<Target>, on db: any SQLDatabase) async throws {
        var insert = db.insert(into: "targets").columns(TargetColumns.inserted)
        for target in targets {
            insert = insert.values(TargetColumns.insertValues(target, via: "import", now: now))
        }
        let rows = try await insert.returning("id", "uid").all()
        var idOf: [String: Int64] = [:]
        for row in rows { idOf[try row.decode(column: "uid", as: String.self)] = try row.decode(column: "id", as: Int64.self) }
        // Tags in key order, in as few statements as the bind limit allows.
        var pairs: [(Int64, String)] = []
        for target in targets {
            guard let id = idOf[target.uid] else { continue }
            for tag in Set(target.tags).sorted() { pairs.append((id, tag)) }
        }
        pairs.sort { $0.0 < $1.0 }
        for start in stride(from: 0, to: pairs.count, by: 16_000) {
            var tags = db.insert(into: "target_tags").columns("target_id", "item_code")
            for (id, tag) in pairs[start..<min(start + 16_000, pairs.count)] {
                tags = tags.values([id, tag] as [any Encodable & Sendable])
            }
            try await tags.run()
        }
    }
}

extension TargetSync {
    /// The sheet's columns, for the change list.
    static let columns = SheetMapping<TargetInput>.targets.fieldHeaders
}

extension SyncCounts {
    /// Adds another chunk's counts.
    mutating func add(_ other: SyncCounts) {
        added += other.added
        changed += other.changed
        unchanged += other.unchanged
        nowDeregistered += other.nowDeregistered
    }
}
