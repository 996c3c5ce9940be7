// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore

/// Applies a target sync on a SQLite file, chunk after chunk as the sheet is read, with prepared
/// statements reused row after row: the path that makes a million-row import take seconds. Same
/// rows as `TargetSync`.
///
/// A row is inserted unless its key is already stored (`ON CONFLICT DO NOTHING`: the unique
/// index the insert checks anyway answers whether the target is new, without a look-up per row);
/// only the rows whose key is taken are read and compared. While most rows are stored already (a
/// registry sync), the look-up goes first instead. The item tags of a chunk go into
/// `target_tags` after its targets, in key order (ascending target id, then item code) and in
/// multi-row INSERTs, so that table — whose primary key is its only index — is appended to.
final class TargetSyncRaw {
    let department: String
    let now: String
    private let raw: SQLiteRaw
    private let insert: SQLiteRawStatement
    private let update: SQLiteRawStatement
    private let lookup: SQLiteRawStatement
    private let history: SQLiteRawStatement
    private let clearTags: SQLiteRawStatement
    private let addTag: SQLiteRawStatement
    private let addTags: SQLiteRawStatement
    private(set) var counts = SyncCounts()
    /// The fields each update changed, for the report.
    private(set) var changes = ChangeList()
    /// Tags waiting to be written: target id and item code, in key order.
    private var tags: [(Int64, String)] = []
    /// Rows of the previous chunk, and how many of them were stored already.
    private var rowsInLastChunk = 0
    private var storedInLastChunk = 0

    /// Tag rows per multi-row INSERT.
    static let tagsPerInsert = 128

    init(department: String, now: String, on raw: SQLiteRaw) throws {
        self.department = department
        self.now = now
        self.raw = raw
        // A library with targets already is likely synced: look up first until a chunk says otherwise.
        let any = try raw.prepare("SELECT 1 FROM targets WHERE department_code = ?1 LIMIT 1")
        any.bind(1, department)
        if try any.step() { (storedInLastChunk, rowsInLastChunk) = (1, 1) }
        insert = try raw.prepare(TargetColumns.rawInsert + " ON CONFLICT (department_code, uid) DO NOTHING")
        update = try raw.prepare(TargetColumns.rawUpdate)
        lookup = try raw.prepare("SELECT \(TargetColumns.selectList) FROM targets WHERE department_code = ?1 AND uid = ?2")
        history = try raw.prepare(
            "INSERT INTO target_status_history (target_id, from_status, status, status_date, recorded_at, source) VALUES (?1, ?2, ?3, ?4, ?5, 'import')"
        )
        clearTags = try raw.prepare("DELETE FROM target_tags WHERE target_id = ?1")
        addTag = try raw.prepare("INSERT INTO target_tags (target_id, item_code) VALUES (?1, ?2)")
        addTags = try raw.prepare(
            "INSERT INTO target_tags (target_id, item_code) VALUES "
                + (0..<Self.tagsPerInsert).map { "(?\(2 * $0 + 1), ?\(2 * $0 + 2))" }.joined(separator: ", "))
    }

    /// Writes one chunk of the sheet's records (from sheet rows `rows`).
    func write(_ records: [Target], rows: [Int]) throws {
        // Most rows of a registry sync are stored already: then the look-up goes first (a failed
        // insert costs more than a look-up), as it did for the previous chunk's majority.
        let lookUpFirst = storedInLastChunk * 2 > max(1, rowsInLastChunk)
        var stored = 0
        for (index, record) in records.enumerated() {
            var found = lookUpFirst ? try existing(record.uid) : nil
            if found == nil {
                bind(record, to: insert)
                try insert.run()
                if raw.changes == 1 {
                    queueTags(id: raw.lastInsertRowID, record.tags)
                    counts.added += 1
                    continue
                }
                // The key is taken: a registry sync of a stored target.
                found = try existing(record.uid)
            }
            guard let old = found else {
                throw SQLiteRawError(message: "target \(record.uid) neither inserted nor found", code: 0)
            }
            stored += 1
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
                queueTags(id: old.id, new.tags)
            }
        }
        try flushTags()
        (storedInLastChunk, rowsInLastChunk) = (stored, records.count)
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

    /// Queues the tags of target `id`, each once, in item-code order.
    private func queueTags(id: Int64, _ codes: [String]) {
        switch codes.count {
        case 0: return
        case 1: tags.append((id, codes[0]))
        default:
            var previous: String?
            for code in codes.sorted() where code != previous {
                tags.append((id, code))
                previous = code
            }
        }
    }

    /// Writes the queued tags: full multi-row INSERTs, then the rest one by one.
    private func flushTags() throws {
        var start = 0
        while tags.count - start >= Self.tagsPerInsert {
            for offset in 0..<Self.tagsPerInsert {
                let (id, code) = tags[start + offset]
                addTags.bind(Int32(2 * offset + 1), id)
                addTags.bind(Int32(2 * offset + 2), code)
            }
            try addTags.run()
            start += Self.tagsPerInsert
        }
        for (id, code) in tags[start...] {
            addTag.bind(1, id)
            addTag.bind(2, code)
            try addTag.run()
        }
        tags.removeAll(keepingCapacity: true)
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
