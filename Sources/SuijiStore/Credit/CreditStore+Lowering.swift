// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

extension CreditStore {
    /// Applies the lowerings of `rule` due on `day` (the caller's day by default) to every
    /// target with a credit record, in every department library holding it: a target not
    /// inspected again is lowered once its clean span has lasted (`CreditRule.lowering`).
    /// One transaction; each change is kept in `risk_class_history` and audited. Idempotent: a
    /// lowering starts a new clean span, so a second run on the same day changes nothing.
    /// `day` may not lie after the caller's day.
    @discardableResult
    public func applyDueLowerings(on day: CalendarDate? = nil, caller: Caller, rule: CreditRule = .standard) async throws
        -> [RiskClassChange]
    {
        let today = CalendarDate(chinaDateOf: caller.at)
        let day = day ?? today
        guard day <= today else {
            throw LibraryError.invalid([FieldIssue(field: "date", message: "下调日期 \(day.iso) 不能晚于今天 \(today.iso)")])
        }
        return try await database.write { db in
            var changes: [RiskClassChange] = []
            let uids = try await db.raw("SELECT DISTINCT target_uid FROM credit_records ORDER BY target_uid").all().map {
                try $0.decode(column: "target_uid", as: String.self)
            }
            for uid in uids {
                changes += try await Self.reclassify(uid: uid, inspectionID: nil, action: "risk-class-lowering", caller: caller, on: db) {
                    rule.lowering(current: $0, history: $1, today: day, lastLowered: $2)
                }
            }
            return changes
        }
    }

    /// Applies `decide` (current class, credit record, last lowering → new class, or nil to keep
    /// it) to target `uid` in every department library holding it; keeps and audits each change.
    @discardableResult
    static func reclassify(
        uid: String, inspectionID: Int64?, action: String, caller: Caller, on db: any SQLDatabase,
        decide: (RiskClass, [CreditRecord], CalendarDate?) -> CreditDecision?
    ) async throws -> [RiskClassChange] {
        let history = try await records(uid: uid, on: db)
        let rows = try await db.raw("SELECT department_code, risk_class FROM targets WHERE uid = \(bind: uid) ORDER BY department_code")
            .all()
        var changes: [RiskClassChange] = []
        for row in rows {
            let department = try row.decode(column: "department_code", as: String.self)
            let current = RiskClass(rawValue: try row.decode(column: "risk_class", as: String.self)) ?? .b
            guard let decision = decide(current, history, try await lastLowered(uid: uid, department: department, on: db)) else { continue }
            let change = RiskClassChange(
                targetUID: uid, department: department, from: current, to: decision.riskClass, reason: decision.reason,
                inspectionID: inspectionID, at: Timestamp.format(caller.at))
            try await apply(change, on: db)
            try await AuditLog.append(db, caller: caller, action: action, entity: "target", entityID: uid, detail: change)
            changes.append(change)
        }
        return changes
    }

    /// The day the class of `uid` in `department` was last lowered, if ever.
    static func lastLowered(uid: String, department: String, on db: any SQLDatabase) async throws -> CalendarDate? {
        let lowered = try await db.raw(
            """
            SELECT at FROM risk_class_history WHERE target_uid = \(bind: uid) AND department = \(bind: department)
              AND to_class < from_class ORDER BY id DESC LIMIT 1
            """
        ).first().map { try $0.decode(column: "at", as: String.self) }
        return lowered.flatMap(StoredDate.parse).map { CalendarDate(chinaDateOf: $0) }
    }

    /// Sets the class of the target's row and keeps the change in the history.
    static func apply(_ change: RiskClassChange, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            UPDATE targets SET risk_class = \(bind: change.to.rawValue)
            WHERE uid = \(bind: change.targetUID) AND department_code = \(bind: change.department)
            """
        ).run()
        try await db.raw(
            """
            INSERT INTO risk_class_history (target_uid, department, from_class, to_class, reason, inspection_id, at)
            VALUES (\(bind: change.targetUID), \(bind: change.department), \(bind: change.from.rawValue), \(bind: change.to.rawValue),
              \(bind: change.reason), \(bind: change.inspectionID), \(bind: change.at))
            """
        ).run()
    }
}
