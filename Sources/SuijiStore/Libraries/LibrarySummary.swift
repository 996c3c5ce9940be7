// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// Per-department sizes of the libraries, for the home page.
public struct LibraryCounts: Sendable, Equatable {
    public var department: String
    public var targets: Int
    public var operatingTargets: Int
    public var items: Int
    public var inspectors: Int
    public var activeInspectors: Int
    public var experts: Int
}

/// Read-only figures across the libraries.
public struct LibrarySummary: Sendable {
    public let database: SuijiDatabase

    public init(database: SuijiDatabase) {
        self.database = database
    }

    /// Counts per department within `scope`, ordered by department code. Kept until the data
    /// changes: counting a library of a million targets takes a scan.
    public func counts(scope: DepartmentScope) async throws -> [LibraryCounts] {
        try await database.cached("library-counts") { db in try await Self.counts(on: db) }.filter { scope.contains($0.department) }
    }

    static func counts(on db: any SQLDatabase) async throws -> [LibraryCounts] {
        let departments = try await db.raw("SELECT code FROM departments ORDER BY code").all()
            .map { try $0.decode(column: "code", as: String.self) }
        func grouped(_ sql: SQLQueryString) async throws -> [String: (Int, Int)] {
            var result: [String: (Int, Int)] = [:]
            for row in try await db.raw(sql).all() {
                result[try row.decode(column: "department_code", as: String.self)] = (
                    try row.decode(column: "n", as: Int.self), try row.decode(column: "k", as: Int.self)
                )
            }
            return result
        }
        // One pass over each table: the rows and those in service.
        let targets = try await grouped(
            "SELECT department_code, COUNT(*) AS n, COUNT(CASE WHEN status = 'operating' THEN 1 END) AS k FROM targets GROUP BY department_code"
        )
        let items = try await grouped("SELECT department_code, COUNT(*) AS n, 0 AS k FROM check_items GROUP BY department_code")
        let inspectors = try await grouped(
            "SELECT department_code, COUNT(*) AS n, COUNT(CASE WHEN status = 'active' THEN 1 END) AS k FROM inspectors GROUP BY department_code"
        )
        let experts = try await grouped("SELECT department_code, COUNT(*) AS n, 0 AS k FROM experts GROUP BY department_code")
        return departments.map {
            LibraryCounts(
                department: $0, targets: targets[$0]?.0 ?? 0, operatingTargets: targets[$0]?.1 ?? 0, items: items[$0]?.0 ?? 0,
                inspectors: inspectors[$0]?.0 ?? 0, activeInspectors: inspectors[$0]?.1 ?? 0, experts: experts[$0]?.0 ?? 0)
        }
    }

    /// Inspectors in `scope` whose enforcement certificate expires on or before `date`.
    public func certificatesExpiring(scope: DepartmentScope, by date: CalendarDate) async throws -> [Inspector] {
        let filter = ListingFilter(scope: scope, query: ListQuery(), searchColumns: [], allowedFilters: [])
        return try await database.read { db in
            try await db.raw(
                "SELECT \(unsafeRaw: InspectorStore.columns) FROM inspectors " + filter.whereClause
                    + " AND status <> 'transferred' AND certificate_expiry <= \(bind: date.iso) ORDER BY certificate_expiry LIMIT 50"
            ).all(decoding: InspectorRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.inspector)
        }
    }
}
