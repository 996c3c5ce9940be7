// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// Follow-ups of problems found (§17): opened by an admin of a department of the inspection's
/// plan, for an approved or published inspection with a problem; closed by a re-check or
/// `close`. Every write is audited.
public struct FollowUpStore: Sendable {
    public let database: SuijiDatabase

    public init(database: SuijiDatabase) {
        self.database = database
    }

    /// Opens `followUp` (its inspection, department, state and opening day are set here).
    public func open(inspectionID: Int64, _ followUp: FollowUp, caller: Caller) async throws -> FollowUp {
        try await database.write { db in
            guard let inspection = try await InspectionStore.load(id: inspectionID, calendar: database.calendar, on: db),
                InspectionPolicy.canRead(caller.account, inspection)
            else { throw FollowUpError.notFound("未找到检查任务（\(inspectionID)），或无权查看") }
            let department = try FollowUpPolicy.requireOpen(caller.account, inspection, item: followUp.item)
            var entry = followUp
            entry.id = 0
            entry.inspectionID = inspectionID
            entry.targetUID = inspection.target.uid
            entry.department = department
            entry.state = .open
            entry.outcome = nil
            entry.recheckedOn = nil
            entry.closedOn = nil
            entry.createdBy = caller.account.username
            let issues = entry.validate()
            guard issues.isEmpty else { throw FollowUpError.invalid(issues) }
            let now = Timestamp.format(caller.at)
            let id = try await db.raw(
                """
                INSERT INTO follow_ups (inspection_id, target_uid, department, kind, state, deadline, body, created_at, updated_at)
                VALUES (\(bind: inspectionID), \(bind: entry.targetUID), \(bind: department), \(bind: entry.kind.rawValue), 'open',
                  \(bind: entry.deadline?.iso), '{}', \(bind: now), \(bind: now)) RETURNING id
                """
            ).first()!.decode(column: "id", as: Int64.self)
            entry.id = id
            try await db.raw("UPDATE follow_ups SET body = \(bind: try JSONText.encode(entry)) WHERE id = \(bind: id)").run()
            try await AuditLog.append(db, caller: caller, action: "open", entity: "follow-up", entityID: String(id), detail: entry)
            return entry
        }
    }

    /// Applies `action` on `day` (the re-check or closing day; the caller's day by default).
    public func apply(_ action: FollowUpAction, to id: Int64, on day: CalendarDate? = nil, notes: String = "", caller: Caller) async throws
        -> FollowUp
    {
        try await database.write { db in
            guard let current = try await Self.load(id: id, on: db),
                let inspection = try await InspectionStore.load(id: current.inspectionID, calendar: database.calendar, on: db),
                InspectionPolicy.canRead(caller.account, inspection)
            else { throw FollowUpError.notFound("未找到后续处置（\(id)），或无权查看") }
            let department = try FollowUpPolicy.requireAdmin(caller.account, of: inspection)
            guard department == current.department else { throw FollowUpError.forbidden("只有登记该处置的部门（\(current.department)）可以办理") }
            var next = try current.applying(action, on: day ?? CalendarDate(chinaDateOf: caller.at))
            if !notes.trimmed.isEmpty { next.notes = current.notes.isEmpty ? notes.trimmed : current.notes + "\n" + notes.trimmed }
            try await db.raw(
                """
                UPDATE follow_ups SET state = \(bind: next.state.rawValue), body = \(bind: try JSONText.encode(next)),
                  updated_at = \(bind: Timestamp.format(caller.at)) WHERE id = \(bind: id)
                """
            ).run()
            try await AuditLog.append(
                db, caller: caller, action: action.rawValue, entity: "follow-up", entityID: String(id),
                detail: ["from": current.state.rawValue, "to": next.state.rawValue, "notes": notes])
            return next
        }
    }

    /// The follow-ups of an inspection `account` may read.
    public func list(inspectionID: Int64, for account: Account) async throws -> [FollowUp] {
        try await database.read { db in
            guard let inspection = try await InspectionStore.load(id: inspectionID, calendar: database.calendar, on: db),
                InspectionPolicy.canRead(account, inspection)
            else { throw FollowUpError.notFound("未找到检查任务（\(inspectionID)），或无权查看") }
            return try await Self.select("inspection_id = \(bind: inspectionID)", on: db)
        }
    }

    /// Open follow-ups of `account`'s department (all for the office and overseers); with
    /// `overdueOn`, only rectifications past their deadline on that day.
    public func listOpen(overdueOn: CalendarDate? = nil, for account: Account) async throws -> [FollowUp] {
        // `today` only matters for `.overdue`.
        try await list(overdueOn == nil ? .open : .overdue, today: overdueOn ?? CalendarDate(dayNumber: 0), for: account).reversed()
    }

    /// The follow-ups of `account`'s department (all for the office and overseers), newest
    /// first: open ones, closed ones, rectifications overdue on `today`, or all.
    public func list(_ filter: FollowUpFilter, today: CalendarDate, for account: Account) async throws -> [FollowUp] {
        guard account.active else { return [] }
        var condition: SQLQueryString = "1 = 1"
        switch account.role {
        case .office, .overseer: break
        case .departmentAdmin: condition += " AND department = \(bind: account.departmentCode ?? "-")"
        case .inspector: return []
        }
        switch filter {
        case .open: condition += " AND state = 'open'"
        case .closed: condition += " AND state = 'closed'"
        case .overdue: condition += " AND state = 'open' AND kind = 'rectification' AND deadline < \(bind: today.iso)"
        case .all: break
        }
        return try await database.read { [condition] db in try await Self.select(condition, on: db) }.reversed()
    }

    /// The target names of the inspections of `followUps` (already read for their account), in one query.
    public func targetNames(of followUps: [FollowUp]) async throws -> [Int64: String] {
        let ids = Array(Set(followUps.map(\.inspectionID)))
        guard !ids.isEmpty else { return [:] }
        return try await database.read { db in
            var list: SQLQueryString = ""
            for (index, id) in ids.enumerated() { list += index == 0 ? "\(bind: id)" : ", \(bind: id)" }
            var names: [Int64: String] = [:]
            for row in try await db.raw("SELECT id, target_name FROM inspections WHERE id IN (" + list + ")").all() {
                names[try row.decode(column: "id", as: Int64.self)] = try row.decode(column: "target_name", as: String.self)
            }
            return names
        }
    }

    static func load(id: Int64, on db: any SQLDatabase) async throws -> FollowUp? {
        try await select("id = \(bind: id)", on: db).first
    }

    static func select(_ condition: SQLQueryString, on db: any SQLDatabase) async throws -> [FollowUp] {
        let rows = try await db.raw("SELECT body FROM follow_ups WHERE " + condition + " ORDER BY id").all()
        return try rows.map { try JSONText.decode(FollowUp.self, try $0.decode(column: "body", as: String.self)) }
    }
}

/// Which follow-ups a listing shows.
public enum FollowUpFilter: String, Sendable, CaseIterable {
    case open, closed, overdue, all

    /// Chinese name.
    public var label: String {
        switch self {
        case .open: "办理中"
        case .closed: "已办结"
        case .overdue: "整改逾期"
        case .all: "全部"
        }
    }
}
