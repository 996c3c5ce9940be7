// SPDX-License-Identifier: Apache-2.0

import Crypto
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

    struct Parsed {
        var records: [Record]
        var issues: [RowIssue]
        var format: String
        var ignoredColumns: [String]
        var digest: String
    }

    func parse(_ data: Data, progress: (@Sendable (ImportProgress) -> Void)?) throws -> Parsed {
        let sheet: TabularSheet
        do { sheet = try TabularSheet.load(data) } catch let error as TabularError {
            throw ImportError.unreadable(error.message)
        }
        var columnOf: [Int: SheetMapping<Input>.Column] = [:]
        var ignored: [String] = []
        var present = Set<String>()
        for (index, header) in sheet.header.enumerated() {
            let name = TabularSheet.normalizeHeader(header)
            if let column = mapping.columns.first(where: { $0.header == name || $0.field == name }) {
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
            digest: SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined())
        // Rows are independent: validate them on every core, then merge in sheet order.
        var keyPaths: [WritableKeyPath<Input, String?>?] = Array(repeating: nil, count: sheet.header.count)
        for (index, column) in columnOf { keyPaths[index] = column.keyPath }
        let rows = sheet.rows
        let results = Self.validateConcurrently(rows.count) { index in
            var input = mapping.make()
            for (column, cell) in rows[index].fields.enumerated() where column < keyPaths.count {
                if let keyPath = keyPaths[column] { input[keyPath: keyPath] = cell }
            }
            return validate(input)
        }
        progress?(ImportProgress(phase: "validate", done: rows.count / 2, total: rows.count))
        parsed.records.reserveCapacity(rows.count)
        var seen: [String: Int] = [:]
        seen.reserveCapacity(rows.count)
        for (row, result) in zip(rows, results) {
            switch result {
            case .success(let record):
                let key = key(record)
                if let first = seen[key] {
                    parsed.issues.append(
                        RowIssue(row: row.number, column: mapping.header(keyField), field: keyField, message: "与第 \(first) 行重复（\(key)）"))
                } else {
                    seen[key] = row.number
                    parsed.records.append(record)
                }
            case .failure(let error):
                if case .invalid(let issues) = error {
                    for issue in issues {
                        parsed.issues.append(
                            RowIssue(row: row.number, column: mapping.header(issue.field), field: issue.field, message: issue.message))
                    }
                }
            }
        }
        progress?(ImportProgress(phase: "validate", done: sheet.rows.count, total: sheet.rows.count))
        return parsed
    }

    /// Runs `body` for 0..<count on all cores in chunks; results in index order.
    static func validateConcurrently(_ count: Int, _ body: (Int) -> Result<Record, LibraryError>) -> [Result<Record, LibraryError>] {
        let chunk = 4_096
        let chunks = (count + chunk - 1) / chunk
        var parts = [[Result<Record, LibraryError>]](repeating: [], count: chunks)
        parts.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            withoutActuallyEscaping(body) { body in
                nonisolated(unsafe) let work = body
                DispatchQueue.concurrentPerform(iterations: chunks) { part in
                    let range = (part * chunk)..<min(count, (part + 1) * chunk)
                    output[part] = range.map { work($0) }
                }
            }
        }
        return parts.flatMap { $0 }
    }

    static func formatName(_ format: TabularFileFormat) -> String {
        switch format {
        case .xlsx: "xlsx"
        case .csv(let encoding): "csv/\(encoding.rawValue)"
        }
    }
}
