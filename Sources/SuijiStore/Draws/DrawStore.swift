// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore
import SuijiDraw

/// Verifiable draws: prepare (inputs fixed) → commit (every department's commitment, then
/// published and immutable) → reveal (secrets, public value) → execute (the published record).
public struct DrawStore: Sendable {
    public let database: SuijiDatabase

    public init(database: SuijiDatabase) {
        self.database = database
    }

    /// A draw, if `account` may read its plan.
    public func get(_ id: String, for account: Account) async throws -> DrawSummary {
        let (row, departments) = try await database.read { db in try await Self.load(id, on: db) }
        _ = try await PlanStore(database: database).get(id: row.planId, for: account)
        return row.summary(departments)
    }

    /// Draws of the plans `account` may read, newest first; optionally of one batch.
    public func list(for account: Account, batchID: Int64? = nil) async throws -> [DrawSummary] {
        try await list(of: try await PlanStore(database: database).list(for: account), batchID: batchID)
    }

    /// Draws of `plans` (read by the caller for its account), newest first; optionally of one batch.
    public func list(of plans: [Plan], batchID: Int64? = nil) async throws -> [DrawSummary] {
        let planIDs = Set(plans.map(\.id))
        return try await database.read { db in
            var sql: SQLQueryString = "SELECT \(unsafeRaw: DrawRow.columns) FROM draws"
            if let batchID { sql += " WHERE batch_id = \(bind: batchID)" }
            let rows = try await db.raw(sql + " ORDER BY prepared_at DESC, id DESC")
                .all(decoding: DrawRow.self, keyDecodingStrategy: .convertFromSnakeCase).filter { planIDs.contains($0.planId) }
            // Every draw's departments in one query.
            var departments: [String: [DepartmentRow]] = [:]
            for row in try await db.raw(
                """
                SELECT draw_id, position, department, commitment, committed_at, secret, revealed_at FROM draw_departments
                ORDER BY draw_id, position
                """
            ).all() {
                departments[try row.decode(column: "draw_id", as: String.self), default: []].append(
                    try row.decode(model: DepartmentRow.self, keyDecodingStrategy: .convertFromSnakeCase))
            }
            return rows.map { $0.summary(departments[$0.id] ?? []) }
        }
    }

    /// The draw's files published so far: after commit the inputs and the commitment; after
    /// execution the whole bundle. Empty while only prepared.
    public func publishedFiles(_ id: String) async throws -> [String: [UInt8]] {
        try await publishedFiles(id, only: nil)
    }

    /// One published file of the draw, without reading the others (the pool can be large).
    public func publishedFile(_ id: String, name: String) async throws -> [UInt8]? {
        try await publishedFiles(id, only: name)[name]
    }

    /// The files public before execution, once every commitment is in.
    static let committedFiles: Set<String> = [
        "pool.txt", "excluded.txt", "parameters.txt", "inspectors.txt", "conflicts.txt", "commitment.txt",
    ]

    func publishedFiles(_ id: String, only name: String?) async throws -> [String: [UInt8]] {
        try await database.read { db in
            let (row, _) = try await Self.load(id, on: db)
            guard row.state.publishesFiles else { return [:] }
            let files = try await Self.files(id, only: name, on: db)
            if row.state.publishesAllFiles { return files }
            return files.filter { Self.committedFiles.contains($0.key) }
        }
    }

    /// The full public bundle of an executed draw.
    public func bundle(_ id: String) async throws -> DrawBundle {
        let summary = try await database.read { db in try await Self.load(id, on: db).0 }
        try summary.state.require(.readRecord, draw: id)
        return DrawBundle(files: try await database.read { db in try await Self.files(id, on: db) })
    }

    static func load(_ id: String, on db: any SQLDatabase) async throws -> (DrawRow, [DepartmentRow]) {
        guard
            let row = try await db.raw("SELECT \(unsafeRaw: DrawRow.columns) FROM draws WHERE id = \(bind: id)")
                .first(decoding: DrawRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        else { throw PlanError.notFound("未找到抽取记录 \(id)") }
        return (row, try await departments(id, on: db))
    }

    static func departments(_ id: String, on db: any SQLDatabase) async throws -> [DepartmentRow] {
        try await db.raw(
            """
            SELECT position, department, commitment, committed_at, secret, revealed_at FROM draw_departments
            WHERE draw_id = \(bind: id) ORDER BY position
            """
        ).all(decoding: DepartmentRow.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    static func plan(_ id: Int64, on db: any SQLDatabase) async throws -> Plan {
        guard let plan = try await PlanStore.load(id: id, on: db) else { throw PlanError.notFound("未找到计划（\(id)）") }
        return plan
    }
}
