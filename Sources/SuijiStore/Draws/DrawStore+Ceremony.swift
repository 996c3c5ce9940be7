// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore
import SuijiDraw

/// The ceremony between preparation and execution (docs/draw-spec.md §5–§6, §14): the
/// announcement, the departments' commitments, their secrets, and the public value. Each step
/// is recorded in the public draw log at the time it is taken.
extension DrawStore {
    /// The office (or the initiator) announces the reveal deadline and the future public value,
    /// or an exception approved by a named person: before `commitment.txt` is published, and may
    /// be changed until then (the announced value goes into `parameters.txt`).
    public func announce(_ id: String, _ given: DrawAnnouncement, caller: Caller) async throws -> DrawSummary {
        let announcement = given.trimmed
        try announcement.validate(now: caller.at)
        return try await database.write { db in
            let (row, departments) = try await Self.load(id, on: db)
            let plan = try await Self.plan(row.planId, on: db)
            guard row.summary(departments).mayAnnounce(caller.account, plan: plan) else {
                guard PlanPolicy.canRunDraws(caller.account, plan) else {
                    throw PlanError.forbidden("只有联席会议办公室或发起部门（\(plan.initiator)）的管理员可以预告公开随机值")
                }
                throw PlanError.conflict("抽取 \(id) 的承诺已经发布，预告不能再改")
            }
            try await Self.storeAnnouncement(announcement, id: id, on: db)
            try await AuditLog.append(
                db, caller: caller, action: "announce", entity: "draw", entityID: id,
                detail: [
                    "revealDeadline": Timestamp.format(announcement.revealDeadline),
                    "publicValueDate": announcement.publicValue?.date ?? "",
                    "publicValueSource": announcement.publicValue?.source ?? "", "approver": announcement.exception?.approver ?? "",
                    "reason": announcement.exception?.reason ?? "",
                ])
            let (updated, updatedDepartments) = try await Self.load(id, on: db)
            return updated.summary(updatedDepartments)
        }
    }

    /// Writes the announcement on the draw row and its public value into `parameters.txt`.
    static func storeAnnouncement(_ announcement: DrawAnnouncement, id: String, on db: any SQLDatabase) async throws {
        var parameters = try DrawParameters.parse(try await files(id, only: "parameters.txt", on: db)["parameters.txt"] ?? [])
        parameters.publicValue = announcement.publicValue
        try await store(["parameters.txt": parameters.fileBytes()], id: id, on: db)
        try await db.raw(
            """
            UPDATE draws SET reveal_deadline = \(bind: Timestamp.format(announcement.revealDeadline)),
              public_value_date = \(bind: announcement.publicValue?.date), public_value_source = \(bind: announcement.publicValue?.source),
              exception_approver = \(bind: announcement.exception?.approver ?? ""), exception_reason = \(bind: announcement.exception?.reason ?? "")
            WHERE id = \(bind: id)
            """
        ).run()
    }

    /// A department's commitment to its secret (hex SHA-256, spec §5), once the draw is announced.
    /// When the last department commits — before the reveal deadline and before the public
    /// value's day — `commitment.txt` is published, logged with the deadline, and immutable.
    public func commit(_ id: String, department: String, commitment: String, caller: Caller) async throws -> DrawSummary {
        let hash = commitment.trimmed.lowercased()
        guard TextFile.isHex64(hash) else {
            throw PlanError.invalid([FieldIssue(field: "commitment", message: "承诺值应为 64 位十六进制的 SHA-256")])
        }
        return try await database.write { db in
            let (row, departments) = try await Self.load(id, on: db)
            let plan = try await Self.plan(row.planId, on: db)
            try PlanPolicy.requireDepartmentAdmin(caller.account, department, of: plan)
            try row.state.require(.commit, draw: id)
            let summary = row.summary(departments)
            guard summary.isAnnounced, let deadline = row.revealDeadline else {
                throw PlanError.conflict("抽取 \(id) 尚未预告揭示截止时间和公开随机值，请等联席会议办公室预告后再提交承诺")
            }
            let now = Timestamp.format(caller.at)
            try await db.raw(
                """
                UPDATE draw_departments SET commitment = \(bind: hash), committed_at = \(bind: now), committed_by = \(bind: caller.account.username)
                WHERE draw_id = \(bind: id) AND department = \(bind: department)
                """
            ).run()
            try await AuditLog.append(
                db, caller: caller, action: "commit", entity: "draw", entityID: id, detail: ["department": department, "commitment": hash])
            var updated = departments
            if let index = updated.firstIndex(where: { $0.department == department }) { updated[index].commitment = hash }
            if updated.allSatisfy({ $0.commitment != nil }) {
                guard now < deadline else {
                    throw PlanError.conflict("揭示截止时间（\(deadline)）已过，承诺不能再发布：请联席会议办公室重新预告后再提交")
                }
                if let date = row.publicValueDate, CalendarDate(chinaDateOf: caller.at).iso >= date {
                    throw PlanError.conflict("预告的公开随机值（\(date)）不晚于今天，承诺不能再发布：请联席会议办公室重新预告后再提交")
                }
                let file = Commitment(
                    drawID: id, poolDigest: try await Self.digest(id, name: "pool.txt", on: db),
                    parametersDigest: try await Self.digest(id, name: "parameters.txt", on: db),
                    commits: updated.sorted { $0.position < $1.position }.map { ($0.department, $0.commitment!) })
                try await Self.store(["commitment.txt": file.fileBytes()], id: id, on: db)
                if row.publicValueSource == nil {
                    try await PublicLogStore.append(
                        .exception, drawID: id,
                        digest: PublicLog.exceptionDigest(approver: row.exceptionApprover, reason: row.exceptionReason), at: caller.at,
                        on: db)
                }
                let entry = try await PublicLogStore.append(
                    .commitment, drawID: id, subject: deadline, digest: file.digest, at: caller.at, on: db)
                try await db.raw(
                    "UPDATE draws SET state = \(bind: DrawState.after(.commit).rawValue), committed_at = \(bind: entry.time) WHERE id = \(bind: id)"
                ).run()
                try await AuditLog.append(
                    db, caller: caller, action: "publish-commitment", entity: "draw", entityID: id, detail: ["digest": file.digest])
            }
            return try await Self.load(id, on: db).0.summary(try await Self.departments(id, on: db))
        }
    }

    /// A department hands in its secret (64 hex digits), before the deadline; it must match the
    /// commitment. The public log records that it came in, and when (not the secret).
    public func reveal(_ id: String, department: String, secret: String, caller: Caller) async throws -> DrawSummary {
        let text = secret.trimmed.lowercased()
        guard TextFile.isHex64(text), let bytes = Bytes.fromHex(text) else {
            throw PlanError.invalid([FieldIssue(field: "secret", message: "秘密应为 64 位十六进制（32 字节）")])
        }
        return try await database.write { db in
            let (row, departments) = try await Self.load(id, on: db)
            let plan = try await Self.plan(row.planId, on: db)
            try PlanPolicy.requireDepartmentAdmin(caller.account, department, of: plan)
            try row.state.require(.reveal, draw: id)
            guard !row.summary(departments).isPastDeadline(caller.at) else {
                throw PlanError.conflict("揭示截止时间已过，本部门按“缺失”处理，秘密不再接收")
            }
            guard let own = departments.first(where: { $0.department == department }), let committed = own.commitment,
                DepartmentSecret.commitment(department: department, drawID: id, secret: bytes) == committed
            else {
                throw PlanError.invalid([FieldIssue(field: "secret", message: "秘密与本部门发布的承诺不符")])
            }
            guard own.secret == nil else { throw PlanError.conflict("本部门的秘密已经交来") }
            let entry = try await PublicLogStore.append(.secret, drawID: id, subject: department, digest: committed, at: caller.at, on: db)
            try await db.raw(
                """
                UPDATE draw_departments SET secret = \(bind: text), revealed_at = \(bind: entry.time)
                WHERE draw_id = \(bind: id) AND department = \(bind: department)
                """
            ).run()
            try await AuditLog.append(
                db, caller: caller, action: "reveal", entity: "draw", entityID: id, detail: ["department": department])
            return row.summary(try await Self.departments(id, on: db))
        }
    }

    /// Enters the announced public value as published, with where it was read (the office or the
    /// initiator): once, after who is missing is settled and from the announced day on. It is
    /// final — a wrong value means a re-draw — so nobody can try values.
    public func enterPublicValue(_ id: String, value: String, note: String, caller: Caller) async throws -> DrawSummary {
        let value = value.trimmed
        let note = note.trimmed
        var issues: [FieldIssue] = []
        if !TextFile.isText(value) { issues.append(FieldIssue(field: "value", message: "公开随机值应为 1–256 字节的文字，不含制表符")) }
        if !TextFile.isText(note) {
            issues.append(FieldIssue(field: "note", message: "请写明从何处读到该值（如开奖公告的网址），不超过 256 字节"))
        }
        if !issues.isEmpty { throw PlanError.invalid(issues) }
        return try await database.write { db in
            let (row, departments) = try await Self.load(id, on: db)
            let plan = try await Self.plan(row.planId, on: db)
            guard PlanPolicy.canRunDraws(caller.account, plan) else {
                throw PlanError.forbidden("只有发起部门（\(plan.initiator)）的管理员或联席会议办公室可以录入公开随机值")
            }
            let summary = row.summary(departments)
            guard let date = row.publicValueDate, row.publicValueSource != nil else { throw PlanError.conflict("抽取 \(id) 没有预告公开随机值") }
            guard row.publicValue == nil else { throw PlanError.conflict("公开随机值已经录入（录入后不能修改；如有错误须重新抽取）") }
            guard summary.isRevealSettled(at: caller.at) else {
                throw PlanError.conflict("揭示截止时间前、仍有部门未交来秘密时不能录入公开随机值")
            }
            guard CalendarDate(chinaDateOf: caller.at).iso >= date else { throw PlanError.conflict("公开随机值要到 \(date) 才产生") }
            let entry = try await PublicLogStore.append(
                .publicValue, drawID: id, digest: Bytes.sha256Hex(Array(value.utf8)), at: caller.at, on: db)
            try await db.raw(
                """
                UPDATE draws SET public_value = \(bind: value), public_value_note = \(bind: note), public_value_entered_at = \(bind: entry.time)
                WHERE id = \(bind: id)
                """
            ).run()
            try await AuditLog.append(
                db, caller: caller, action: "public-value", entity: "draw", entityID: id, detail: ["value": value, "note": note])
            let (updated, updatedDepartments) = try await Self.load(id, on: db)
            return updated.summary(updatedDepartments)
        }
    }
}
