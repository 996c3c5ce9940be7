// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiTabular

/// The public, machine-readable datasets (docs/open-data.md): what the portal shows, with stable
/// English column names.
public enum OpenDataset: String, Sendable, CaseIterable, Codable {
    /// Published check items of every department (一单).
    case items
    /// Published joint plans of every year.
    case plans
    /// One version of a year's annual plan (the latest unless a version is given).
    case annualPlan = "annual-plan"
    /// Draws of public plans, with links to their pages and bundle ZIPs.
    case draws
    /// Published inspection results, one row per target and check item.
    case results
    /// The public draw log (docs/draw-spec.md §14): every entry, its last row the head.
    case drawLog = "draw-log"

    /// The Chinese title.
    public var title: String {
        switch self {
        case .items: "抽查事项清单"
        case .plans: "部门联合抽查计划"
        case .annualPlan: "年度部门联合抽查计划"
        case .draws: "随机抽取记录"
        case .results: "抽查结果"
        case .drawLog: "抽取公开日志"
        }
    }

    /// The stable column names, in order.
    public var columns: [String] {
        switch self {
        case .items:
            [
                "department_code", "department_name", "item_code", "item_version", "item_name", "sub_items", "legal_basis", "target_kinds",
                "check_methods", "is_key_item", "requires_expert", "frequency",
            ]
        case .plans: ["year"] + Self.planColumns
        case .annualPlan: ["year", "version", "published_at", "version_note"] + Self.planColumns
        case .draws:
            [
                "draw_id", "plan_code", "plan_name", "batch_code", "batch_start", "batch_end", "state", "committed_at", "executed_at",
                "redraw_of", "selected_count", "page_url", "verify_url", "bundle_url",
            ]
        case .results:
            [
                "inspection_id", "draw_id", "plan_code", "target_code", "target_name", "target_kind", "department_code", "item_code",
                "result_code", "result_label", "published_at",
            ]
        case .drawLog: ["seq", "time", "draw_id", "kind", "subject", "digest", "prev", "hash"]
        }
    }

    /// What each column holds, in Chinese, for the portal's open-data page.
    public static let columnMeanings: [String: String] = [
        "department_code": "部门代码", "department_name": "部门名称", "item_code": "抽查事项编码", "item_version": "事项版本号",
        "item_name": "抽查事项名称", "sub_items": "检查内容（以分号分隔）", "legal_basis": "检查依据", "target_kinds": "检查对象类型",
        "check_methods": "检查方式", "is_key_item": "是否重点检查事项",
        "requires_expert": "是否需要专家参与", "frequency": "抽查频次", "year": "年度", "version": "年度计划版本号",
        "published_at": "公示时间", "version_note": "本版变更说明", "plan_code": "计划编号",
        "plan_name": "计划名称", "initiator_code": "发起部门代码", "initiator_name": "发起部门名称", "participant_codes": "参与部门代码",
        "participant_names": "参与部门名称", "item_codes": "抽查事项（部门代码:事项编码）", "item_names": "抽查事项名称", "scope": "检查对象范围",
        "window_start": "抽查开始日期", "window_end": "抽查结束日期", "merged_from": "由哪些计划合并而来（计划编号）", "draw_id": "抽取编号",
        "batch_code": "批次编号", "batch_start": "批次开始日期", "batch_end": "批次结束日期",
        "state": "抽取状态", "committed_at": "承诺发布时间", "executed_at": "抽取执行时间",
        "redraw_of": "被本次重新抽取取代的抽取编号", "selected_count": "抽中的检查对象数", "page_url": "抽取公示页面网址",
        "verify_url": "在线核验页面网址", "bundle_url": "全部公示文件压缩包（ZIP）网址，可下载后独立重算核验", "inspection_id": "检查任务编号",
        "target_code": "统一社会信用代码（非市场主体为对象编号）", "target_name": "检查对象名称（个体工商户经营者姓名已脱敏）",
        "target_kind": "检查对象类型代码", "result_code": "检查结果代码", "result_label": "检查结果",
    ]

    static let planColumns = [
        "plan_code", "plan_name", "initiator_code", "initiator_name", "participant_codes", "participant_names", "item_codes", "item_names",
        "scope", "window_start", "window_end", "merged_from",
    ]
}

/// The file formats of open data.
public enum OpenDataFormat: String, Sendable, CaseIterable, Codable {
    case csv, xlsx, json

    public var contentType: String {
        switch self {
        case .csv: "text/csv; charset=utf-8"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .json: "application/json; charset=utf-8"
        }
    }

    /// `items.csv` → (`items`, csv); nil for anything else.
    public static func split(_ fileName: String) -> (name: String, format: OpenDataFormat)? {
        guard let dot = fileName.lastIndex(of: "."), let format = OpenDataFormat(rawValue: String(fileName[fileName.index(after: dot)...]))
        else { return nil }
        return (String(fileName[..<dot]), format)
    }
}

/// One dataset as a table, and its encodings.
public struct OpenDataTable: Sendable, Equatable {
    public var dataset: OpenDataset
    public var rows: [[String]]

    public init(dataset: OpenDataset, rows: [[String]]) {
        self.dataset = dataset
        self.rows = rows
    }

    public var columns: [String] { dataset.columns }

    /// The file in `format`: CSV (UTF-8 with BOM, header row), XLSX (one sheet, header row) or
    /// JSON (`{schema, dataset, columns, records}` with every value a string).
    public func encoded(_ format: OpenDataFormat) throws -> Data {
        switch format {
        case .csv: return TabularCSVWriter.encode([columns] + TabularFormulaGuard.neutralize(rows))
        case .xlsx: return try TabularXLSXWriter.encode([TabularXLSXWriter.Sheet(name: dataset.rawValue, rows: [columns] + rows)])
        case .json:
            struct Body: Encodable {
                var schema = "suiji-open-data/1"
                var dataset: String
                var title: String
                var columns: [String]
                var records: [[String: String]]
            }
            let body = Body(
                dataset: dataset.rawValue, title: dataset.title, columns: columns,
                records: rows.map { Dictionary(zip(columns, $0).map { ($0, $1) }, uniquingKeysWith: { a, _ in a }) })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            return try encoder.encode(body)
        }
    }
}
