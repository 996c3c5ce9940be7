// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiDraw
import SuijiStore

/// The demo's draws go through the whole ceremony, each step on its own (past) day: the office
/// announces the reveal deadline and a 中国福利彩票3D draw of a named date, the departments commit
/// and hand in their secrets before the deadline, the value is entered on its day and the draw
/// is executed. The demo runs offline: the 3D results it records are made up by its generator,
/// and the entry says so.
extension DemoDistrict {
    /// When each step of a draw executed at `executed` happens.
    struct CeremonySchedule {
        /// Announcement and commitments: 09:00 China time, two days before the execution.
        var committed: Date
        /// Secrets: an hour later. The deadline: 17:00 the same day.
        var revealed: Date
        var deadline: Date
        /// The 3D draw of the day before the execution, entered at 21:30 that day.
        var valueDay: CalendarDate
        var entered: Date

        init(executed: Date) {
            let day = CalendarDate(chinaDateOf: executed)
            valueDay = day.adding(days: -1)
            let before = day.adding(days: -2).chinaStart
            committed = before.addingTimeInterval(9 * 3_600)
            revealed = committed.addingTimeInterval(3_600)
            deadline = before.addingTimeInterval(17 * 3_600)
            entered = min(executed, valueDay.chinaStart.addingTimeInterval(21.5 * 3_600))
        }
    }

    /// The announcement of a demo draw: the 3D draw of `day`.
    static func announcement(deadline: Date, valueDay: CalendarDate) -> DrawAnnouncement {
        DrawAnnouncement(
            revealDeadline: deadline,
            publicValue: PublicValueAnnouncement(date: valueDay.iso, source: "中国福利彩票3D 当日开奖号码"))
    }

    static let valueNote = "演示数据：离线生成，并非真实开奖结果"

    /// Prepares the draw of `batch` and takes it through the ceremony to its execution at
    /// `executed`; every department hands in its secret. Nil when a tiny demo lacks inspectors
    /// for the teams (the draw then stays committed, its value entered).
    static func runDraw(
        stores: Stores, batch: Batch, plan: Plan, admins: [String: Caller], executed: Date, random: inout DemoRandom
    ) async throws -> String? {
        let schedule = CeremonySchedule(executed: executed)
        func caller(_ department: String, _ at: Date) -> Caller { Caller(account: admins[department]!.account, at: at) }
        let draw = try await stores.draws.prepare(
            batchID: batch.id, caller: caller(plan.initiator, schedule.committed),
            announcement: announcement(deadline: schedule.deadline, valueDay: schedule.valueDay))
        var secrets: [String: [UInt8]] = [:]
        for department in plan.departments {
            let secret = (0..<4).flatMap { _ in withUnsafeBytes(of: random.next().bigEndian, Array.init) }
            secrets[department] = secret
            let commitment = DepartmentSecret.commitment(department: department, drawID: draw.id, secret: secret)
            _ = try await stores.draws.commit(
                draw.id, department: department, commitment: commitment, caller: caller(department, schedule.committed))
        }
        for department in plan.departments {
            _ = try await stores.draws.reveal(
                draw.id, department: department, secret: Bytes.hex(secrets[department]!), caller: caller(department, schedule.revealed))
        }
        _ = try await stores.draws.enterPublicValue(
            draw.id, value: String(format: "%03d", random.int(in: 0...999)), note: valueNote,
            caller: caller(plan.initiator, schedule.entered))
        do {
            _ = try await stores.draws.execute(draw.id, caller: caller(plan.initiator, executed))
        } catch let error as PlanError where error.code == "conflict" {
            return nil
        }
        return draw.id
    }
}
