// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// Oversight statistics (§21): reads the plans, draws, inspections and follow-ups of a period
/// (the same SQL on SQLite and PostgreSQL) and computes `OversightReport` from them. Read-only;
/// scoped by `OversightPolicy` (a department admin sees its own department).
public struct StatisticsStore: Sendable {
    public let database: SuijiDatabase

    public init(database: SuijiDatabase) {
        self.database = database
    }

    /// The report of `period` as of `asOf`, for `account`.
    public func report(_ period: OversightPeriod, asOf: CalendarDate, for account: Account) async throws -> OversightReport {
        let department = try OversightPolicy.scope(account)
        let facts = try await database.read { db in
            try await Self.facts(period, department: department, calendar: database.calendar, on: db)
        }
        var departments = try await DepartmentStore(database: database).all()
        if let department { departments = departments.filter { $0.code == department } }
        return OversightReport(period: period, asOf: asOf, departments: departments, facts: facts)
    }

    /// The rows of `period` attributed to `department` (every department when nil). The SQL
    /// takes a margin around the period; `OversightReport` applies the exact definitions.
    static func facts(_ period: OversightPeriod, department: String?, calendar: WorkCalendar, on db: any SQLDatabase) async throws
        -> OversightFacts
    {
        let start = period.start.iso
        let end = period.end.iso
        var plans: SQLQueryString = """
            SELECT p.id, p.code, p.name, p.initiator, p.state, p.window_start, p.window_end,
              (SELECT COUNT(*) FROM draws d WHERE d.plan_id = p.id AND d.state = \(bind: DrawState.executed.rawValue)) AS executed_draws
            FROM plans p WHERE p.state <> 'draft' AND p.window_start <= \(bind: end) AND p.window_end >= \(bind: start)
            """
        if let department { plans += " AND p.initiator = \(bind: department)" }
        plans += " ORDER BY p.id"
        let planFacts = try await db.raw(plans).all(decoding: PlanFactRow.self, keyDecodingStrategy: .convertFromSnakeCase).map {
            try $0.fact()
        }

        // Executed-at is a UTC timestamp: a day either side covers the China day.
        var draws: SQLQueryString = """
            SELECT d.id, d.plan_id, p.code AS plan_code, p.initiator, d.executed_at FROM draws d JOIN plans p ON p.id = d.plan_id
            WHERE d.state = \(bind: DrawState.executed.rawValue) AND d.executed_at >= \(bind: period.start.adding(days: -1).iso)
              AND d.executed_at < \(bind: period.end.adding(days: 2).iso)
            """
        if let department { draws += " AND p.initiator = \(bind: department)" }
        draws += " ORDER BY d.executed_at, d.id"
        let drawFacts = try await db.raw(draws).all(decoding: DrawFactRow.self, keyDecodingStrategy: .convertFromSnakeCase).compactMap(
            \.fact)

        // A due date unknown when the inspection was created is computed on reading: take the
        // windows that end up to two months before the period.
        var inspections: SQLQueryString = """
            SELECT \(unsafeRaw: InspectionRow.columns) FROM inspections WHERE ((due_date >= \(bind: start) AND due_date <= \(bind: end))
              OR (due_date IS NULL AND window_end >= \(bind: period.start.adding(days: -62).iso) AND window_end <= \(bind: end)))
              AND state <> 'cancelled'
            """
        if let department { inspections += " AND initiator = \(bind: department)" }
        inspections += " ORDER BY due_date, id"
        let rows = try await db.raw(inspections).all(decoding: InspectionRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let inspectionFacts = try await InspectionStore.assemble(rows, calendar: calendar, on: db).map(InspectionFact.init)

        // The opening day lives in the follow-up's body; follow-ups are few (problems only).
        let followUps = try await FollowUpStore.select(department.map { "department = \(bind: $0)" } ?? "1 = 1", on: db)
        var followUpPlans: [Int64: Int64] = [:]
        var plansOf: SQLQueryString = "SELECT f.id, i.plan_id FROM follow_ups f JOIN inspections i ON i.id = f.inspection_id"
        if let department { plansOf += " WHERE f.department = \(bind: department)" }
        for row in try await db.raw(plansOf).all() {
            followUpPlans[try row.decode(column: "id", as: Int64.self)] = try row.decode(column: "plan_id", as: Int64.self)
        }
        return OversightFacts(
            plans: planFacts, draws: drawFacts, inspections: inspectionFacts, followUps: followUps, followUpPlans: followUpPlans,
            outsideChecks: try await OutsideCheckStore.facts(period, department: department, on: db))
    }
}

/// A plan row of the statistics query.
struct PlanFactRow: Codable {
    var id: Int64
    var code: String
    var name: String
    var initiator: String
    var state: String
    var windowStart: String
    var windowEnd: String
    var executedDraws: Int

    func fact() throws -> PlanFact {
        guard let start = CalendarDate(iso: windowStart), let end = CalendarDate(iso: windowEnd) else {
            throw PlanError.conflict("计划 \(code) 的抽查时间无法识别")
        }
        return PlanFact(
            id: id, code: code, name: name, initiator: initiator, state: PlanState(rawValue: state) ?? .draft, windowStart: start,
            windowEnd: end, executedDraws: executedDraws)
    }
}

/// A draw row of the statistics query.
struct DrawFactRow: Codable {
    var id: String
    var planId: Int64
    var planCode: String
    var initiator: String
    var executedAt: String?

    var fact: DrawFact? {
        guard let executed = StoredDate.parse(executedAt) else { return nil }
        return DrawFact(id: id, planID: planId, planCode: planCode, initiator: initiator, executedOn: CalendarDate(chinaDateOf: executed))
    }
}
