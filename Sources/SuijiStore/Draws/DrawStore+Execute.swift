// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore
import SuijiDraw

extension DrawStore {
    /// Executes a committed draw with the secrets revealed so far (a department that has not
    /// revealed counts as `missing`: nobody gains an abort option) and the public value if one
    /// was announced. Idempotent: a second call returns the same record.
    public func execute(_ id: String, caller: Caller) async throws -> DrawSummary {
        try await database.write { db in
            let (row, departments) = try await Self.load(id, on: db)
            var plan = try await Self.plan(row.planId, on: db)
            guard PlanPolicy.canRunDraws(caller.account, plan) else {
                throw PlanError.forbidden("只有发起部门（\(plan.initiator)）的管理员或联席会议办公室可以执行抽取")
            }
            if row.state == DrawState.executed.rawValue { return row.summary(departments) }
            guard row.state == DrawState.committed.rawValue else {
                throw PlanError.conflict("抽取 \(id) 还未发布全部承诺，不能执行")
            }
            if row.publicValueSource != nil && row.publicValue == nil {
                throw PlanError.conflict("抽取 \(id) 预告了公开随机值（\(row.publicValueDate ?? "") \(row.publicValueSource ?? "")），请先录入")
            }
            let files = try await Self.files(id, on: db)
            func file(_ name: String) -> [UInt8] { files[name] ?? [] }
            let commitment = try Commitment.parse(file("commitment.txt"))
            let reveal = Reveal(
                drawID: id, commitmentDigest: commitment.digest,
                secrets: departments.map { ($0.department, $0.secret.flatMap(Bytes.fromHex)) },
                publicValue: row.publicValue.map { PublicValue(value: $0, source: row.publicValueSource ?? "") })
            let pairs = try JSONText.decode([[String]].self, row.conflictPairs)
            let conflicts = Set(pairs.map { ConflictDeclaration(inspector: $0[0], target: $0[1]) })
            let pool = try PoolFile.parse(file("pool.txt"))
            let parameters = try DrawParameters.parse(file("parameters.txt"))
            let inspectors = try InspectorTable.parse(file("inspectors.txt"))
            let bundle: DrawBundle
            do {
                bundle = try DrawEngine.execute(
                    pool: pool, excluded: try ExcludedList.parse(file("excluded.txt")), parameters: parameters, commitment: commitment,
                    reveal: reveal, inspectors: inspectors, conflictList: try ConflictList.parse(file("conflicts.txt")),
                    conflicts: conflicts)
            } catch DrawError.matchingInfeasible {
                throw PlanError.conflict(
                    Self.unfilledReport(pool: pool, parameters: parameters, reveal: reveal, inspectors: inspectors, conflicts: conflicts))
            }
            // The inputs are stored already and unchanged (the engine checked their digests).
            try await Self.store(bundle.files.filter { files[$0.key] == nil }, id: id, on: db)
            let now = Timestamp.format(caller.at)
            try await db.raw("UPDATE draws SET state = 'executed', executed_at = \(bind: now) WHERE id = \(bind: id)").run()
            for selected in try TargetSelection.parseList(bundle.files["selection.txt"] ?? [], file: "selection.txt") {
                try await db.raw(
                    "INSERT INTO draw_selections (draw_id, target_uid, year) VALUES (\(bind: id), \(bind: selected.id), \(bind: plan.year))"
                ).run()
            }
            try await InspectionStore.createForDraw(drawID: id, caller: caller, calendar: database.calendar, on: db)
            if let superseded = row.redrawOf {
                try await InspectionStore.cancelForRedraw(
                    drawID: superseded, reason: "重新抽取 \(id) 替代本次抽取：\(row.redrawReason)（批准人：\(row.redrawApprover)）", caller: caller,
                    on: db)
            }
            if plan.state == .approved {
                plan.state = try plan.state.applying(.start)
                try await db.raw(
                    "UPDATE plans SET state = \(bind: plan.state.rawValue), updated_at = \(bind: now) WHERE id = \(bind: plan.id)"
                ).run()
            }
            try await AuditLog.append(
                db, caller: caller, action: "execute", entity: "draw", entityID: id,
                detail: [
                    "record": Bytes.sha256Hex(bundle.files["record.txt"] ?? []),
                    "missing": departments.filter { $0.secret == nil }.map(\.department).joined(separator: ","),
                ])
            let (updated, updatedDepartments) = try await Self.load(id, on: db)
            return updated.summary(updatedDepartments)
        }
    }

    /// Which teams and slots cannot be filled, and why, in Chinese: the inspector data was fixed
    /// at preparation, so fixing it means a re-draw with a recorded reason.
    static func unfilledReport(
        pool: CanonicalPool, parameters: DrawParameters, reveal: Reveal, inspectors: InspectorTable, conflicts: Set<ConflictDeclaration>
    ) -> String {
        let (seed, _, selection) = DrawEngine.drawTargets(pool: pool, parameters: parameters, reveal: reveal)
        let targets = selection.drawn.compactMap { pool.index(of: $0.id).map(pool.entry(at:)) }
        let records = inspectors.records
        let result = InspectorMatching.assign(
            targets: targets, parameters: parameters, inspectors: inspectors, inspectorKey: seed.inspectorKey,
            isConflict: { i, t in conflicts.contains(ConflictDeclaration(inspector: records[i].id, target: targets[t].id)) })
        guard case .infeasible(let unfilled) = result else { return "执法检查人员匹配失败" }
        let reasons: [UnfilledReason: String] = [
            .noEligibleInspector: "没有符合条件的人员（部门、在岗、执法证、事项资格、执法区域或回避）",
            .tooFewEligible: "符合条件的人员少于该组所需人数", .capacityExhausted: "符合条件的人员已达任务上限",
        ]
        let lines = unfilled.prefix(10).map { "\($0.target) 的 \($0.slot)：\(reasons[$0.reason] ?? $0.reason.rawValue)" }
        return "执法检查人员无法全部匹配（共 \(unfilled.count) 个岗位）：" + lines.joined(separator: "；")
            + (unfilled.count > 10 ? "……" : "") + "。请补充或更正人员库后重新抽取（须写明原因和批准人）"
    }
}
