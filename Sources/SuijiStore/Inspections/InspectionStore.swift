// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// Filters of the inspection listing.
public struct InspectionQuery: Sendable {
    public var state: InspectionState?
    /// Only results outstanding (未录入 or 退回) past their due date on this day.
    public var overdueOn: CalendarDate?
    public var drawID: String?
    public var planID: Int64?
    /// At most this many, ordered by due date then id; nil for all.
    public var limit: Int?
    public var offset: Int
    /// The largest offset accepted (a client's offset is clamped to it).
    public static let maxOffset = Paging.maxPage * 1000

    public init(
        state: InspectionState? = nil, overdueOn: CalendarDate? = nil, drawID: String? = nil, planID: Int64? = nil, limit: Int? = 500,
        offset: Int = 0
    ) {
        self.state = state
        self.overdueOn = overdueOn
        self.drawID = drawID
        self.planID = planID
        self.limit = limit
        self.offset = min(max(0, offset), Self.maxOffset)
    }
}

/// Inspections (§15–§16): created with each executed draw, one per drawn target; the team
/// records the notice and findings, the initiating department reviews and publishes. Every
/// query is scoped by `InspectionPolicy`: inspectors see their own teams' inspections,
/// department admins those of their plans, the office and overseers all.
public struct InspectionStore: Sendable {
    public let database: SuijiDatabase

    public init(database: SuijiDatabase) {
        self.database = database
    }

    /// Inspections `account` may read, by due date.
    public func list(for account: Account, _ query: InspectionQuery = InspectionQuery()) async throws -> [Inspection] {
        guard account.active else { return [] }
        return try await database.read { db in
            var sql: SQLQueryString = "SELECT \(unsafeRaw: InspectionRow.columns) FROM inspections WHERE "
            sql += Self.scope(account)
            if let state = query.state { sql += " AND state = \(bind: state.rawValue)" }
            if let day = query.overdueOn {
                sql += " AND state IN ('pending', 'returned') AND (due_date < \(bind: day.iso) OR due_date IS NULL)"
            }
            if let drawID = query.drawID { sql += " AND draw_id = \(bind: drawID)" }
            if let planID = query.planID { sql += " AND plan_id = \(bind: planID)" }
            sql += " ORDER BY due_date, id"
            if let limit = query.limit { sql += " LIMIT \(bind: max(1, limit)) OFFSET \(bind: query.offset)" }
            let rows = try await db.raw(sql).all(decoding: InspectionRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            let found = try await Self.assemble(rows, calendar: database.calendar, on: db)
            // A due date unknown at creation is computed on reading.
            guard let day = query.overdueOn else { return found }
            return found.filter { $0.isOverdue(today: day) }
        }
    }

    /// Inspections with results outstanding past their due date on `today` (pending or returned).
    public func overdue(today: CalendarDate, for account: Account) async throws -> [Inspection] {
        try await list(for: account, InspectionQuery(overdueOn: today, limit: nil))
    }

    /// One inspection, if `account` may read it.
    public func get(id: Int64, for account: Account) async throws -> Inspection {
        let inspection = try await database.read { db in try await Self.load(id: id, calendar: database.calendar, on: db) }
        guard let inspection, InspectionPolicy.canRead(account, inspection) else { throw Self.notFound(id) }
        return inspection
    }

    /// The review trail of an inspection `account` may read, oldest first.
    public func trail(id: Int64, for account: Account) async throws -> [InspectionEvent] {
        _ = try await get(id: id, for: account)
        return try await database.read { db in try await InspectionEvent.trail(inspection: id, on: db) }
    }

    static func notFound(_ id: Int64) -> InspectionError {
        .notFound("未找到检查任务（\(id)），或无权查看")
    }

    /// The SQL condition of `account`'s read scope (mirrors `InspectionPolicy.canRead`).
    static func scope(_ account: Account) -> SQLQueryString {
        switch account.role {
        case .office, .overseer:
            return "1 = 1"
        case .departmentAdmin:
            return "departments LIKE \(bind: "%\"\(account.departmentCode ?? "-")\"%")"
        case .inspector:
            return """
                id IN (SELECT inspection_id FROM inspection_members WHERE member_id = \(bind: account.inspectorID ?? -1)
                  AND role <> 'expert')
                """
        }
    }

    static func load(id: Int64, calendar: WorkCalendar, on db: any SQLDatabase) async throws -> Inspection? {
        let rows = try await db.raw("SELECT \(unsafeRaw: InspectionRow.columns) FROM inspections WHERE id = \(bind: id)")
            .all(decoding: InspectionRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        return try await assemble(rows, calendar: calendar, on: db).first
    }

    /// The rows with their teams and findings, read in chunks of ids.
    static func assemble(_ rows: [InspectionRow], calendar: WorkCalendar, on db: any SQLDatabase) async throws -> [Inspection] {
        var teams: [Int64: [TeamMember]] = [:]
        var findings: [Int64: [Finding]] = [:]
        let ids = rows.map(\.id)
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = ids[start..<min(ids.count, start + 500)]
            var list: SQLQueryString = ""
            for (index, id) in chunk.enumerated() { list += index == 0 ? "\(bind: id)" : ", \(bind: id)" }
            let members = try await db.raw(
                "SELECT inspection_id, role, member_id, name, department FROM inspection_members WHERE inspection_id IN (" + list
                    + ") ORDER BY inspection_id, position"
            ).all(decoding: MemberRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            for row in members { teams[row.inspectionId, default: []].append(row.member) }
            let entries = try await db.raw(
                "SELECT \(unsafeRaw: FindingRow.columns) FROM inspection_findings WHERE inspection_id IN (" + list + ")"
            ).all(decoding: FindingRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            for row in entries { findings[row.inspectionId, default: []].append(try row.finding()) }
        }
        return try rows.map { row in
            var inspection = try row.inspection(team: teams[row.id] ?? [], findings: [], calendar: calendar)
            let entered = findings[row.id] ?? []
            // Findings in the order of the plan's items.
            inspection.findings = inspection.items.compactMap { item in entered.first { $0.item == item } }
            return inspection
        }
    }
}
