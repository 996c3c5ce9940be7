// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiDraw
import SuijiStore

/// Drives a whole draw for `suiji draw run`, acting as each department's admin and as the
/// office (the command line has direct access to the database, like an administrator).
struct DrawRunner {
    let stores: Stores
    let now: Date

    static let office = Account(username: "cli-office", displayName: "命令行（联席办）", role: .office)

    func admin(_ department: String) -> Caller {
        Caller(
            account: Account(
                username: "cli-\(department.lowercased())", displayName: "命令行", role: .departmentAdmin, departmentCode: department), at: now
        )
    }

    func run(_ input: DrawRunFile) async throws -> String {
        let initiator = admin(try input.planValue.initiator)
        let office = Caller(account: Self.office, at: now)
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
        let draw = try await stores.draws.prepare(batchID: batch.id, caller: initiator, redraw: redraw)
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
            _ = try await stores.draws.commit(draw.id, department: department, commitment: commitment, caller: admin(department))
        }
        for (department, secret) in secrets.sorted(by: { $0.key < $1.key }) {
            _ = try await stores.draws.reveal(draw.id, department: department, secret: Bytes.hex(secret), caller: admin(department))
        }
        return try await stores.draws.execute(draw.id, caller: initiator).id
    }
}
