// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A loaded table: the header row plus data rows with their Excel row numbers.
///
/// The header is the first non-blank row; blank rows (all cells empty) after it are
/// dropped, but every kept row keeps the row number the user sees in Excel.
public struct TabularSheet: Sendable, Equatable {
    /// The detected file format (and, for CSV, the text encoding).
    public var format: TabularFileFormat
    /// The sheet name for XLSX, nil for CSV.
    public var name: String?
    /// Header cells, each trimmed (whitespace, full-width space, BOM, zero-width chars).
    public var header: [String]
    /// Excel row number of the header row.
    public var headerRowNumber: Int
    /// Non-blank data rows below the header.
    public var rows: [TabularRow]

    /// Creates a sheet from already-split rows.
    public init(
        format: TabularFileFormat, name: String? = nil, header: [String], headerRowNumber: Int,
        rows: [TabularRow]
    ) {
        self.format = format
        self.name = name
        self.header = header
        self.headerRowNumber = headerRowNumber
        self.rows = rows
    }

    /// Loads the first (or the named) sheet of an XLSX file, or a CSV file.
    ///
    /// XLSX is recognised by the zip magic `PK\u{3}\u{4}`; otherwise the data is CSV
    /// in UTF-8 (with or without BOM) or GB18030.
    /// - Throws: `TabularError` (`.emptySheet` when there is no non-blank row).
    public static func load(_ data: Data, sheetName: String? = nil) throws -> TabularSheet {
        var builder = Builder()
        if try TabularFileFormat.isXLSX(data) {
            let reader = try TabularXLSXReader(data: data)
            let info = try reader.sheet(named: sheetName)
            try reader.forEachRow(sheet: info.name) { builder.add($0, $1) }
            return try builder.finish(format: .xlsx, name: info.name)
        }
        let reader = try TabularCSVReader(data: data)
        try reader.forEachRow { builder.add($0, $1) }
        return try builder.finish(format: .csv(reader.encoding), name: nil)
    }

    /// Maps header names to 0-based column indexes.
    ///
    /// Names are compared after `TabularSheet.normalizeHeader`. Every `required` name
    /// must be present; `optional` names are included when present. A duplicate of a
    /// requested name is an error; duplicates of other columns are ignored.
    /// - Throws: `TabularError.missingHeaders` or `.duplicateHeaders` (names in request order).
    public func columnIndexes(required: [String], optional: [String] = []) throws -> [String: Int] {
        var positions: [String: [Int]] = [:]
        for (index, cell) in header.enumerated() {
            positions[Self.normalizeHeader(cell), default: []].append(index)
        }
        var result: [String: Int] = [:]
        var missing: [String] = []
        var duplicates: [String] = []
        for (name, isRequired) in required.map({ ($0, true) }) + optional.map({ ($0, false) }) {
            let found = positions[Self.normalizeHeader(name)] ?? []
            if found.count > 1 { duplicates.append(name) }
            if let first = found.first { result[name] = first } else if isRequired { missing.append(name) }
        }
        if !missing.isEmpty { throw TabularError.missingHeaders(missing) }
        if !duplicates.isEmpty { throw TabularError.duplicateHeaders(duplicates) }
        return result
    }

    /// Trims whitespace (incl. U+3000), BOM and zero-width characters from both ends.
    public static func normalizeHeader(_ text: String) -> String {
        let extra: Set<UInt32> = [0xFEFF, 0x200B, 0x200C, 0x200D, 0x2060, 0x3000, 0x00A0]
        let scalars = text.unicodeScalars
        func strip(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace || extra.contains(s.value) }
        guard let start = scalars.firstIndex(where: { !strip($0) }),
            let end = scalars.lastIndex(where: { !strip($0) })
        else { return "" }
        return String(scalars[start...end])
    }

    private struct Builder {
        var header: [String]?
        var headerRow = 0
        var rows: [TabularRow] = []

        mutating func add(_ number: Int, _ fields: [String]) {
            if fields.allSatisfy({ $0.isEmpty }) { return }
            if header == nil {
                header = fields.map(TabularSheet.normalizeHeader)
                while header?.last == "" { header?.removeLast() }
                headerRow = number
            } else {
                rows.append(TabularRow(number: number, fields: fields))
            }
        }

        func finish(format: TabularFileFormat, name: String?) throws -> TabularSheet {
            guard let header else { throw TabularError.emptySheet }
            return TabularSheet(format: format, name: name, header: header, headerRowNumber: headerRow, rows: rows)
        }
    }
}
