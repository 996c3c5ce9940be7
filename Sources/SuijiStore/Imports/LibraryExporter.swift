// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore
import SuijiTabular

/// File formats of exports.
public enum ExportFormat: String, Sendable, CaseIterable {
    case csv
    case xlsx

    /// By a file name's extension; CSV unless it ends in `.xlsx`.
    public init(fileName: String) {
        self = fileName.lowercased().hasSuffix(".xlsx") ? .xlsx : .csv
    }

    /// MIME type for downloads.
    public var contentType: String {
        switch self {
        case .csv: "text/csv; charset=utf-8"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }
}

/// What can be exported: the four libraries and the department list.
public enum ExportKind: String, Sendable, CaseIterable {
    case targets, inspectors, experts, items, departments
}

/// Writes libraries in the same columns the importer reads, so an export re-imports unchanged.
public struct LibraryExporter: Sendable {
    public let database: SuijiDatabase

    public init(database: SuijiDatabase) {
        self.database = database
    }

    /// The header of the department column, written when an export spans several departments'
    /// libraries (the same code may sit in two libraries with different data); the importer
    /// accepts it and checks each row belongs to the department imported into.
    public static let departmentHeader = "部门代码"

    /// The rows (header first) of `kind` visible in `scope`, optionally of one department. A
    /// library export that is not limited to one department starts with the department column.
    public func rows(_ kind: ExportKind, scope: DepartmentScope, department: String? = nil) async throws -> [[String]] {
        let rows = try await libraryRows(kind, scope: scope, department: department)
        guard kind != .departments, department == nil, scope == .all else { return rows.map { Array($0.dropFirst()) } }
        return rows.enumerated().map { index, row in [index == 0 ? Self.departmentHeader : row[0]] + row.dropFirst() }
    }

    /// The library's rows with each record's department code first (header empty there).
    private func libraryRows(_ kind: ExportKind, scope: DepartmentScope, department: String?) async throws -> [[String]] {
        let query = ListQuery(department: department)
        let filter = ListingFilter(scope: scope, query: query, searchColumns: [], allowedFilters: [])
        switch kind {
        case .targets:
            let targets = try await database.read { db in
                try await db.raw(
                    "SELECT \(unsafeRaw: TargetStore.columns) FROM targets " + filter.whereClause + " ORDER BY department_code, uid"
                )
                .all(decoding: TargetRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            }
            return Self.table(SheetMapping<TargetInput>.targets, targets.map { ($0.departmentCode, TargetInput($0.target)) })
        case .inspectors:
            let inspectors = try await database.read { db in
                try await db.raw(
                    "SELECT \(unsafeRaw: InspectorStore.columns) FROM inspectors " + filter.whereClause
                        + " ORDER BY department_code, certificate_number"
                )
                .all(decoding: InspectorRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            }
            return Self.table(SheetMapping<InspectorInput>.inspectors, inspectors.map { ($0.departmentCode, InspectorInput($0.inspector)) })
        case .experts:
            let experts = try await database.read { db in
                try await db.raw(
                    "SELECT \(unsafeRaw: ExpertStore.columns) FROM experts " + filter.whereClause + " ORDER BY department_code, name, id"
                )
                .all(decoding: ExpertRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            }
            return Self.table(SheetMapping<ExpertInput>.experts, experts.map { ($0.departmentCode, ExpertInput($0.expert)) })
        case .items:
            let items = try await database.read { db in
                try await db.raw(
                    "SELECT * FROM (\(unsafeRaw: CheckItemStore.select) WHERE v.version = i.current_version) items " + filter.whereClause
                        + " ORDER BY department_code, code"
                ).all(decoding: CheckItemRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            }
            return Self.table(SheetMapping<CheckItemInput>.items, items.map { ($0.departmentCode, CheckItemInput($0.item)) })
        case .departments:
            let departments = try await DepartmentStore(database: database).all()
            return [["", "部门代码", "部门名称"]] + departments.map { ["", $0.code, $0.name] }
        }
    }

    /// The export as a file.
    public func export(_ kind: ExportKind, scope: DepartmentScope, department: String? = nil, format: ExportFormat) async throws -> Data {
        let rows = try await rows(kind, scope: scope, department: department)
        switch format {
        case .csv:
            return TabularCSVWriter.encode(TabularFormulaGuard.neutralize(rows))
        case .xlsx:
            let name = kind == .departments ? "部门" : LibraryKind(rawValue: kind.rawValue)?.label ?? kind.rawValue
            return try TabularXLSXWriter.encode([TabularXLSXWriter.Sheet(name: name, rows: rows)])
        }
    }

    /// The sheet of `inputs`, each row led by its department code (the header's first cell empty).
    static func table<Input>(_ mapping: SheetMapping<Input>, _ inputs: [(department: String, input: Input)]) -> [[String]] {
        var rows: [[String]] = [[""] + mapping.columns.map(\.header)]
        rows.reserveCapacity(inputs.count + 1)
        for (department, input) in inputs {
            rows.append([department] + mapping.columns.map { input[keyPath: $0.keyPath] ?? "" })
        }
        return rows
    }
}
