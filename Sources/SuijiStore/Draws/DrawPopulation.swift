// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore
import SuijiDraw

/// The candidate pool of a batch, built from the libraries of the plan's departments: targets in
/// the plan's scope; those not operating, or already checked this year on one of the plan's
/// ordinary items (the once-a-year rule of §14, per target and item), are listed as excluded
/// with their reason.
struct DrawPopulation {
    let plan: Plan
    let stratify: Bool
    let rule: OnceAYearRule
    /// The random checks earlier in the year by target (draws of the platform).
    let earlier: [String: [OnceAYearRule.EarlierCheck]]

    struct Candidate {
        var uid: String
        var department: String
        var risk: String
        var division: String
        var street: String
        var status: String
        var lastRandomInspection: String?
        var caseKind: String?
        var caseDate: String?
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

    static let select =
        "SELECT uid, department_code, risk_class, division, street, status, last_random_inspection, case_kind, case_date FROM targets "

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
                lastRandomInspection: try row.decode(column: "last_random_inspection", as: String?.self),
                caseKind: try row.decode(column: "case_kind", as: String?.self),
                caseDate: try row.decode(column: "case_date", as: String?.self))
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
                    lastRandomInspection: statement.text(6), caseKind: statement.text(7), caseDate: statement.text(8)))
        }
        return result
    }

    /// The targets drawn in `year` with the items their draw's plan checked: every executed draw,
    /// except the inspections cancelled by a re-draw and, when preparing a re-draw, the draw it
    /// replaces (its inspections not yet started will be cancelled when the re-draw executes); and
    /// the targets checked outside the draw that year (§3, `OutsideCheckStore`; items not recorded,
    /// so every item).
    static func earlierChecks(_ year: Int, replacing: String?, on db: any SQLDatabase) async throws
        -> [String: [OnceAYearRule.EarlierCheck]]
    {
        let rows = try await db.raw(
            """
            SELECT s.target_uid, s.draw_id, d.plan_id FROM draw_selections s JOIN draws d ON d.id = s.draw_id
              LEFT JOIN inspections i ON i.draw_id = s.draw_id AND i.target_uid = s.target_uid
            WHERE s.year = \(bind: year) AND (i.state IS NULL OR i.state <> 'cancelled')
              AND NOT (s.draw_id = \(bind: replacing ?? "") AND (i.state IS NULL OR i.state = 'pending'))
            """
        ).all()
        var items: [Int64: Set<PlanItem>] = [:]
        var checks: [String: [OnceAYearRule.EarlierCheck]] = [:]
        for row in rows {
            let plan = try row.decode(column: "plan_id", as: Int64.self)
            if items[plan] == nil { items[plan] = Set(try await PlanStore.load(id: plan, on: db)?.items ?? []) }
            checks[try row.decode(column: "target_uid", as: String.self), default: []].append(
                OnceAYearRule.EarlierCheck(source: try row.decode(column: "draw_id", as: String.self), items: items[plan]))
        }
        for row in try await db.raw(
            """
            SELECT target_uid, kind, checked_on FROM outside_checks
            WHERE checked_on >= \(bind: "\(year)-01-01") AND checked_on <= \(bind: "\(year)-12-31")
            """
        ).all() {
            let kind = OutsideCheckKind(rawValue: try row.decode(column: "kind", as: String.self))?.label ?? ""
            checks[try row.decode(column: "target_uid", as: String.self), default: []].append(
                OnceAYearRule.EarlierCheck(source: "抽取外的\(kind)检查 \(try row.decode(column: "checked_on", as: String.self))", items: nil))
        }
        return checks
    }

    /// Whether the once-a-year rule excludes the operating target `uid`, given its library's
    /// 最近随机抽查日期 (items unknown: every item) and its recorded case.
    func isCheckedThisYear(uid: String, lastRandomInspection: String?, caseKind: String?, caseDate: String?) -> Bool {
        guard rule.applies else { return false }
        var checks = earlier[uid] ?? []
        if let last = lastRandomInspection, last.hasPrefix("\(plan.year)-") {
            checks.append(OnceAYearRule.EarlierCheck(source: "最近随机抽查日期 \(last)", items: nil))
        }
        guard !checks.isEmpty else { return false }
        let flag = caseKind.flatMap(CaseFlag.Kind.init(rawValue:)).flatMap { kind in
            caseDate.flatMap { CalendarDate(iso: $0) }.map { CaseFlag(kind: kind, date: $0, source: "") }
        }
        if case .excluded = rule.verdict(earlier: checks, flag: flag) { return true }
        return false
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
    func build(_ candidates: [Candidate], areas: AreaResolver) throws -> (CanonicalPool, ExcludedList) {
        var builder = PoolBuilder(reserve: candidates.count)
        var excluded: [ExcludedEntry] = []
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
            } else if isCheckedThisYear(
                uid: record.uid, lastRandomInspection: record.lastRandomInspection, caseKind: record.caseKind, caseDate: record.caseDate)
            {
                excluded.append(ExcludedEntry(id: record.uid, stratum: stratum, reason: .inspectedThisYear))
            } else {
                builder.append(idBytes: record.uid.utf8, stratum: stratum, division: UInt32(record.division) ?? 0, streetBytes: street.utf8)
            }
        }
        return (try builder.build(), try ExcludedList(excluded))
    }
}
