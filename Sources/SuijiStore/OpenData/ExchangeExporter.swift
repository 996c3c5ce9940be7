// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore
import SuijiTabular

/// The exchange file (§8) for uploading a year's published plans and results to the national
/// enterprise credit publicity system (国家企业信用信息公示系统) through the provincial platform:
/// `suiji-exchange/1`, as JSON or XLSX, documented in docs/exchange.md. Only what is published
/// goes in; names are not masked (the file is for the official upload, not for the public).
public struct ExchangeExporter: Sendable {
    public let database: SuijiDatabase

    public init(database: SuijiDatabase) {
        self.database = database
    }

    /// The file's formats.
    public enum Format: String, Sendable, CaseIterable {
        case json, xlsx

        public var contentType: String {
            switch self {
            case .json: "application/json; charset=utf-8"
            case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        }
    }

    public struct DepartmentRef: Sendable, Encodable, Equatable {
        public var code: String
        public var name: String
    }

    public struct PlanItemRef: Sendable, Encodable, Equatable {
        public var departmentCode: String
        public var itemCode: String
        public var itemName: String
    }

    /// A published joint plan (部门联合抽查计划).
    public struct PlanRecord: Sendable, Encodable, Equatable {
        public var planCode: String
        public var planName: String
        public var year: Int
        public var initiator: DepartmentRef
        public var participants: [DepartmentRef]
        public var items: [PlanItemRef]
        public var scope: String
        public var windowStart: String
        public var windowEnd: String
    }

    /// One published result: one target and one check item (抽查结果).
    public struct ResultRecord: Sendable, Encodable, Equatable {
        public var inspectionId: Int64
        public var planCode: String
        public var planName: String
        public var drawId: String
        public var targetCode: String
        public var targetName: String
        public var targetKind: String
        public var department: DepartmentRef
        public var itemCode: String
        public var itemName: String
        public var checkMethods: [String]
        public var resultCode: String
        public var resultLabel: String
        public var nonCooperation: [String]
        public var checkStart: String
        public var checkEnd: String
        public var publishedOn: String
        public var verifyUrl: String
    }

    /// The whole file.
    public struct Document: Sendable, Encodable, Equatable {
        public var schema = "suiji-exchange/1"
        public var title = "部门联合“双随机、一公开”抽查计划及结果（供国家企业信用信息公示系统归集）"
        public var year: Int
        /// The department whose plans and results are in the file; nil for every department.
        public var department: DepartmentRef?
        public var generatedAt: String
        public var plans: [PlanRecord]
        public var results: [ResultRecord]
    }

    /// The year's published plans (of which `department` initiates or takes part, when given) and
    /// published results (the items `department` checked, when given).
    public func document(year: Int, department: String?, at: Date) async throws -> Document {
        try await database.read { db in
            let names = try await DepartmentStore.names(on: db)
            func ref(_ code: String) -> DepartmentRef { DepartmentRef(code: code, name: names[code] ?? code) }
            let plans = try await db.raw(
                "SELECT \(unsafeRaw: PlanStore.columns) FROM plans WHERE published = 1 AND year = \(bind: year) ORDER BY code"
            ).all(decoding: PlanRow.self, keyDecodingStrategy: .convertFromSnakeCase).map { try $0.plan() }
                .filter { plan in department.map(plan.departments.contains) ?? true }
            let entries = try await AnnualPlanStore.entries(plans: plans, on: db)
            let planRecords = zip(plans, entries).map { plan, entry in
                PlanRecord(
                    planCode: plan.code, planName: plan.name, year: plan.year, initiator: ref(plan.initiator),
                    participants: plan.participants.map(ref),
                    items: entry.items.map { PlanItemRef(departmentCode: $0.department, itemCode: $0.code, itemName: $0.name) },
                    scope: entry.scopeText, windowStart: plan.windowStart.iso, windowEnd: plan.windowEnd.iso)
            }
            let itemNames = try await CheckItemStore.currentNames(on: db)
            var sql: SQLQueryString = """
                SELECT i.id, i.draw_id, p.code AS plan_code, p.name AS plan_name, i.target_uid, i.target_name, i.target_kind,
                  i.window_start, i.window_end, i.published_at, f.department, f.item_code, f.methods, f.category, f.non_cooperation
                FROM inspections i JOIN plans p ON p.id = i.plan_id JOIN inspection_findings f ON f.inspection_id = i.id
                WHERE i.published_at IS NOT NULL AND p.year = \(bind: year)
                """
            if let department { sql += " AND f.department = \(bind: department)" }
            let results = try await db.raw(sql + " ORDER BY i.published_at, i.id, f.department, f.item_code").all().map { row in
                let category = try JSONText.decode(ResultCategory.self, try row.decode(column: "category", as: String.self))
                let departmentCode = try row.decode(column: "department", as: String.self)
                let itemCode = try row.decode(column: "item_code", as: String.self)
                let drawID = try row.decode(column: "draw_id", as: String.self)
                let published = StoredDate.parse(try row.decode(column: "published_at", as: String?.self))
                return ResultRecord(
                    inspectionId: try row.decode(column: "id", as: Int64.self),
                    planCode: try row.decode(column: "plan_code", as: String.self),
                    planName: try row.decode(column: "plan_name", as: String.self), drawId: drawID,
                    targetCode: try row.decode(column: "target_uid", as: String.self),
                    targetName: try row.decode(column: "target_name", as: String.self),
                    targetKind: TargetKind(rawValue: try row.decode(column: "target_kind", as: String.self))?.label ?? "",
                    department: ref(departmentCode), itemCode: itemCode,
                    itemName: itemNames[PlanItem(department: departmentCode, code: itemCode)] ?? itemCode,
                    checkMethods: try JSONText.decode([CheckMethod].self, try row.decode(column: "methods", as: String.self)).map(\.label),
                    resultCode: category.code, resultLabel: category.label,
                    nonCooperation: try JSONText.decode([NonCooperation].self, try row.decode(column: "non_cooperation", as: String.self))
                        .map(\.label),
                    checkStart: try row.decode(column: "window_start", as: String.self),
                    checkEnd: try row.decode(column: "window_end", as: String.self),
                    publishedOn: published.map { CalendarDate(chinaDateOf: $0).iso } ?? "", verifyUrl: "/public/draws/\(drawID)/verify")
            }
            return Document(
                year: year, department: department.map(ref), generatedAt: Timestamp.format(at), plans: planRecords, results: results)
        }
    }

    /// The document as a file: JSON (sorted keys), or XLSX with the sheets 说明, 抽查计划 and 抽查结果
    /// (Chinese headers, one row per plan and per result).
    public func encoded(_ document: Document, format: Format) throws -> Data {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            return try encoder.encode(document)
        case .xlsx:
            let about = [
                ["项目", "内容"], ["格式", document.schema], ["标题", document.title], ["年度", String(document.year)],
                ["部门", document.department.map { "\($0.name)（\($0.code)）" } ?? "全部成员单位"], ["生成时间（UTC）", document.generatedAt],
                ["抽查计划", String(document.plans.count)], ["抽查结果", String(document.results.count)],
            ]
            let plans =
                [Self.planHeader]
                + document.plans.map { plan in
                    [
                        plan.planCode, plan.planName, String(plan.year), plan.initiator.code, plan.initiator.name,
                        plan.participants.map(\.code).joined(separator: ";"), plan.participants.map(\.name).joined(separator: ";"),
                        plan.items.map { "\($0.departmentCode):\($0.itemCode)" }.joined(separator: ";"),
                        plan.items.map(\.itemName).joined(separator: ";"), plan.scope, plan.windowStart, plan.windowEnd,
                    ]
                }
            let results =
                [Self.resultHeader]
                + document.results.map { result in
                    [
                        String(result.inspectionId), result.planCode, result.planName, result.drawId, result.targetCode, result.targetName,
                        result.targetKind, result.department.code, result.department.name, result.itemCode, result.itemName,
                        result.checkMethods.joined(separator: ";"), result.resultCode, result.resultLabel,
                        result.nonCooperation.joined(separator: ";"), result.checkStart, result.checkEnd, result.publishedOn,
                        result.verifyUrl,
                    ]
                }
            return try TabularXLSXWriter.encode([
                TabularXLSXWriter.Sheet(name: "说明", rows: about), TabularXLSXWriter.Sheet(name: "抽查计划", rows: plans),
                TabularXLSXWriter.Sheet(name: "抽查结果", rows: results),
            ])
        }
    }

    /// Sheet headers (docs/exchange.md maps each to its JSON field).
    public static let planHeader = [
        "抽查计划编号", "抽查计划名称", "年度", "发起部门代码", "发起部门", "参与部门代码", "参与部门", "抽查事项代码", "抽查事项", "检查对象范围", "抽查开始日期", "抽查结束日期",
    ]
    public static let resultHeader = [
        "检查任务编号", "抽查计划编号", "抽查计划名称", "抽取编号", "统一社会信用代码", "检查对象名称", "检查对象类型", "检查部门代码", "检查部门", "抽查事项代码", "抽查事项",
        "检查方式", "检查结果代码", "检查结果", "不配合情形", "检查开始日期", "检查结束日期", "公示日期", "抽取验证地址",
    ]
}
