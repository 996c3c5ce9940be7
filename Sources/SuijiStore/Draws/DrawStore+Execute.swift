// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore
import SuijiDraw

extension DrawStore {
    /// Executes a committed draw once who is missing is settled (every secret in, or the reveal
    /// deadline passed: a department that missed it counts as `missing`, so nobody gains an abort
    /// option), at least one department's secret is in, and the announced public value is
    /// entered (or an exception was approved when the draw was announced). Publishes the bundle
    /// with `timeline.txt` and logs the reveal, record and timeline digests. Idempotent: a second
    /// call returns the same record.
    public func execute(_ id: String, caller: Caller) async throws -> DrawSummary {
        try await database.write { db in
            let (row, departments) = try await Self.load(id, on: db)
            var plan = try await Self.plan(row.planId, on: db)
            guard PlanPolicy.canRunDraws(caller.account, plan) else {
                throw PlanError.forbidden("只有发起部门（\(plan.initiator)）的管理员或联席会议办公室可以执行抽取")
            }
            if row.state == .executed { return row.summary(departments) }
            try row.state.require(.execute, draw: id)
            let summary = row.summary(departments)
            guard summary.isAnnounced, let deadline = row.revealDeadline, let committedAt = row.committedAt else {
                throw PlanError.conflict("抽取 \(id) 没有预告揭示截止时间和公开随机值，不能执行：请重新抽取")
            }
            guard summary.isRevealSettled(at: caller.at) else {
                throw PlanError.conflict("揭示截止时间（\(deadline)）前，仍有部门未交来秘密，不能执行")
            }
            guard summary.departments.contains(where: \.revealed) else {
                throw PlanError.conflict("没有任何部门在截止时间前交来秘密，不能执行：请重新抽取")
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
            // The large files' digests were kept when they were stored: not hashed again.
            let kept = try await Self.keptDigests(id, on: db)
            let pool = try PoolFile.parse(file("pool.txt"), digest: kept["pool.txt"])
            let parameters = try DrawParameters.parse(file("parameters.txt"))
            let inspectors = try InspectorTable.parse(file("inspectors.txt"))
            let bundle: DrawBundle
            do {
                bundle = try DrawEngine.execute(
                    pool: pool, excluded: try ExcludedList.parse(file("excluded.txt"), digest: kept["excluded.txt"]),
                    parameters: parameters, commitment: commitment,
                    reveal: reveal, inspectors: inspectors, conflictList: try ConflictList.parse(file("conflicts.txt")),
                    conflicts: conflicts)
            } catch DrawError.matchingInfeasible {
                throw PlanError.conflict(
                    Self.unfilledReport(pool: pool, parameters: parameters, reveal: reveal, inspectors: inspectors, conflicts: conflicts))
            }
            let revealEntry = try await PublicLogStore.append(
                .reveal, drawID: id, digest: Bytes.sha256Hex(bundle.files["reveal.txt"] ?? []), at: caller.at, on: db)
            let now = revealEntry.time
            let timeline = DrawTimeline(
                drawID: id, commitmentPublished: committedAt, revealDeadline: deadline,
                revealed: departments.map { ($0.department, $0.secret == nil ? nil : $0.revealedAt) },
                publicValue: row.publicValue == nil
                    ? .exception(approver: row.exceptionApprover, reason: row.exceptionReason)
                    : .entered(time: row.publicValueEnteredAt ?? "", note: row.publicValueNote),
                executed: now
            ).fileBytes()
            try await PublicLogStore.append(
                .record, drawID: id, digest: Bytes.sha256Hex(bundle.files["record.txt"] ?? []), at: caller.at, on: db)
            try await PublicLogStore.append(.timeline, drawID: id, digest: Bytes.sha256Hex(timeline), at: caller.at, on: db)
            // The inputs are stored already and unchanged (the engine checked their digests).
            var published = bundle.files.filter { files[$0.key] == nil }
            published["timeline.txt"] = timeline
            try await Self.store(published, id: id, on: db)
            try await db.raw(
                "UPDATE draws SET state = \(bind: DrawState.after(.execute).rawValue), executed_at = \(bind: now) WHERE id = \(bind: id)"
            ).run()
            let selection = try TargetSelection.parseList(bundle.files["selection.txt"] ?? [], file: "selection.txt")
            for part in stride(from: 0, to: selection.count, by: 500) {
                var insert: SQLQueryString = "INSERT INTO draw_selections (draw_id, target_uid, year) VALUES "
                for (index, selected) in selection[part..<min(part + 500, selection.count)].enumerated() {
                    insert += "\(unsafeRaw: index == 0 ? "" : ",") (\(bind: id), \(bind: selected.id), \(bind: plan.year))"
                }
                try await db.raw(insert).run()
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

    /// Which slots cannot be filled, and why, in Chinese, counted per slot and reason — never
    /// naming a drawn target, since the draw is not executed and its reveal not published (spec
    /// §9.4): the inspector data was fixed at preparation, so fixing it means a re-draw with a
    /// recorded reason.
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
        var counts: [(slot: String, reason: UnfilledReason, count: Int)] = []
        for slot in unfilled {
            if let index = counts.firstIndex(where: { $0.slot == slot.slot && $0.reason == slot.reason }) {
                counts[index].count += 1
            } else {
                counts.append((slot.slot, slot.reason, 1))
            }
        }
        let lines = counts.map { "\($0.slot)：\(reasons[$0.reason] ?? $0.reason.rawValue)（\($0.count) 个检查组）" }
        return "执法检查人员无法全部匹配（共 \(unfilled.count) 个岗位）：" + lines.joined(separator: "；")
            + "。请补充或更正人员库后重新抽取（须写明原因和批准人）"
    }
}
