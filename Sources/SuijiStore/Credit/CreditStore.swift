// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// One change of a target's risk class in one department's library (§19).
public struct RiskClassChange: Sendable, Codable, Equatable {
    public var targetUID: String
    public var department: String
    public var from: RiskClass
    public var to: RiskClass
    public var reason: String
    public var inspectionID: Int64?
    /// When the change was made (timestamp text).
    public var at: String
}

/// The targets' credit records (§19): each published result is appended under the target's
/// uid and the risk class of the target's rows in every department library is recomputed by
/// `CreditRule`, each change kept in `risk_class_history`. The next draw reads the class in
/// force when it is prepared.
public struct CreditStore: Sendable {
    public let database: SuijiDatabase

    public init(database: SuijiDatabase) {
        self.database = database
    }

    /// Appends the credit record of `inspection`, published by `caller`, and applies `rule`
    /// to the target's risk class: called inside the publishing transaction.
    public static func record(
        inspection: Inspection, caller: Caller, rule: CreditRule = .standard, on db: any SQLDatabase
    ) async throws {
        let today = CalendarDate(chinaDateOf: caller.at)
        let uid = inspection.target.uid
        let now = Timestamp.format(caller.at)
        let record = CreditRecord(inspection: inspection, date: today)
        try await db.raw(
            """
            INSERT INTO credit_records (target_uid, inspection_id, published_on, department, categories, problem, serious, created_at)
            VALUES (\(bind: uid), \(bind: inspection.id), \(bind: today.iso), \(bind: record.department),
              \(bind: try JSONText.encode(record.categories)), \(bind: record.problem ? 1 : 0), \(bind: record.serious ? 1 : 0), \(bind: now))
            """
        ).run()
        try await AuditLog.append(db, caller: caller, action: "credit-record", entity: "target", entityID: uid, detail: record)
        try await reclassify(uid: uid, inspectionID: inspection.id, action: "risk-class", caller: caller, on: db) {
            let decision = rule.newClass(current: $0, history: $1, today: today, lastLowered: $2)
            return decision.riskClass == $0 ? nil : decision
        }
    }

    /// The credit record of target `uid`, oldest first.
    public func records(uid: String, scope: DepartmentScope) async throws -> [CreditRecord] {
        try await database.read { db in
            try await Self.requireVisible(uid, scope, on: db)
            return try await Self.records(uid: uid, on: db)
        }
    }

    /// The risk-class changes of target `uid` in the libraries of `scope`, oldest first.
    public func history(uid: String, scope: DepartmentScope) async throws -> [RiskClassChange] {
        try await database.read { db in
            try await Self.requireVisible(uid, scope, on: db)
            let rows = try await db.raw(
                """
                SELECT department, from_class, to_class, reason, inspection_id, at FROM risk_class_history
                WHERE target_uid = \(bind: uid) ORDER BY id
                """
            ).all()
            return try rows.compactMap { row in
                let department = try row.decode(column: "department", as: String.self)
                guard scope.contains(department) else { return nil }
                return RiskClassChange(
                    targetUID: uid, department: department,
                    from: RiskClass(rawValue: try row.decode(column: "from_class", as: String.self)) ?? .b,
                    to: RiskClass(rawValue: try row.decode(column: "to_class", as: String.self)) ?? .b,
                    reason: try row.decode(column: "reason", as: String.self),
                    inspectionID: try row.decode(column: "inspection_id", as: Int64?.self),
                    at: try row.decode(column: "at", as: String.self))
            }
        }
    }

    static func records(uid: String, on db: any SQLDatabase) async throws -> [CreditRecord] {
        let rows = try await db.raw(
            """
            SELECT inspection_id, published_on, department, categories, problem, serious FROM credit_records
            WHERE target_uid = \(bind: uid) ORDER BY published_on, id
            """
        ).all()
        return try rows.map { row in
            CreditRecord(
                inspectionID: try row.decode(column: "inspection_id", as: Int64.self),
                date: CalendarDate(iso: try row.decode(column: "published_on", as: String.self))!,
                department: try row.decode(column: "department", as: String.self),
                categories: try JSONText.decode([String].self, try row.decode(column: "categories", as: String.self)),
                problem: try row.decode(column: "problem", as: Int.self) != 0, serious: try row.decode(column: "serious", as: Int.self) != 0
            )
        }
    }

    /// Targets are read like the libraries: the office and overseers all, others only a target
    /// of their own department's library.
    static func requireVisible(_ uid: String, _ scope: DepartmentScope, on db: any SQLDatabase) async throws {
        var sql: SQLQueryString = "SELECT uid FROM targets WHERE uid = \(bind: uid)"
        if case .only(let department) = scope { sql += " AND department_code = \(bind: department)" }
        guard try await db.raw(sql).first() != nil else { throw LibraryError.notFound(entity: "检查对象", id: uid) }
    }
}
