// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore
import SuijiDraw

/// Builds the open datasets from what is public: published items, published plans and annual
/// plan versions, draws of approved plans and published results. Names of individual businesses
/// that look like personal names are masked (`PersonalDataMask`); no personal data is exported.
public struct OpenDataExporter: Sendable {
    public let database: SuijiDatabase

    public init(database: SuijiDatabase) {
        self.database = database
    }

    /// The dataset's table; `year` filters plans and annual plans (the latter needs it), `version`
    /// picks an annual plan version (the latest by default), `department` filters items.
    public func table(_ dataset: OpenDataset, year: Int? = nil, version: Int? = nil, department: String? = nil) async throws
        -> OpenDataTable
    {
        let rows: [[String]]
        switch dataset {
        case .items: rows = try await items(department: department)
        case .plans: rows = try await plans(year: year)
        case .annualPlan:
            guard let year else { throw PlanError.invalid([FieldIssue(field: "year", message: "请指定年度")]) }
            rows = try await annualPlan(year: year, version: version)
        case .draws: rows = try await draws()
        case .results: rows = try await results()
        case .drawLog: rows = try await PublicLogStore(database: database).log().entries.map(\.fields)
        }
        return OpenDataTable(dataset: dataset, rows: rows)
    }

    func items(department: String?) async throws -> [[String]] {
        try await database.read { db in
            let names = try await DepartmentStore.names(on: db)
            var sql: SQLQueryString = "\(unsafeRaw: CheckItemStore.select) WHERE v.version = i.current_version AND v.published = 1"
            if let department { sql += " AND i.department_code = \(bind: department)" }
            sql += " ORDER BY i.department_code, i.code"
            return try await db.raw(sql).all(decoding: CheckItemRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.item).map {
                [
                    $0.departmentCode, names[$0.departmentCode] ?? "", $0.code, String($0.version), $0.name,
                    $0.subItems.joined(separator: ";"),
                    $0.legalBasis, $0.targetKinds.map(\.label).joined(separator: ";"), $0.methods.map(\.label).joined(separator: ";"),
                    $0.isKeyItem ? "true" : "false", $0.requiresExpert ? "true" : "false", $0.frequency,
                ]
            }
        }
    }

    func plans(year: Int?) async throws -> [[String]] {
        try await database.read { db in
            var sql: SQLQueryString = "SELECT \(unsafeRaw: PlanStore.columns) FROM plans WHERE published = 1"
            if let year { sql += " AND year = \(bind: year)" }
            let plans = try await db.raw(sql + " ORDER BY year DESC, code").all(
                decoding: PlanRow.self, keyDecodingStrategy: .convertFromSnakeCase
            )
            .map { try $0.plan() }
            let years = Dictionary(plans.map { ($0.code, $0.year) }, uniquingKeysWith: { a, _ in a })
            return try await AnnualPlanStore.entries(plans: plans, on: db).map { [String(years[$0.planCode] ?? 0)] + Self.planCells($0) }
        }
    }

    func annualPlan(year: Int, version: Int?) async throws -> [[String]] {
        let versions = try await AnnualPlanStore(database: database).versions(year: year)
        guard let chosen = version.map({ v in versions.first { $0.version == v } }) ?? versions.last else {
            throw PlanError.notFound("\(year) 年度部门联合抽查计划尚未公示" + (version.map { "第 \($0) 版" } ?? ""))
        }
        return chosen.entries.map { [String(year), String(chosen.version), chosen.publishedAt, chosen.note] + Self.planCells($0) }
    }

    static func planCells(_ entry: AnnualPlanEntry) -> [String] {
        [
            entry.planCode, entry.planName, entry.initiator, entry.initiatorName, entry.participants.joined(separator: ";"),
            entry.participantNames.joined(separator: ";"), entry.items.map { "\($0.department):\($0.code)" }.joined(separator: ";"),
            entry.items.map(\.name).joined(separator: ";"), entry.scopeText, entry.windowStart.iso, entry.windowEnd.iso,
            entry.mergedFrom.joined(separator: ";"),
        ]
    }

    func draws() async throws -> [[String]] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT d.id, p.code AS plan_code, p.name AS plan_name, b.code AS batch_code, b.start_date, b.end_date, d.state,
                  d.committed_at, d.executed_at, d.redraw_of, (SELECT COUNT(*) FROM draw_selections s WHERE s.draw_id = d.id) AS selected
                FROM draws d JOIN plans p ON p.id = d.plan_id JOIN batches b ON b.id = d.batch_id
                WHERE \(PlanPolicy.isPublicSQL(state: "p.state")) ORDER BY d.prepared_at, d.id
                """
            ).all().map { row in
                let id = try row.decode(column: "id", as: String.self)
                return [
                    id, try row.decode(column: "plan_code", as: String.self), try row.decode(column: "plan_name", as: String.self),
                    try row.decode(column: "batch_code", as: String.self), try row.decode(column: "start_date", as: String.self),
                    try row.decode(column: "end_date", as: String.self), try row.decode(column: "state", as: String.self),
                    try row.decode(column: "committed_at", as: String?.self) ?? "",
                    try row.decode(column: "executed_at", as: String?.self) ?? "",
                    try row.decode(column: "redraw_of", as: String?.self) ?? "", String(try row.decode(column: "selected", as: Int.self)),
                    "/public/draws/\(id)", "/public/draws/\(id)/verify", "/public/draws/\(id)/bundle.zip",
                ]
            }
        }
    }

    func results() async throws -> [[String]] {
        try await database.read { db in
            try await db.raw(
                """
                SELECT i.id, i.draw_id, p.code AS plan_code, i.target_uid, i.target_name, i.target_kind, f.department, f.item_code,
                  f.category, i.published_at,
                  (SELECT MIN(t.legal_representative) FROM targets t WHERE t.uid = i.target_uid) AS operator_name
                FROM inspections i JOIN plans p ON p.id = i.plan_id JOIN inspection_findings f ON f.inspection_id = i.id
                WHERE i.published_at IS NOT NULL ORDER BY i.published_at, i.id, f.department, f.item_code
                """
            ).all().map { row in
                let kind = TargetKind(rawValue: try row.decode(column: "target_kind", as: String.self))
                let category = try JSONText.decode(ResultCategory.self, try row.decode(column: "category", as: String.self))
                let name = try row.decode(column: "target_name", as: String.self)
                let operatorName = try row.decode(column: "operator_name", as: String?.self) ?? ""
                return [
                    String(try row.decode(column: "id", as: Int64.self)), try row.decode(column: "draw_id", as: String.self),
                    try row.decode(column: "plan_code", as: String.self), try row.decode(column: "target_uid", as: String.self),
                    PersonalDataMask.targetName(name, kind: kind ?? .individualBusiness, operatorName: operatorName),
                    kind?.rawValue ?? "", try row.decode(column: "department", as: String.self),
                    try row.decode(column: "item_code", as: String.self), category.code, category.label,
                    try row.decode(column: "published_at", as: String?.self) ?? "",
                ]
            }
        }
    }
}
