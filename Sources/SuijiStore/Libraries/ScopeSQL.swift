// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// The WHERE clause every library listing starts with: the caller's department scope, the
/// optional department filter, the search text and the allowed equality filters.
struct ListingFilter {
    /// A LIKE pattern matching any text that contains `text` (its own `%` and `_` dropped).
    static func containsPattern(_ text: String) -> String {
        "%" + text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
    }

    let scope: DepartmentScope
    let query: ListQuery
    /// Columns searched with LIKE.
    let searchColumns: [String]
    /// Columns that `query.filters` may name.
    let allowedFilters: Set<String>

    /// ` ORDER BY` the query's sort key when `columns` (key → column) allows it, then `fallback`
    /// (which makes the order total); only whitelisted column names reach the SQL.
    func orderBy(_ columns: [String: String], fallback: String) -> SQLQueryString {
        guard let sort = query.sort, let column = columns[sort.key] else { return " ORDER BY \(unsafeRaw: fallback)" }
        return " ORDER BY \(unsafeRaw: column) \(unsafeRaw: sort.descending ? "DESC" : "ASC"), \(unsafeRaw: fallback)"
    }

    var whereClause: SQLQueryString {
        var sql: SQLQueryString = "WHERE 1=1"
        switch scope {
        case .all: break
        case .only(let code): sql += " AND department_code = \(bind: code)"
        }
        if let department = query.department, !department.isEmpty {
            sql += " AND department_code = \(bind: department)"
        }
        if !query.search.isEmpty {
            let pattern = Self.containsPattern(query.search)
            let parts = searchColumns.map { column -> SQLQueryString in "\(unsafeRaw: column) LIKE \(bind: pattern)" }
            var any: SQLQueryString = " AND ("
            for (index, part) in parts.enumerated() {
                if index > 0 { any += " OR " }
                any += part
            }
            sql += any + ")"
        }
        for (column, value) in query.filters.sorted(by: { $0.key < $1.key })
        where allowedFilters.contains(column) && !value.isEmpty {
            sql += " AND \(unsafeRaw: column) = \(bind: value)"
        }
        return sql
    }
}

extension SQLDatabase {
    /// `SELECT COUNT(*)` for a listing.
    func count(from table: String, _ filter: SQLQueryString) async throws -> Int {
        let row = try await raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table) " + filter).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }
}
