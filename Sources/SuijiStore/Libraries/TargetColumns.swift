// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// The `targets` table's columns, declared once (`TableColumns`): the SQLKit path (`TargetStore`,
/// `TargetSync`, `LibraryExporter`) and the raw SQLite path (`TargetSyncRaw`) build their SELECT,
/// INSERT and UPDATE from this list, and the raw path reads a row by these names, not by
/// hand-counted positions. A new column is added here (and in `TargetRow`, which SQLKit decodes by name).
enum TargetColumns {
    /// A column a target's write sets, and its value for a target (every one is text or NULL).
    typealias Column = TableColumn<Target>

    /// The target's own attributes, in the order they are selected after `id` and bound
    /// (`?1`, `?2`, … on the raw path). The first two are the key (`department_code`, `uid`),
    /// which an update never changes.
    static let attributes: [Column] = [
        Column(name: "department_code") { $0.departmentCode },
        Column(name: "uid") { $0.uid },
        Column(name: "name") { $0.name },
        Column(name: "kind") { $0.kind.rawValue },
        Column(name: "division") { $0.division },
        Column(name: "street") { $0.street },
        Column(name: "grid") { $0.grid },
        Column(name: "address") { $0.address },
        Column(name: "industry") { $0.industry },
        Column(name: "risk_class") { $0.riskClass.rawValue },
        Column(name: "status") { $0.status.rawValue },
        Column(name: "status_date") { $0.statusDate?.iso },
        Column(name: "last_random_inspection") { $0.lastRandomInspection?.iso },
        Column(name: "legal_representative") { $0.legalRepresentative },
        Column(name: "tags") { ListColumn.encode($0.tags) },
        Column(name: "phone") { $0.phone },
        Column(name: "case_kind") { $0.caseFlag?.kind.rawValue },
        Column(name: "case_date") { $0.caseFlag?.date.iso },
        Column(name: "case_source") { $0.caseFlag?.source },
    ]

    /// The key columns (`department_code`, `uid`): the first `keyCount` attributes.
    static let keyCount = 2

    /// The table, its attributes and key.
    static let table = TableColumns(table: "targets", attributes: attributes, keyCount: keyCount)

    /// The columns a read selects: `id`, then the attributes.
    static let selected = table.selected

    /// `selected`, for a SELECT.
    static let selectList = table.selectList

    /// Each selected column's position in a row (`id` is 0).
    static let position = Dictionary(uniqueKeysWithValues: selected.enumerated().map { ($0.element, Int32($0.offset)) })

    /// The columns an INSERT sets: the attributes, then how and when the target was created.
    static let inserted = table.inserted(extra: ["created_via"])

    /// An INSERT's values for `target`, in `inserted`'s order.
    static func insertValues(_ target: Target, via: String, now: String) -> [any Encodable & Sendable] {
        table.insertValues(target, extra: [via], now: now)
    }

    /// `UPDATE targets SET … WHERE id = ?` for `target` (every attribute but the key, and `updated_at`).
    static func update(_ target: Target, now: String) -> SQLQueryString {
        table.update(target, id: target.id, now: now)
    }

    /// The raw path's INSERT: attribute *i* bound at `?i`, `now` at `?nowIndex`.
    static let rawInsert =
        "INSERT INTO targets (\(inserted.joined(separator: ", "))) VALUES ("
        + (1...attributes.count).map { "?\($0)" }.joined(separator: ", ") + ", 'import', ?\(nowIndex), ?\(nowIndex))"

    /// The raw path's UPDATE by key: same binds as `rawInsert`.
    static let rawUpdate =
        "UPDATE targets SET "
        + attributes.enumerated().dropFirst(keyCount).map { "\($0.element.name) = ?\($0.offset + 1)" }.joined(separator: ", ")
        + ", updated_at = ?\(nowIndex) WHERE department_code = ?1 AND uid = ?2"

    /// Where the raw path binds the write's time.
    static let nowIndex = attributes.count + 1
}

extension TargetRow {
    /// A row read by column name (`TargetColumns.selected`) through `text`; `id` given apart.
    init(id: Int64, text: (String) -> String?) {
        self.init(
            id: id, departmentCode: text("department_code") ?? "", uid: text("uid") ?? "", name: text("name") ?? "",
            kind: text("kind") ?? "", division: text("division") ?? "", street: text("street") ?? "", grid: text("grid") ?? "",
            address: text("address") ?? "", industry: text("industry") ?? "", riskClass: text("risk_class") ?? "",
            status: text("status") ?? "", statusDate: text("status_date"), lastRandomInspection: text("last_random_inspection"),
            legalRepresentative: text("legal_representative") ?? "", tags: text("tags") ?? "[]", phone: text("phone") ?? "",
            caseKind: text("case_kind"), caseDate: text("case_date"), caseSource: text("case_source"))
    }
}
