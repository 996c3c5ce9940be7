// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore
import SuijiDraw

/// Why a drawn inspector is replaced (§14: 岗位调整、工作冲突等特殊情况).
public enum ReplacementReason: String, Sendable, Codable, CaseIterable {
    case postChange = "post-change"
    case workConflict = "work-conflict"
    case conflictDeclared = "conflict-declared"
    case sickLeave = "sick-leave"
    case other

    /// Chinese name.
    public var label: String {
        switch self {
        case .postChange: "岗位调整"
        case .workConflict: "工作冲突"
        case .conflictDeclared: "申报回避"
        case .sickLeave: "病假"
        case .other: "其他"
        }
    }
}

extension DrawStore {
    /// Replaces a drawn inspector (§14): only with the approval of the inspector's department
    /// (an admin of that department records it, naming the approver); the new inspector is drawn
    /// from the remaining eligible ones with the replacement's own derived key, and the
    /// replacement joins the public record.
    public func replaceInspector(
        _ id: String, target: String, slot: String, reason: ReplacementReason, approver: String, note: String, caller: Caller
    ) async throws -> [String: [UInt8]] {
        guard !approver.trimmed.isEmpty else {
            throw PlanError.invalid([FieldIssue(field: "approver", message: "更换执法检查人员须经本部门负责人同意：请填写批准人")])
        }
        return try await database.write { db in
            let (row, _) = try await Self.load(id, on: db)
            let plan = try await Self.plan(row.planId, on: db)
            try row.state.require(.replaceInspector, draw: id)
            var bundle = DrawBundle(files: try await Self.files(id, on: db))
            let current = try Self.currentAssignment(bundle.files)
            guard let holder = current.first(where: { $0.target == target && $0.slot == slot }) else {
                throw PlanError.notFound("抽取 \(id) 中没有对象 \(target) 的岗位 \(slot)")
            }
            let department = try await Self.department(ofInspector: holder.inspector, plan: plan, on: db)
            try PlanPolicy.requireDepartmentAdmin(caller.account, department, of: plan)
            let approval = ReplacementApproval(
                target: target, slot: slot, replaced: holder.inspector, approver: caller.account.username, reason: reason.rawValue,
                date: CalendarDate(chinaDateOf: caller.at).iso)
            let pairs = try JSONText.decode([[String]].self, row.conflictPairs)
            bundle = try bundle.appendingReplacements(
                [approval], conflicts: Set(pairs.map { ConflictDeclaration(inspector: $0[0], target: $0[1]) }))
            let changed = bundle.files.filter { ["inspector-replacements.txt", "manifest.txt"].contains($0.key) }
            try await Self.store(changed, id: id, on: db)
            try await PublicLogStore.append(
                .replacement, drawID: id, subject: String(try Self.replacementLines(bundle).count),
                digest: Bytes.sha256Hex(bundle.files["inspector-replacements.txt"] ?? []), at: caller.at, on: db)
            try await InspectionStore.refreshTeam(drawID: id, target: target, files: bundle.files, on: db)
            try await AuditLog.append(
                db, caller: caller, action: "replace-inspector", entity: "draw", entityID: id,
                detail: [
                    "target": target, "slot": slot, "replaced": holder.inspector, "reason": reason.rawValue, "approver": approver,
                    "note": note,
                ])
            return bundle.files
        }
    }

    /// `assignment.txt` with the replacements recorded so far applied: who holds each slot now.
    public static func currentAssignment(_ files: [String: [UInt8]]) throws -> [SlotAssignment] {
        var assignment = try InspectorMatching.parse(files["assignment.txt"] ?? [])
        for replacement in try replacementLines(DrawBundle(files: files)) {
            if let index = assignment.firstIndex(where: { $0.target == replacement.target && $0.slot == replacement.slot }) {
                assignment[index].inspector = replacement.inspector
            }
        }
        return assignment
    }

    /// The replacements recorded so far: (target, slot, new inspector).
    static func replacementLines(_ bundle: DrawBundle) throws -> [(target: String, slot: String, inspector: String)] {
        guard let bytes = bundle.files["inspector-replacements.txt"], !bytes.isEmpty else { return [] }
        // Line: q, target, slot, old, new, approver, reason, date, key (spec §9.5).
        return try TextFile.lines(bytes, file: "inspector-replacements.txt").map { ($0[1], $0[2], $0[4]) }
    }

    /// The department of an inspector id of the draw's table (`I-<id>`, or `EXPERT` for `E-<id>`).
    static func department(ofInspector id: String, plan: Plan, on db: any SQLDatabase) async throws -> String {
        guard id.hasPrefix("I-"), let number = Int64(id.dropFirst(2)) else { return plan.initiator }
        let row = try await db.raw("SELECT department_code FROM inspectors WHERE id = \(bind: number)").first()
        return try row?.decode(column: "department_code", as: String.self) ?? plan.initiator
    }
}
