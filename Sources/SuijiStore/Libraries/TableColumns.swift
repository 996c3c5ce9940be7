// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit

/// A column that a record's write sets, and its value for a record (text, or nil for NULL).
struct TableColumn<Record>: Sendable {
    let name: String
    let value: @Sendable (Record) -> String?
}

/// A table's columns, declared once: a read selects `id` and the attributes, an INSERT and an
/// UPDATE set the attributes from the same list (`TargetColumns`, `InspectorStore.columnList`,
/// `ExpertStore.columnList`). A new column is added to the list (and to the row type, which
/// SQLKit decodes by name).
struct TableColumns<Record>: Sendable {
    let table: String
    /// The record's own attributes, in the order they are selected after `id`.
    let attributes: [TableColumn<Record>]
    /// How many of the first attributes are the record's key, which an update never changes.
    let keyCount: Int

    /// The columns a read selects: `id`, then the attributes.
    var selected: [String] { ["id"] + attributes.map(\.name) }

    /// `selected`, for a SELECT.
    var selectList: String { selected.joined(separator: ", ") }

    /// The columns an INSERT sets: the attributes, then `extra`, then `created_at` and `updated_at`.
    func inserted(extra: [String] = []) -> [String] {
        attributes.map(\.name) + extra + ["created_at", "updated_at"]
    }

    /// An INSERT's values for `record`, in `inserted(extra:)`'s order.
    func insertValues(_ record: Record, extra: [any Encodable & Sendable] = [], now: String) -> [any Encodable & Sendable] {
        attributes.map { $0.value(record) as (any Encodable & Sendable) } + extra + [now, now]
    }

    /// Inserts `record`; its id.
    func insert(_ record: Record, now: String, on db: any SQLDatabase) async throws -> Int64 {
        let row = try await db.insert(into: table).columns(inserted()).values(insertValues(record, now: now)).returning("id").first()
        return try row!.decode(column: "id", as: Int64.self)
    }

    /// `UPDATE <table> SET … WHERE id = ?` for `record` (every attribute but the key, and `updated_at`).
    func update(_ record: Record, id: Int64, now: String) -> SQLQueryString {
        var sql: SQLQueryString = "UPDATE \(unsafeRaw: table) SET "
        for column in attributes.dropFirst(keyCount) {
            sql += "\(ident: column.name) = \(bind: column.value(record)), "
        }
        return sql + "updated_at = \(bind: now) WHERE id = \(bind: id)"
    }
}
