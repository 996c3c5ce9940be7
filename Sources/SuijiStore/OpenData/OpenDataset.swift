// SPDX-License-Identifier: Apache-2.0

import Foundation

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
