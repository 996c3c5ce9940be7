// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore

/// Applies a target sync on a SQLite file with prepared statements reused row after row: the
/// path that makes a million-row import take seconds, not minutes. Same rows as `TargetSync`.
struct TargetSyncRaw {
    let department: String
    let now: String
    let progress: (@Sendable (ImportProgress) -> Void)?

    func apply(_ records: [Target], rows: [Int], on raw: SQLiteRaw) throws -> SyncCounts {
        let plan = TargetSyncPlan(records: records, rows: rows, existing: try existing(raw))
        let insert = try raw.prepare(
            """
            INSERT INTO targets (department_code, uid, name, kind, division, street, grid, address, industry, risk_class,
              status, status_date, last_random_inspection, legal_representative, tags, created_via, created_at, updated_at, phone,
              case_kind, case_date, case_source)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, 'import', ?16, ?16, ?17, ?18, ?19, ?20)
            """)
        let update = try raw.prepare(
            """
            UPDATE targets SET name = ?3, kind = ?4, division = ?5, street = ?6, grid = ?7, address = ?8, industry = ?9,
              risk_class = ?10, status = ?11, status_date = ?12, last_random_inspection = ?13, legal_representative = ?14,
              tags = ?15, updated_at = ?16, phone = ?17, case_kind = ?18, case_date = ?19, case_source = ?20
            WHERE department_code = ?1 AND uid = ?2
            """)
        let history = try raw.prepare(
            "INSERT INTO target_status_history (target_id, from_status, status, status_date, recorded_at, source) VALUES (?1, ?2, ?3, ?4, ?5, 'import')"
        )
        let clearTags = try raw.prepare("DELETE FROM target_tags WHERE target_id = ?1")
        let addTag = try raw.prepare("INSERT OR IGNORE INTO target_tags (target_id, item_code) VALUES (?1, ?2)")
        var done = 0
        progress?(ImportProgress(phase: "write", done: 0, total: plan.total))
        for target in plan.inserts {
            bind(target, to: insert)
            try insert.run()
            try tag(id: raw.lastInsertRowID, target.tags, add: addTag)
            done += 1
            if done % 100_000 == 0 { progress?(ImportProgress(phase: "write", done: done, total: plan.total)) }
        }
        for (old, new) in plan.updates {
            bind(new, to: update)
            try update.run()
            if new.status != old.status || new.statusDate != old.statusDate {
                try record(id: old.id, from: old.status, new, history: history)
            }
            if new.tags != old.tags {
                clearTags.bind(1, old.id)
                try clearTags.run()
                try tag(id: old.id, new.tags, add: addTag)
            }
            done += 1
            if done % 100_000 == 0 { progress?(ImportProgress(phase: "write", done: done, total: plan.total)) }
        }
        progress?(ImportProgress(phase: "write", done: plan.total, total: plan.total))
        return plan.counts
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

    private func record(id: Int64, from old: TargetStatus, _ target: Target, history: SQLiteRawStatement) throws {
        history.bind(1, id)
        history.bind(2, old.rawValue)
        history.bind(3, target.status.rawValue)
        history.bind(4, target.statusDate?.iso)
        history.bind(5, now)
        try history.run()
    }

    private func tag(id: Int64, _ tags: [String], add: SQLiteRawStatement) throws {
        for tag in tags {
            add.bind(1, id)
            add.bind(2, tag)
            try add.run()
        }
    }

    private func existing(_ raw: SQLiteRaw) throws -> [String: Target] {
        let select = try raw.prepare("SELECT \(TargetStore.columns) FROM targets WHERE department_code = ?1")
        select.bind(1, department)
        var byUID: [String: Target] = [:]
        while try select.step() {
            let row = TargetRow(
                id: select.int64(0), departmentCode: select.text(1) ?? "", uid: select.text(2) ?? "", name: select.text(3) ?? "",
                kind: select.text(4) ?? "", division: select.text(5) ?? "", street: select.text(6) ?? "", grid: select.text(7) ?? "",
                address: select.text(8) ?? "", industry: select.text(9) ?? "", riskClass: select.text(10) ?? "",
                status: select.text(11) ?? "", statusDate: select.text(12), lastRandomInspection: select.text(13),
                legalRepresentative: select.text(14) ?? "", tags: select.text(15) ?? "[]", phone: select.text(16) ?? "",
                caseKind: select.text(17), caseDate: select.text(18), caseSource: select.text(19))
            byUID[row.uid] = row.target
        }
        return byUID
    }
}
