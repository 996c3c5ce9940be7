// SPDX-License-Identifier: Apache-2.0

import SuijiDraw
import Foundation
import SuijiCore

/// Reads a sheet and validates every row into records, collecting every issue.
struct SheetParser<Input: Sendable, Record: Sendable> {
    let mapping: SheetMapping<Input>
    let validate: (Input) -> Result<Record, LibraryError>
    /// The upsert key of a record, for duplicate detection within the file.
    let key: (Record) -> String
    /// The field named when a key repeats.
    let keyField: String
    /// The department imported into: a department column (as a whole-district export has) is
    /// accepted when each row names this department, by code or name.
    var department: Department? = nil

    struct Parsed {
        var records: [Record]
        /// The sheet row number of each record (the header is row 1).
        var rows: [Int] = []
        var issues: [RowIssue]
        var format: String
        var ignoredColumns: [String]
        var digest: String
    }

    func parse(_ data: Data, fileName: String? = nil, progress: (@Sendable (ImportProgress) -> Void)?) throws -> Parsed {
        let sheet: TabularSheet
        let file = fileName.map { $0.trimmed }.flatMap { $0.isEmpty ? nil : "文件“\($0)”" }
        do { sheet = try TabularSheet.load(data) } catch let error as TabularError {
            throw ImportError.unreadable(file.map { "\($0)：\(error.message)" } ?? error.message)
        } catch {
            // A damaged workbook (e.g. a truncated ZIP) is bad input, not a server failure.
            throw ImportError.unreadable("\(file ?? "文件")无法读取：不是有效的 CSV 或 XLSX 文件")
        }
        var columnOf: [Int: SheetMapping<Input>.Column] = [:]
        var ignored: [String] = []
        var present = Set<String>()
        var departmentColumn: Int?
        for (index, header) in sheet.header.enumerated() {
            let name = TabularSheet.normalizeHeader(header)
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
            throw ImportError.unreadable("缺少必需的列：\(missing.joined(separator: "、"))（第 \(sheet.headerRowNumber) 行应为表头）")
        }
        var parsed = Parsed(
            records: [], issues: [], format: Self.formatName(sheet.format), ignoredColumns: ignored,
            digest: Bytes.sha256Hex(data))
        // Rows are independent: validate them on every core, then merge in sheet order.
        var keyPaths: [WritableKeyPath<Input, String?>?] = Array(repeating: nil, count: sheet.header.count)
        var fields: [String] = Array(repeating: "", count: sheet.header.count)
        for (index, column) in columnOf {
            keyPaths[index] = column.keyPath
            fields[index] = column.field
        }
        let rows = sheet.rows
        let isCSV = sheet.format != .xlsx
        let department = department
        let chunks = Self.validateConcurrently(rows.count) { index in
            if let departmentColumn, let department, departmentColumn < rows[index].fields.count {
                let cell = rows[index].fields[departmentColumn].trimmingCharacters(in: .whitespaces)
                if !cell.isEmpty && cell != department.code && cell != department.name {
                    return .failure(
                        .invalid([
                            FieldIssue(
                                field: LibraryExporter.departmentHeader,
                                message: "本行属于部门“\(cell)”，不能导入\(department.name)（\(department.code)）的库；请只导入本部门的行")
                        ]))
                }
            }
            var input = mapping.make()
            var unsafe: [FieldIssue] = []
            for (column, cell) in rows[index].fields.enumerated() where column < keyPaths.count {
                guard let keyPath = keyPaths[column] else { continue }
                input[keyPath: keyPath] = isCSV ? TabularFormulaGuard.restore(cell) : cell
                // NUL and bidi controls are refused in every cell (TextSafety), with the row and column.
                if let scalar = TextSafety.forbidden(in: cell) {
                    let label = mapping.header(fields[column])
                    unsafe.append(FieldIssue(field: fields[column], message: TextSafety.message(label: label, scalar: scalar)))
                }
            }
            return unsafe.isEmpty ? validate(input) : .failure(.invalid(unsafe))
        }
        progress?(ImportProgress(phase: "validate", done: rows.count / 2, total: rows.count))
        // Merge in sheet order; then find keys repeated within the file.
        var rowNumbers: [Int] = []
        rowNumbers.reserveCapacity(rows.count)
        parsed.records.reserveCapacity(rows.count)
        for chunk in chunks {
            parsed.records.append(contentsOf: chunk.records)
            rowNumbers.append(contentsOf: chunk.recordIndexes.lazy.map { rows[$0].number })
            for (index, error) in chunk.failures {
                if case .invalid(let issues) = error {
                    for issue in issues {
                        parsed.issues.append(
                            RowIssue(
                                row: rows[index].number, column: mapping.header(issue.field), field: issue.field, message: issue.message))
                    }
                }
            }
        }
        var seen: [String: Int] = [:]
        seen.reserveCapacity(parsed.records.count)
        var duplicates: [Int] = []
        for (position, record) in parsed.records.enumerated() {
            let key = key(record)
            if let first = seen[key] {
                duplicates.append(position)
                parsed.issues.append(
                    RowIssue(
                        row: rowNumbers[position], column: mapping.header(keyField), field: keyField, message: "与第 \(first) 行重复（\(key)）"))
            } else {
                seen[key] = rowNumbers[position]
            }
        }
        if !duplicates.isEmpty {
            let drop = Set(duplicates)
            parsed.records = parsed.records.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
            rowNumbers = rowNumbers.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
        }
        parsed.rows = rowNumbers
        parsed.issues.sort { $0.row < $1.row }
        progress?(ImportProgress(phase: "validate", done: sheet.rows.count, total: sheet.rows.count))
        return parsed
    }

    /// Headers of the department column (`LibraryExporter.departmentHeader` and its aliases).
    static var departmentHeaders: Set<String> { [LibraryExporter.departmentHeader, "部门", "department", "departmentCode"] }

    /// The outcome of validating one chunk of rows.
    struct Chunk {
        var records: [Record] = []
        /// Row indexes of `records`.
        var recordIndexes: [Int] = []
        var failures: [(Int, LibraryError)] = []
    }

    /// Runs `body` for 0..<count on all cores in chunks; chunks in index order.
    static func validateConcurrently(_ count: Int, _ body: (Int) -> Result<Record, LibraryError>) -> [Chunk] {
        let size = 4_096
        let chunkCount = (count + size - 1) / size
        var chunks = [Chunk](repeating: Chunk(), count: chunkCount)
        chunks.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            withoutActuallyEscaping(body) { body in
                nonisolated(unsafe) let work = body
                DispatchQueue.concurrentPerform(iterations: chunkCount) { part in
                    var chunk = Chunk()
                    chunk.records.reserveCapacity(size)
                    chunk.recordIndexes.reserveCapacity(size)
                    for index in (part * size)..<min(count, (part + 1) * size) {
                        switch work(index) {
                        case .success(let record):
                            chunk.records.append(record)
                            chunk.recordIndexes.append(index)
                        case .failure(let error):
                            chunk.failures.append((index, error))
                        }
                    }
                    output[part] = chunk
                }
            }
        }
        return chunks
    }

    static func formatName(_ format: TabularFileFormat) -> String {
        switch format {
        case .xlsx: "xlsx"
        case .csv(let encoding): "csv/\(encoding.rawValue)"
        }
    }
}
