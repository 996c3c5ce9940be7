// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiDraw
import SuijiStore

/// Drives a whole draw for `suiji draw run`, acting as each department's admin and as the
/// office (the command line has direct access to the database, like an administrator). The
/// ceremony is recorded as it would have run, each step at its own time before now: the
/// announcement and the commitments on the day before the reveal deadline, the secrets an hour
/// later, the public value on its day, the execution now (`DrawSchedule`).
struct DrawRunner {
    let stores: Stores
    let now: Date

    static let office = Account(username: "cli-office", displayName: "命令行（联席办）", role: .office)

    func admin(_ department: String, at: Date) -> Caller {
        Caller(
            account: Account(
                username: "cli-\(department.lowercased())", displayName: "命令行", role: .departmentAdmin, departmentCode: department), at: at
        )
    }

    func run(_ input: DrawRunFile) async throws -> String {
        let schedule = try DrawSchedule(input, now: now)
        let initiator = admin(try input.planValue.initiator, at: schedule.prepared)
        let office = Caller(account: Self.office, at: schedule.prepared)
        var plan = try await stores.plans.list(for: Self.office).first { $0.code == input.plan.code }
        if plan == nil {
            let created = try await stores.plans.create(try input.planValue, caller: initiator)
            _ = try await stores.plans.apply(.submit, to: created.id, caller: initiator)
            plan = try await stores.plans.apply(.approve, to: created.id, caller: office)
        }
        guard let plan else { throw PlanError.notFound("plan") }
        var batch = try await stores.plans.batches(planID: plan.id, for: Self.office).first { $0.code == input.batch.code }
        if batch == nil { batch = try await stores.plans.addBatch(try input.batch.batch(planID: plan.id), caller: initiator) }
        guard let batch else { throw PlanError.notFound("batch") }
        let latest = try await stores.draws.list(for: Self.office, batchID: batch.id).first
        let redraw = input.redraw.flatMap { part in latest.map { Redraw(of: $0.id, reason: part.reason, approver: part.approver) } }
        let draw = try await stores.draws.prepare(batchID: batch.id, caller: initiator, announcement: schedule.announcement, redraw: redraw)
        var secrets: [String: [UInt8]] = [:]
        for department in plan.departments {
            guard let entry = input.secrets[department] else {
                throw PlanError.invalid([FieldIssue(field: "secrets", message: "缺少部门 \(department) 的秘密（不揭示的部门写 null）")])
            }
            var secret = [UInt8](repeating: 0, count: 32)
            if let text = entry {
                guard let bytes = Bytes.fromHex(text), bytes.count == 32 else {
                    throw PlanError.invalid([FieldIssue(field: "secrets", message: "部门 \(department) 的秘密应为 64 位十六进制")])
                }
                secret = bytes
                secrets[department] = bytes
            } else {
                // A department that will miss the reveal still commits (to a secret nobody keeps).
                var generator = SystemRandomNumberGenerator()
                for index in secret.indices { secret[index] = UInt8.random(in: 0...255, using: &generator) }
            }
            let commitment = DepartmentSecret.commitment(department: department, drawID: draw.id, secret: secret)
            _ = try await stores.draws.commit(
                draw.id, department: department, commitment: commitment, caller: admin(department, at: schedule.committed))
        }
        for (department, secret) in secrets.sorted(by: { $0.key < $1.key }) {
            _ = try await stores.draws.reveal(
                draw.id, department: department, secret: Bytes.hex(secret), caller: admin(department, at: schedule.revealed))
        }
        if let value = input.publicValue, let entered = schedule.publicValueEntered {
            _ = try await stores.draws.enterPublicValue(
                draw.id, value: value.value, note: value.note, caller: Caller(account: Self.office, at: entered))
        }
        return try await stores.draws.execute(draw.id, caller: admin(plan.initiator, at: now)).id
    }
}

/// When each step of a scripted draw is recorded, counted back from `now` (the execution):
/// with a public value, it is entered on its day (at the end of that day, or now if that is
/// today), the reveal deadline is 17:00 the day before (unless given), the announcement and
/// commitments 8 hours before the deadline and the secrets an hour after them; with an
/// exception, the deadline is a minute ago.
struct DrawSchedule {
    var prepared: Date
    var committed: Date
    var revealed: Date
    var publicValueEntered: Date?
    var announcement: DrawAnnouncement

    init(_ input: DrawRunFile, now: Date) throws {
        let given = try input.revealDeadline.map { text -> Date in
            guard let date = try? Date.ISO8601FormatStyle().parse(text) else {
                throw PlanError.invalid([
                    FieldIssue(field: "revealDeadline", message: "揭示截止时间应为带时区的 ISO 8601 时间，如 2026-12-03T17:00:00+08:00")
                ])
            }
            return date
        }
        let deadline: Date
        switch (input.publicValue, input.exception) {
        case (let value?, nil):
            guard let day = CalendarDate(iso: value.date) else {
                throw PlanError.invalid([FieldIssue(field: "publicValue.date", message: "公开随机值的日期应为 2026-12-04 这样的日期")])
            }
            let dayStart = day.chinaStart
            guard dayStart <= now else {
                throw PlanError.invalid([
                    FieldIssue(field: "publicValue.date", message: "公开随机值要到 \(value.date) 才公布：请在公布之后再运行，并写入公布的值")
                ])
            }
            publicValueEntered = min(now, dayStart.addingTimeInterval(86_399))
            deadline = given ?? day.adding(days: -1).chinaStart.addingTimeInterval(17 * 3_600)
        case (nil, _?):
            deadline = given ?? now.addingTimeInterval(-60)
            publicValueEntered = nil
        default:
            throw PlanError.invalid([
                FieldIssue(field: "publicValue", message: "计划文件须写明公开随机值 publicValue（日期、来源、公布的值和出处），或经批准不使用的 exception（批准人、原因）")
            ])
        }
        guard deadline <= now else {
            throw PlanError.invalid([FieldIssue(field: "revealDeadline", message: "揭示截止时间须已过去：脚本抽取记录一次已经结束的仪式")])
        }
        committed = deadline.addingTimeInterval(input.exception == nil ? -8 * 3_600 : -3_600)
        prepared = committed
        revealed = committed.addingTimeInterval(input.exception == nil ? 3_600 : 60)
        announcement = DrawAnnouncement(
            revealDeadline: deadline,
            publicValue: input.publicValue.map { PublicValueAnnouncement(date: $0.date, source: $0.source) }, exception: input.exception)
    }
}
