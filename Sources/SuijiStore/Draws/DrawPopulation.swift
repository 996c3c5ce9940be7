// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore
import SuijiDraw

/// The candidate pool of a batch, built from the libraries of the plan's departments: targets in
/// the plan's scope; those not operating, or already drawn this year (unless a key item is
/// checked), are listed as excluded with their reason (§14).
struct DrawPopulation {
    let plan: Plan
    let stratify: Bool
    let keyItem: Bool

    struct Candidate {
        var uid: String
        var department: String
        var risk: String
        var division: String
        var street: String
        var status: String
        var lastRandomInspection: String?
    }

    /// The WHERE clause of the scope on `targets`: SQL with `?` placeholders and their values.
    var filter: (sql: String, binds: [String]) {
        func list(_ values: [String]) -> String { values.map { _ in "?" }.joined(separator: ", ") }
        var sql = "WHERE department_code IN (\(list(plan.departments)))"
        var binds = plan.departments
        if !plan.scope.kinds.isEmpty {
            sql += " AND kind IN (\(list(plan.scope.kinds.map(\.rawValue))))"
            binds += plan.scope.kinds.map(\.rawValue)
        }
        if !plan.scope.industries.isEmpty {
            sql += " AND (" + plan.scope.industries.map { _ in "industry LIKE ?" }.joined(separator: " OR ") + ")"
            binds += plan.scope.industries.map { $0 + "%" }
        }
        if !plan.scope.tags.isEmpty {
            sql += " AND EXISTS (SELECT 1 FROM target_tags g WHERE g.target_id = targets.id AND g.item_code IN (\(list(plan.scope.tags))))"
            binds += plan.scope.tags
        }
        return (sql, binds)
    }

    static let select = "SELECT uid, department_code, risk_class, division, street, status, last_random_inspection FROM targets "

    /// Reads the candidates through SQLKit.
    func candidates(on db: any SQLDatabase) async throws -> [Candidate] {
        let (sql, binds) = filter
        var query = SQLQueryString(Self.select)
        var remaining = binds[...]
        for (index, piece) in (sql + " ORDER BY uid").split(separator: "?", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { query += "\(bind: remaining.removeFirst())" }
            query += SQLQueryString(String(piece))
        }
        return try await db.raw(query).all().map { row in
            Candidate(
                uid: try row.decode(column: "uid", as: String.self), department: try row.decode(column: "department_code", as: String.self),
                risk: try row.decode(column: "risk_class", as: String.self), division: try row.decode(column: "division", as: String.self),
                street: try row.decode(column: "street", as: String.self), status: try row.decode(column: "status", as: String.self),
                lastRandomInspection: try row.decode(column: "last_random_inspection", as: String?.self))
        }
    }

    /// Reads the candidates straight from a SQLite file (a million rows in a fraction of a second).
    func candidates(raw: SQLiteRaw) throws -> [Candidate] {
        let (sql, binds) = filter
        let statement = try raw.prepare(Self.select + sql + " ORDER BY uid")
        for (index, value) in binds.enumerated() { statement.bind(Int32(index + 1), value) }
        var result: [Candidate] = []
        while try statement.step() {
            result.append(
                Candidate(
                    uid: statement.text(0) ?? "", department: statement.text(1) ?? "", risk: statement.text(2) ?? "",
                    division: statement.text(3) ?? "", street: statement.text(4) ?? "", status: statement.text(5) ?? "",
                    lastRandomInspection: statement.text(6)))
        }
        return result
    }

    /// Targets drawn in an executed, not superseded draw of `year`, or checked outside the draw
    /// that year (§3, `OutsideCheckStore`): both count as the year's inspection.
    static func drawnThisYear(_ year: Int, on db: any SQLDatabase) async throws -> Set<String> {
        let rows = try await db.raw(
            """
            SELECT s.target_uid FROM draw_selections s JOIN draws d ON d.id = s.draw_id
            WHERE s.year = \(bind: year) AND d.id NOT IN (SELECT redraw_of FROM draws WHERE redraw_of IS NOT NULL AND state = 'executed')
            UNION SELECT target_uid FROM outside_checks WHERE checked_on >= \(bind: "\(year)-01-01") AND checked_on <= \(bind: "\(year)-12-31")
            """
        ).all()
        return Set(try rows.map { try $0.decode(column: "target_uid", as: String.self) })
    }

    /// Whether a target with `division` and resolved `street` code lies in the scope's areas.
    func inScopeAreas(division: String, street: String) -> Bool {
        plan.scope.areas.isEmpty
            || plan.scope.areas.contains(where: { division.hasPrefix($0) || (!street.isEmpty && street.hasPrefix($0)) })
    }

    /// The plan's eligible targets for the merge measure: the ids of operating candidates in the
    /// scope's areas (the pool a draw would start from, before the once-a-year exclusion).
    func eligible(_ candidates: [Candidate], areas: AreaResolver) -> Set<String> {
        Set(
            candidates.lazy.filter { candidate in
                candidate.status == TargetStatus.operating.rawValue
                    && inScopeAreas(division: candidate.division, street: areas.code(of: candidate.street))
            }.map(\.uid))
    }

    /// Turns sorted candidates into the canonical pool and the excluded list.
    func build(_ candidates: [Candidate], drawn: Set<String>, areas: AreaResolver) throws -> (CanonicalPool, ExcludedList) {
        var builder = PoolBuilder(reserve: candidates.count)
        var excluded: [ExcludedEntry] = []
        let yearPrefix = "\(plan.year)-"
        var index = 0
        while index < candidates.count {
            // One target may sit in several departments' libraries: take the initiator's record,
            // else the first department's in plan order.
            var end = index + 1
            while end < candidates.count && candidates[end].uid == candidates[index].uid { end += 1 }
            let record = candidates[index..<end].min {
                plan.departments.firstIndex(of: $0.department)! < plan.departments.firstIndex(of: $1.department)!
            }!
            index = end
            let street = areas.code(of: record.street)
            guard inScopeAreas(division: record.division, street: street) else { continue }
            let stratum = stratify ? record.risk : "ALL"
            if record.status == TargetStatus.deregistered.rawValue {
                excluded.append(ExcludedEntry(id: record.uid, stratum: stratum, reason: .deregistered))
            } else if record.status != TargetStatus.operating.rawValue {
                excluded.append(ExcludedEntry(id: record.uid, stratum: stratum, reason: .notOperating))
            } else if !keyItem && (drawn.contains(record.uid) || record.lastRandomInspection?.hasPrefix(yearPrefix) == true) {
                excluded.append(ExcludedEntry(id: record.uid, stratum: stratum, reason: .inspectedThisYear))
            } else {
                builder.append(idBytes: record.uid.utf8, stratum: stratum, division: UInt32(record.division) ?? 0, streetBytes: street.utf8)
            }
        }
        return (try builder.build(), try ExcludedList(excluded))
    }
}
