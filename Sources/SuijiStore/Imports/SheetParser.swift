// SPDX-License-Identifier: Apache-2.0

import SuijiDraw
import Foundation
import SuijiCore
import SuijiTabular

/// Reads a sheet row by row and validates every row into a record, collecting every issue; the
/// records are handed over in chunks, so a sheet of a million rows is never held whole.
struct SheetParser<Input: Sendable, Record: Sendable>: Sendable {
    let mapping: SheetMapping<Input>
    let validate: @Sendable (Input) -> Result<Record, LibraryError>
    /// The upsert key of a record, for duplicate detection within the file.
    let key: @Sendable (Record) -> String
    /// The field named when a key repeats.
    let keyField: String
    /// The department imported into: a department column (as a whole-district export has) is
    /// accepted when each row names this department, by code or name.
    var department: Department? = nil

    /// Consecutive rows of the sheet: the valid records with their row numbers, and the issues of
    /// the others (a key repeated within the file is an issue of its later row).
    struct Chunk: Sendable {
        var records: [Record] = []
        var rows: [Int] = []
        var issues: [RowIssue] = []
        /// Rows of the sheet in this chunk (valid or not).
        var rowCount = 0
        /// Bytes of the file read so far (0 when unknown).
        var bytesRead = 0
    }

    /// Everything at once (the small libraries).
    struct Parsed: Sendable {
        var records: [Record]
        var rows: [Int]
        var issues: [RowIssue]
        var summary: SheetSummary
    }

    /// Thrown to stop reading when the consumer has stopped.
    private struct Stopped: Error {}

    /// Rows per chunk.
    static var chunkSize: Int { 4_096 }

    /// Reads `input` and hands its rows to `emit` in chunks, in sheet order; `emit` returns false
    /// to stop reading (its consumer gave up).
    /// - Throws: `ImportError.unreadable` for a file that is not a sheet or lacks required columns.
    /// `fileName`, when known, names the file in the message of an unreadable one.
    func stream(_ input: TabularInput, fileName: String? = nil, emit: (Chunk) throws -> Bool) throws -> SheetSummary {
        var columns: [Int: SheetMapping<Input>.Column] = [:]
        var keyPaths: [WritableKeyPath<Input, String?>?] = []
        var fields: [String] = []
        var ignored: [String] = []
        var departmentColumn: Int?
        var isCSV = true
        var chunk = Chunk()
        var seen: [String: Int] = [:]
        var rows = 0
        var bytesRead = 0
        let file = fileName.map { $0.trimmed }.flatMap { $0.isEmpty ? nil : "文件“\($0)”" }
        let info: TabularSheet.StreamInfo
        do {
            isCSV = try !TabularSheet.isXLSX(input)
            info = try TabularSheet.stream(input, bytesRead: { bytesRead = $0 }) { header, headerRow in
                (columns, ignored, departmentColumn) = try resolve(header, headerRow: headerRow)
                keyPaths = Array(repeating: nil, count: header.count)
                fields = Array(repeating: "", count: header.count)
                for (index, column) in columns {
                    keyPaths[index] = column.keyPath
                    fields[index] = column.field
                }
            } row: { number, cells in
                rows += 1
                chunk.rowCount += 1
                add(
                    number, cells, departmentColumn: departmentColumn, keyPaths: keyPaths, fields: fields, isCSV: isCSV, seen: &seen,
                    to: &chunk)
                if chunk.rowCount >= Self.chunkSize {
                    chunk.bytesRead = bytesRead
                    guard try emit(chunk) else { throw Stopped() }
                    chunk = Chunk()
                }
            }
        } catch is Stopped {
            return SheetSummary(format: "", ignoredColumns: ignored, digest: "", rows: rows)
        } catch let error as TabularError {
            throw ImportError.unreadable(file.map { "\($0)：\(error.message)" } ?? error.message)
        } catch let error as ImportError {
            throw error
        } catch {
            // A damaged workbook (e.g. a truncated ZIP) is bad input, not a server failure.
            throw ImportError.unreadable("\(file ?? "文件")无法读取：不是有效的 CSV 或 XLSX 文件")
        }
        chunk.bytesRead = bytesRead
        if chunk.rowCount > 0 { _ = try emit(chunk) }
        return SheetSummary(format: Self.formatName(info.format), ignoredColumns: ignored, digest: info.digest, rows: rows)
    }

    /// The whole sheet's records and issues.
    func parse(_ input: TabularInput, fileName: String? = nil) throws -> Parsed {
        var records: [Record] = []
        var rows: [Int] = []
        var issues: [RowIssue] = []
        let summary = try stream(input, fileName: fileName) { chunk in
            records += chunk.records
            rows += chunk.rows
            issues += chunk.issues
            return true
        }
        return Parsed(records: records, rows: rows, issues: issues, summary: summary)
    }

    /// The header's columns: the mapped ones by index, the ignored names, the department column.
    private func resolve(_ header: [String], headerRow: Int) throws -> ([Int: SheetMapping<Input>.Column], [String], Int?) {
        var columnOf: [Int: SheetMapping<Input>.Column] = [:]
        var ignored: [String] = []
        var present = Set<String>()
        var departmentColumn: Int?
        for (index, name) in header.enumerated() {
            if Self.departmentHeaders.contains(name), department != nil {
                if departmentColumn != nil { throw ImportError.unreadable("表头“\(name)”重复") }
                departmentColumn = index
            } else if let column = mapping.columns.first(where: { $0.header == name || $0.field == name }) {
                if present.contains(column.field) { throw ImportError.unreadable("表头“\(name)”重复") }
                columnOf[index] = column
                present.insert(column.field)
            } else if !name.isEmpty {
                ignored.append(name)
            }
        }
        let missing = mapping.requiredFields.filter { !present.contains($0) }.map { mapping.header($0) }
        if !missing.isEmpty {
            throw ImportError.unreadable("缺少必需的列：\(missing.joined(separator: "、"))（第 \(headerRow) 行应为表头）")
        }
        return (columnOf, ignored, departmentColumn)
    }

    /// Validates one row into `chunk`.
    private func add(
        _ number: Int, _ cells: [String], departmentColumn: Int?, keyPaths: [WritableKeyPath<Input, String?>?], fields: [String],
        isCSV: Bool, seen: inout [String: Int], to chunk: inout Chunk
    ) {
        if let departmentColumn, let department, departmentColumn < cells.count {
            let cell = cells[departmentColumn].trimmingCharacters(in: .whitespaces)
            if !cell.isEmpty && cell != department.code && cell != department.name {
                chunk.issues.append(
                    RowIssue(
                        row: number, column: LibraryExporter.departmentHeader, field: LibraryExporter.departmentHeader,
                        message: "本行属于部门“\(cell)”，不能导入\(department.name)（\(department.code)）的库；请只导入本部门的行"))
                return
            }
        }
        var input = mapping.make()
        var unsafe: [FieldIssue] = []
        for (column, cell) in cells.enumerated() where column < keyPaths.count {
            guard let keyPath = keyPaths[column] else { continue }
            input[keyPath: keyPath] = isCSV ? TabularFormulaGuard.restore(cell) : cell
            // NUL and bidi controls are refused in every cell (TextSafety), with the row and column.
            if let scalar = TextSafety.forbidden(in: cell) {
                unsafe.append(
                    FieldIssue(field: fields[column], message: TextSafety.message(label: mapping.header(fields[column]), scalar: scalar)))
            }
        }
        switch unsafe.isEmpty ? validate(input) : .failure(.invalid(unsafe)) {
        case .success(let record):
            let key = key(record)
            if let first = seen[key] {
                chunk.issues.append(
                    RowIssue(row: number, column: mapping.header(keyField), field: keyField, message: "与第 \(first) 行重复（\(key)）"))
            } else {
                seen[key] = number
                chunk.records.append(record)
                chunk.rows.append(number)
            }
        case .failure(let error):
            if case .invalid(let issues) = error {
                for issue in issues {
                    chunk.issues.append(
                        RowIssue(row: number, column: mapping.header(issue.field), field: issue.field, message: issue.message))
                }
            }
        }
    }

    /// Headers of the department column (`LibraryExporter.departmentHeader` and its aliases).
    static var departmentHeaders: Set<String> { [LibraryExporter.departmentHeader, "部门", "department", "departmentCode"] }

    static func formatName(_ format: TabularFileFormat) -> String {
        switch format {
        case .xlsx: "xlsx"
        case .csv(let encoding): "csv/\(encoding.rawValue)"
        }
    }
}

/// What an import file says besides its records.
struct SheetSummary: Sendable {
    var format: String
    var ignoredColumns: [String]
    var digest: String
    /// Data rows read (valid or not).
    var rows: Int
}
