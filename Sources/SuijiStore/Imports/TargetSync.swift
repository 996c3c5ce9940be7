// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// Registry sync of a target library: upsert by credit code (or stable id); targets missing
/// from the sheet are left as they are; status changes are kept as history.
struct TargetSyncPlan: Sendable {
    var inserts: [Target] = []
    var updates: [(old: Target, new: Target)] = []
    var counts = SyncCounts()

    /// Compares the sheet's records (from sheet rows `rows`) with the library's current targets,
    /// keyed by uid, and lists the fields each update changes.
    init(records: [Target], rows: [Int], existing: [String: Target]) {
        if existing.isEmpty {  // a first import: no comparison, no copies
            inserts = records
            counts.added = records.count
            return
        }
        var changes = ChangeList()
        let columns = SheetMapping<TargetInput>.targets.fieldHeaders
        for (index, record) in records.enumerated() {
            guard let old = existing[record.uid] else {
                inserts.append(record)
                continue
            }
            var new = record
            new.id = old.id
            if new == old {
                counts.unchanged += 1
            } else {
                updates.append((old, new))
                if new.status == .deregistered && old.status != .deregistered { counts.nowDeregistered += 1 }
                changes.add(
                    row: index < rows.count ? rows[index] : 0, key: record.uid, old: TargetInput(old), new: TargetInput(new),
                    columns: columns)
            }
        }
        counts.changes = changes.changes
        counts.unlisted = changes.unlisted
        counts.added = inserts.count
        counts.changed = updates.count
    }

    var total: Int { inserts.count + updates.count }
}

/// Applies a sync through SQLKit (PostgreSQL, in-memory SQLite), with multi-row INSERTs.
struct TargetSync: Sendable {
    let department: String
    let caller: Caller
    let progress: (@Sendable (ImportProgress) -> Void)?

    /// Rows per multi-row INSERT (22 binds each stays under PostgreSQL's 65,535).
    static let chunk = 2_000

    func apply(_ records: [Target], rows: [Int], on db: any SQLDatabase) async throws -> SyncCounts {
        let now = Timestamp.format(caller.at)
        let existing = try await db.raw(
            "SELECT \(unsafeRaw: TargetStore.columns) FROM targets WHERE department_code = \(bind: department)"
        ).all(decoding: TargetRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        var byUID: [String: Target] = [:]
        byUID.reserveCapacity(existing.count)
        for row in existing { byUID[row.uid] = row.target }
        let plan = TargetSyncPlan(records: records, rows: rows, existing: byUID)
        var done = 0
        for start in stride(from: 0, to: plan.inserts.count, by: Self.chunk) {
            let slice = plan.inserts[start..<min(start + Self.chunk, plan.inserts.count)]
            try await insert(slice, now: now, on: db)
            done += slice.count
            progress?(ImportProgress(phase: "write", done: done, total: plan.total))
        }
        for (old, new) in plan.updates {
            try await TargetStore.update(new, now: now, on: db)
            if new.status != old.status || new.statusDate != old.statusDate {
                try await TargetStore.recordStatus(id: new.id, from: old.status, to: new, now: now, source: "import", on: db)
            }
            done += 1
            if done % 10_000 == 0 { progress?(ImportProgress(phase: "write", done: done, total: plan.total)) }
        }
        progress?(ImportProgress(phase: "write", done: plan.total, total: plan.total))
        return plan.counts
    }

    private func insert(_ targets: ArraySlice<Target>, now: String, on db: any SQLDatabase) async throws {
        var insert = db.insert(into: "targets").columns(
            "department_code", "uid", "name", "kind", "division", "street", "grid", "address", "industry", "risk_class",
            "status", "status_date", "last_random_inspection", "legal_representative", "tags", "created_via", "created_at", "updated_at",
            "phone", "case_kind", "case_date", "case_source")
        for target in targets {
            let values: [any Encodable & Sendable] = [
                target.departmentCode, target.uid, target.name, target.kind.rawValue, target.division, target.street,
                target.grid, target.address, target.industry, target.riskClass.rawValue, target.status.rawValue,
                target.statusDate?.iso, target.lastRandomInspection?.iso, target.legalRepresentative,
                ListColumn.encode(target.tags), "import", now, now, target.phone, target.caseFlag?.kind.rawValue,
                target.caseFlag?.date.iso, target.caseFlag?.source,
            ]
            insert = insert.values(values)
        }
        let rows = try await insert.returning("id", "uid").all()
        var idOf: [String: Int64] = [:]
        for row in rows { idOf[try row.decode(column: "uid", as: String.self)] = try row.decode(column: "id", as: Int64.self) }
        var tags = db.insert(into: "target_tags").columns("target_id", "item_code")
        var tagCount = 0
        for target in targets {
            guard let id = idOf[target.uid] else { continue }
            for tag in Set(target.tags) {
                tags = tags.values([id, tag] as [any Encodable & Sendable])
                tagCount += 1
            }
        }
        if tagCount > 0 { try await tags.run() }
    }
}
