// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore

/// Applies a target sync on a SQLite file, chunk after chunk as the sheet is read, with prepared
/// statements reused row after row: the path that makes a million-row import take seconds. Same
/// rows as `TargetSync`.
///
/// A library that is empty when the import starts takes inserts only (no look-up per row); its
/// tags go into `target_tags` in key order (ascending target id), so that table — whose primary
/// key is its only index — is appended to, not updated in place.
final class TargetSyncRaw {
    let department: String
    let now: String
    private let raw: SQLiteRaw
    /// Whether the department's library was empty when the import started.
    private let fresh: Bool
    private let insert: SQLiteRawStatement
    private let update: SQLiteRawStatement
    private let lookup: SQLiteRawStatement
    private let history: SQLiteRawStatement
    private let clearTags: SQLiteRawStatement
    private let addTag: SQLiteRawStatement
    private(set) var counts = SyncCounts()
    /// The fields each update changed, for the report.
    private(set) var changes = ChangeList()

    init(department: String, now: String, on raw: SQLiteRaw) throws {
        self.department = department
        self.now = now
        self.raw = raw
        let any = try raw.prepare("SELECT 1 FROM targets WHERE department_code = ?1 LIMIT 1")
        any.bind(1, department)
        fresh = try !any.step()
        insert = try raw.prepare(TargetColumns.rawInsert)
        update = try raw.prepare(TargetColumns.rawUpdate)
        lookup = try raw.prepare("SELECT \(TargetColumns.selectList) FROM targets WHERE department_code = ?1 AND uid = ?2")
        history = try raw.prepare(
            "INSERT INTO target_status_history (target_id, from_status, status, status_date, recorded_at, source) VALUES (?1, ?2, ?3, ?4, ?5, 'import')"
        )
        clearTags = try raw.prepare("DELETE FROM target_tags WHERE target_id = ?1")
        addTag = try raw.prepare("INSERT OR IGNORE INTO target_tags (target_id, item_code) VALUES (?1, ?2)")
    }

    /// Writes one chunk of the sheet's records (from sheet rows `rows`).
    func write(_ records: [Target], rows: [Int]) throws {
        for (index, record) in records.enumerated() {
            guard !fresh, let old = try existing(record.uid) else {
                bind(record, to: insert)
                try insert.run()
                try tag(id: raw.lastInsertRowID, record.tags)
                counts.added += 1
                continue
            }
            guard let new = TargetSync.compare(record, with: old, row: rows[safe: index], counts: &counts, changes: &changes) else {
                continue
            }
            bind(new, to: update)
            try update.run()
            if new.status != old.status || new.statusDate != old.statusDate {
                try recordStatus(id: old.id, from: old.status, new)
            }
            if new.tags != old.tags {
                clearTags.bind(1, old.id)
                try clearTags.run()
                try tag(id: old.id, new.tags)
            }
        }
    }

    /// Binds attribute *i* of `TargetColumns.attributes` at `?i` and the time at `?nowIndex`.
    private func bind(_ target: Target, to statement: SQLiteRawStatement) {
        for (index, column) in TargetColumns.attributes.enumerated() {
            statement.bind(Int32(index + 1), column.value(target))
        }
        statement.bind(Int32(TargetColumns.nowIndex), now)
    }

    private func recordStatus(id: Int64, from old: TargetStatus, _ target: Target) throws {
        history.bind(1, id)
        history.bind(2, old.rawValue)
        history.bind(3, target.status.rawValue)
        history.bind(4, target.statusDate?.iso)
        history.bind(5, now)
        try history.run()
    }

    private func tag(id: Int64, _ tags: [String]) throws {
        for tag in tags {
            addTag.bind(1, id)
            addTag.bind(2, tag)
            try addTag.run()
        }
    }

    /// The department's stored target with `uid`.
    private func existing(_ uid: String) throws -> Target? {
        defer { lookup.reset() }
        lookup.bind(1, department)
        lookup.bind(2, uid)
        guard try lookup.step() else { return nil }
        return TargetRow(id: lookup.int64(0)) { name in TargetColumns.position[name].flatMap { lookup.text($0) } }.target
    }
}
