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
        insert = try raw.prepare(
            """
            INSERT INTO targets (department_code, uid, name, kind, division, street, grid, address, industry, risk_class,
              status, status_date, last_random_inspection, legal_representative, tags, created_via, created_at, updated_at, phone,
              case_kind, case_date, case_source)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, 'import', ?16, ?16, ?17, ?18, ?19, ?20)
            """)
        update = try raw.prepare(
            """
            UPDATE targets SET name = ?3, kind = ?4, division = ?5, street = ?6, grid = ?7, address = ?8, industry = ?9,
              risk_class = ?10, status = ?11, status_date = ?12, last_random_inspection = ?13, legal_representative = ?14,
              tags = ?15, updated_at = ?16, phone = ?17, case_kind = ?18, case_date = ?19, case_source = ?20
            WHERE department_code = ?1 AND uid = ?2
            """)
        lookup = try raw.prepare("SELECT \(TargetStore.columns) FROM targets WHERE department_code = ?1 AND uid = ?2")
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
            var new = record
            new.id = old.id
            if new == old {
                counts.unchanged += 1
                continue
            }
            counts.changed += 1
            if new.status == .deregistered && old.status != .deregistered { counts.nowDeregistered += 1 }
            changes.add(row: rows[safe: index], key: record.uid, old: TargetInput(old), new: TargetInput(new), columns: TargetSync.columns)
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

    private func bind(_ target: Target, to statement: SQLiteRawStatement) {
        statement.bind(1, target.departmentCode)
        statement.bind(2, target.uid)
        statement.bind(3, target.name)
        statement.bind(4, target.kind.rawValue)
        statement.bind(5, target.division)
        statement.bind(6, target.street)
        statement.bind(7, target.grid)
        statement.bind(8, target.address)
        statement.bind(9, target.industry)
        statement.bind(10, target.riskClass.rawValue)
        statement.bind(11, target.status.rawValue)
        statement.bind(12, target.statusDate?.iso)
        statement.bind(13, target.lastRandomInspection?.iso)
        statement.bind(14, target.legalRepresentative)
        statement.bind(15, ListColumn.encode(target.tags))
        statement.bind(16, now)
        statement.bind(17, target.phone)
        statement.bind(18, target.caseFlag?.kind.rawValue)
        statement.bind(19, target.caseFlag?.date.iso)
        statement.bind(20, target.caseFlag?.source)
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
        return TargetRow(
            id: lookup.int64(0), departmentCode: lookup.text(1) ?? "", uid: lookup.text(2) ?? "", name: lookup.text(3) ?? "",
            kind: lookup.text(4) ?? "", division: lookup.text(5) ?? "", street: lookup.text(6) ?? "", grid: lookup.text(7) ?? "",
            address: lookup.text(8) ?? "", industry: lookup.text(9) ?? "", riskClass: lookup.text(10) ?? "",
            status: lookup.text(11) ?? "", statusDate: lookup.text(12), lastRandomInspection: lookup.text(13),
            legalRepresentative: lookup.text(14) ?? "", tags: lookup.text(15) ?? "[]",
            phone: lookup.text(16) ?? "", caseKind: lookup.text(17), caseDate: lookup.text(18), caseSource: lookup.text(19)
        ).target
    }
}
