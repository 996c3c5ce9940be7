// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// Upserts for the small libraries (hundreds of rows), one statement per changed row.
enum SmallLibrarySync {
    /// Inspectors by certificate number; a number held in another department is refused.
    static func inspectors(_ records: [Inspector], rows: [Int], department: String, now: String, on db: any SQLDatabase) async throws
        -> SyncCounts
    {
        var changes = ChangeList()
        let columns = SheetMapping<InspectorInput>.inspectors.fieldHeaders
        let existing = try await db.raw("SELECT \(unsafeRaw: InspectorStore.columns) FROM inspectors")
            .all(decoding: InspectorRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.inspector)
        let byNumber = Dictionary(existing.map { ($0.certificateNumber, $0) }, uniquingKeysWith: { first, _ in first })
        var counts = SyncCounts()
        for (index, record) in records.enumerated() {
            if let old = byNumber[record.certificateNumber] {
                guard old.departmentCode == department else {
                    throw LibraryError.duplicate(field: "certificateNumber", value: record.certificateNumber)
                }
                var new = record
                new.id = old.id
                if new == old {
                    counts.unchanged += 1
                } else {
                    try await InspectorStore.update(new, now: now, on: db)
                    counts.changed += 1
                    changes.add(
                        row: rows[safe: index], key: record.certificateNumber, old: InspectorInput(old), new: InspectorInput(new),
                        columns: columns)
                }
            } else {
                _ = try await InspectorStore.insert(record, now: now, on: db)
                counts.added += 1
            }
        }
        return counts.listing(changes)
    }

    /// Experts by name and organisation.
    static func experts(_ records: [Expert], rows: [Int], department: String, now: String, on db: any SQLDatabase) async throws
        -> SyncCounts
    {
        var changes = ChangeList()
        let columns = SheetMapping<ExpertInput>.experts.fieldHeaders
        let existing = try await db.raw(
            "SELECT \(unsafeRaw: ExpertStore.columns) FROM experts WHERE department_code = \(bind: department)"
        ).all(decoding: ExpertRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.expert)
        let byKey = Dictionary(existing.map { ("\($0.name)|\($0.organisation)", $0) }, uniquingKeysWith: { first, _ in first })
        var counts = SyncCounts()
        for (index, record) in records.enumerated() {
            if let old = byKey["\(record.name)|\(record.organisation)"] {
                var new = record
                new.id = old.id
                if new == old {
                    counts.unchanged += 1
                } else {
                    try await db.raw(
                        """
                        UPDATE experts SET kind = \(bind: new.kind.rawValue), expertise = \(bind: ListColumn.encode(new.expertise)),
                          contact = \(bind: new.contact), updated_at = \(bind: now) WHERE id = \(bind: old.id)
                        """
                    ).run()
                    counts.changed += 1
                    changes.add(row: rows[safe: index], key: record.name, old: ExpertInput(old), new: ExpertInput(new), columns: columns)
                }
            } else {
                _ = try await ExpertStore.insert(record, now: now, on: db)
                counts.added += 1
            }
        }
        return counts.listing(changes)
    }

    /// Items by code; a changed item gets a new version.
    static func items(_ records: [CheckItem], rows: [Int], department: String, caller: Caller, on db: any SQLDatabase) async throws
        -> SyncCounts
    {
        var changes = ChangeList()
        let columns = SheetMapping<CheckItemInput>.items.fieldHeaders
        let now = Timestamp.format(caller.at)
        let existing = try await db.raw(
            "\(unsafeRaw: CheckItemStore.select) WHERE i.department_code = \(bind: department) AND v.version = i.current_version"
        ).all(decoding: CheckItemRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.item)
        let byCode = Dictionary(existing.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var counts = SyncCounts()
        for (index, record) in records.enumerated() {
            if let old = byCode[record.code] {
                if record.sameContent(as: old) {
                    counts.unchanged += 1
                } else {
                    var new = record
                    new.id = old.id
                    new.version = old.version + 1
                    try await CheckItemStore.insertVersion(new, now: now, by: caller.account.username, on: db)
                    try await db.raw("UPDATE check_items SET current_version = \(bind: new.version) WHERE id = \(bind: old.id)").run()
                    counts.changed += 1
                    changes.add(
                        row: rows[safe: index], key: record.code, old: CheckItemInput(old), new: CheckItemInput(record), columns: columns)
                }
            } else {
                _ = try await CheckItemStore.insert(record, now: now, by: caller.account.username, on: db)
                counts.added += 1
            }
        }
        return counts.listing(changes)
    }
}
