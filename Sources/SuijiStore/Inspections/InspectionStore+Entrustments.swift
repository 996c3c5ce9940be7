// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

extension InspectionStore {
    /// Records that the team entrusted a professional body or an expert of the expert library
    /// with part of the inspection (§16.2): only a member of the team while results are open.
    public func entrust(id: Int64, _ input: EntrustmentInput, caller: Caller) async throws -> Entrustment {
        try await changing(id, caller: caller) { inspection, db in
            try InspectionPolicy.requireEntry(caller.account, inspection)
            var expertName: String?
            if input.kind == .expert, let expertID = input.expertID,
                let row = try await db.raw("SELECT name, department_code FROM experts WHERE id = \(bind: expertID)").first()
            {
                // The expert libraries of the plan's departments only.
                if inspection.departments.contains(try row.decode(column: "department_code", as: String.self)) {
                    expertName = try row.decode(column: "name", as: String.self)
                }
            }
            var entrustment = try input.entrustment(
                inspection: inspection, expertName: expertName, username: caller.account.username,
                today: CalendarDate(chinaDateOf: caller.at), at: caller.at)
            let now = Timestamp.format(caller.at)
            let row = try await db.raw(
                """
                INSERT INTO inspection_entrustments (inspection_id, body, created_at) VALUES (\(bind: id), '{}', \(bind: now)) RETURNING id
                """
            ).first()
            entrustment.id = try row!.decode(column: "id", as: Int64.self)
            try await db.raw(
                "UPDATE inspection_entrustments SET body = \(bind: try JSONText.encode(entrustment)) WHERE id = \(bind: entrustment.id)"
            ).run()
            try await db.raw("UPDATE inspections SET updated_at = \(bind: now) WHERE id = \(bind: id)").run()
            try await AuditLog.append(
                db, caller: caller, action: "entrust", entity: "inspection", entityID: String(id), detail: entrustment)
            return entrustment
        }
    }

    /// The entrustments of an inspection `account` may read, oldest first.
    public func entrustments(id: Int64, for account: Account) async throws -> [Entrustment] {
        _ = try await get(id: id, for: account)
        return try await database.read { db in try await Self.entrustments(inspection: id, on: db) }
    }

    static func entrustments(inspection id: Int64, on db: any SQLDatabase) async throws -> [Entrustment] {
        try await db.raw("SELECT body FROM inspection_entrustments WHERE inspection_id = \(bind: id) ORDER BY id").all().map {
            try JSONText.decode(Entrustment.self, try $0.decode(column: "body", as: String.self))
        }
    }
}
