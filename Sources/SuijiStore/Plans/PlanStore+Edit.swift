// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

extension PlanStore {
    /// Replaces a draft plan's content (initiator's admin, draft only; `PlanPolicy`). Its code may
    /// change while nothing refers to it; its batches stay and must still fit the new window.
    public func update(id: Int64, _ plan: Plan, caller: Caller) async throws -> Plan {
        try await database.write { db in
            guard let current = try await Self.load(id: id, on: db), PlanPolicy.canRead(caller.account, current) else {
                throw PlanError.notFound("未找到计划（\(id)），或无权查看")
            }
            try PlanPolicy.requireDraftEditor(caller.account, current)
            var updated = plan
            updated.id = id
            updated.initiator = current.initiator
            updated.state = current.state
            updated.published = current.published
            var issues = updated.validate()
            for batch in try await Self.batches(planID: id, on: db) {
                issues += batch.validate(in: updated).filter { $0.field == "start" }.map {
                    FieldIssue(field: "windowStart", message: "批次 \(batch.code)：\($0.message)")
                }
            }
            guard issues.isEmpty else { throw PlanError.invalid(issues) }
            try await Self.requireKnown(updated, on: db)
            if updated.code != current.code,
                try await db.raw("SELECT id FROM plans WHERE code = \(bind: updated.code)").first() != nil
            {
                throw PlanError.conflict("计划编号 \(updated.code) 已存在")
            }
            try await db.raw(
                """
                UPDATE plans SET code = \(bind: updated.code), name = \(bind: updated.name), year = \(bind: updated.year),
                  participants = \(bind: try JSONText.encode(updated.participants)), items = \(bind: try JSONText.encode(updated.items)),
                  scope = \(bind: try JSONText.encode(updated.scope)), window_start = \(bind: updated.windowStart.iso),
                  window_end = \(bind: updated.windowEnd.iso), notes = \(bind: updated.notes), updated_at = \(bind: Timestamp.format(caller.at))
                WHERE id = \(bind: id)
                """
            ).run()
            try await AuditLog.append(db, caller: caller, action: "update", entity: "plan", entityID: updated.code, detail: updated)
            return updated
        }
    }

    /// Deletes a draft plan and its batches (initiator's admin, draft only). A draft has no draws;
    /// a plan produced by a merge is kept with its merge record.
    public func delete(id: Int64, caller: Caller) async throws {
        try await database.write { db in
            guard let plan = try await Self.load(id: id, on: db), PlanPolicy.canRead(caller.account, plan) else {
                throw PlanError.notFound("未找到计划（\(id)），或无权查看")
            }
            try PlanPolicy.requireDraftEditor(caller.account, plan)
            if try await db.raw(
                "SELECT 1 AS found FROM plan_merges WHERE merged_plan_id = \(bind: id) OR source_plan_id = \(bind: id)"
            ).first() != nil {
                throw PlanError.conflict("该计划有合并记录，不能删除")
            }
            if try await db.raw("SELECT 1 AS found FROM draws WHERE plan_id = \(bind: id)").first() != nil {
                throw PlanError.conflict("该计划已有抽取记录，不能删除")
            }
            try await db.raw("DELETE FROM batches WHERE plan_id = \(bind: id)").run()
            try await db.raw("DELETE FROM plans WHERE id = \(bind: id)").run()
            try await AuditLog.append(db, caller: caller, action: "delete", entity: "plan", entityID: plan.code, detail: plan)
        }
    }

    /// Replaces a batch that has no draw yet (`PlanPolicy.requireBatchEditor`).
    public func updateBatch(id: Int64, _ batch: Batch, caller: Caller) async throws -> Batch {
        try await database.write { db in
            let (plan, current) = try await Self.editableBatch(id: id, caller: caller, on: db)
            var updated = batch
            updated.id = id
            updated.planID = plan.id
            let issues = updated.validate(in: plan)
            guard issues.isEmpty else { throw PlanError.invalid(issues) }
            if updated.code != current.code,
                try await db.raw("SELECT id FROM batches WHERE plan_id = \(bind: plan.id) AND code = \(bind: updated.code)").first() != nil
            {
                throw PlanError.conflict("批次编号 \(updated.code) 已存在")
            }
            try await db.raw(
                """
                UPDATE batches SET code = \(bind: updated.code), start_date = \(bind: updated.start.iso), end_date = \(bind: updated.end.iso),
                  size = \(bind: try JSONText.encode(updated.size)), cross_unit = \(bind: updated.crossUnit ? 1 : 0),
                  cap_extra = \(bind: updated.capExtra)
                WHERE id = \(bind: id)
                """
            ).run()
            try await AuditLog.append(db, caller: caller, action: "update-batch", entity: "plan", entityID: plan.code, detail: updated)
            return updated
        }
    }

    /// Deletes a batch that has no draw yet.
    public func deleteBatch(id: Int64, caller: Caller) async throws {
        try await database.write { db in
            let (plan, batch) = try await Self.editableBatch(id: id, caller: caller, on: db)
            try await db.raw("DELETE FROM batches WHERE id = \(bind: id)").run()
            try await AuditLog.append(db, caller: caller, action: "delete-batch", entity: "plan", entityID: plan.code, detail: batch)
        }
    }

    /// The batch and its plan, if `caller` may change the batch now.
    static func editableBatch(id: Int64, caller: Caller, on db: any SQLDatabase) async throws -> (Plan, Batch) {
        guard
            let row = try await db.raw(
                "SELECT id, plan_id, code, start_date, end_date, size, cross_unit, cap_extra FROM batches WHERE id = \(bind: id)"
            ).first(decoding: BatchRow.self, keyDecodingStrategy: .convertFromSnakeCase),
            let plan = try await load(id: row.planId, on: db), PlanPolicy.canRead(caller.account, plan)
        else { throw PlanError.notFound("未找到批次（\(id)）") }
        let drawn = try await db.raw("SELECT 1 AS found FROM draws WHERE batch_id = \(bind: id)").first() != nil
        try PlanPolicy.requireBatchEditor(caller.account, plan, batchHasDraws: drawn)
        return (plan, try row.batch())
    }

    static func batches(planID: Int64, on db: any SQLDatabase) async throws -> [Batch] {
        try await db.raw(
            "SELECT id, plan_id, code, start_date, end_date, size, cross_unit, cap_extra FROM batches WHERE plan_id = \(bind: planID) ORDER BY id"
        ).all(decoding: BatchRow.self, keyDecodingStrategy: .convertFromSnakeCase).map { try $0.batch() }
    }
}
