// SPDX-License-Identifier: Apache-2.0
import Foundation
import ZIPFoundation

/// Reads worksheets of an XLSX workbook held in memory, without Foundation's XMLParser.
///
/// Cell values are returned as display text: shared and inline strings verbatim
/// (rich-text runs concatenated), numbers per `TabularNumberText.display`, booleans
/// as "TRUE"/"FALSE", errors as their code ("#N/A"), formulas as their cached value.
/// Cells are placed by their reference; missing cells read as "". Row numbers are
/// Excel's (`<row r="N">`). Works with files from Excel, WPS, LibreOffice and openpyxl.
public struct TabularXLSXReader: Sendable {
    /// The workbook's sheets in tab order.
    public let sheets: [TabularXLSXSheetInfo]
    /// The shared-string table (may be empty).
    public let sharedStrings: [String]
    /// Largest accepted uncompressed size of any single XML part (zip-bomb guard).
    public let maxPartBytes: Int
    /// What the sheet read by `forEachRow` may still inflate to: the file's expansion limit
    /// (`expansionLimit(fileSize:)`) less the workbook parts and shared strings already read.
    private let remainingBytes: Int
    private let data: Data

    /// The most bytes all parts read from an XLSX file of `fileSize` bytes may inflate to
    /// together: 100 times the file (real sheets compress about 5–20 times), at least 32 MiB, at
    /// most 512 MiB (a worksheet of 300,000 rows × 10 short columns is roughly 200 MB of XML).
    /// A zip bomb (900 KB inflating to 900 MB) is refused before it is inflated.
    public static func expansionLimit(fileSize: Int) -> Int {
        min(512 << 20, max(32 << 20, fileSize.multipliedReportingOverflow(by: 100).overflow ? .max : fileSize * 100))
    }

    /// Opens the workbook and loads its sheet list and shared strings.
    ///
    /// `maxPartBytes` bounds the uncompressed size of each XML part (default 1 GiB); all the
    /// parts read together are bounded by `expansionLimit(fileSize:)`.
    /// - Throws: `TabularError.invalidWorkbook` when the zip or the workbook part is unusable,
    ///   `.expandsTooFar` when its parts inflate past the limits.
    public init(data: Data, maxPartBytes: Int = 1 << 30) throws {
        self.data = data
        self.maxPartBytes = maxPartBytes
        var remaining = Self.expansionLimit(fileSize: data.count)
        let archive = try TabularXLSXPackage.open(data)
        let (sheets, sharedPath, used) = try TabularXLSXPackage.readWorkbook(archive, limit: min(maxPartBytes, remaining))
        remaining -= used
        self.sheets = sheets
        let sharedPart = sharedPath ?? "xl/sharedStrings.xml"
        if let shared = try TabularXLSXPackage.extract(archive, sharedPart, limit: min(maxPartBytes, remaining)) {
            remaining -= shared.count
            sharedStrings = shared.withUnsafeBytes {
                TabularXLSXSheetParser.parseSharedStrings($0.bindMemory(to: UInt8.self))
            }
        } else {
            sharedStrings = []
        }
        remainingBytes = remaining
    }

    /// Names of the sheets in tab order.
    public var sheetNames: [String] { sheets.map(\.name) }

    /// Calls `body` for each row of the sheet named `sheetName` (default: the first sheet).
    ///
    /// Rows absent from the file are skipped (row numbers jump); the `fields` array
    /// is reused between calls and may be shorter than the widest row.
    /// - Throws: `TabularError.sheetNotFound`, `.invalidWorkbook`, or what `body` throws.
    public func forEachRow(
        sheet sheetName: String? = nil,
        _ body: (_ rowNumber: Int, _ fields: [String]) throws -> Void
    ) throws {
        let info = try sheet(named: sheetName)
        let archive = try TabularXLSXPackage.open(data)
        guard let xml = try TabularXLSXPackage.extract(archive, info.partPath, limit: min(maxPartBytes, remainingBytes)) else {
            throw TabularError.invalidWorkbook(detail: "missing \(info.partPath)")
        }
        try xml.withUnsafeBytes { raw in
            try TabularXLSXSheetParser.parseSheet(
                raw.bindMemory(to: UInt8.self),
                sharedStrings: sharedStrings, body)
        }
    }

    /// Reads all rows of a sheet (default: the first) into memory.
    public func readAllRows(sheet sheetName: String? = nil) throws -> [TabularRow] {
        var rows: [TabularRow] = []
        try forEachRow(sheet: sheetName) { number, fields in
            rows.append(TabularRow(number: number, fields: fields))
        }
        return rows
    }

    /// The sheet named `name` (exact, then trimmed case-insensitive match), or the first sheet for nil.
    /// - Throws: `TabularError.sheetNotFound`.
    public func sheet(named name: String?) throws -> TabularXLSXSheetInfo {
        guard let name else { return sheets[0] }
        if let exact = sheets.first(where: { $0.name == name }) { return exact }
        let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
        if let loose = sheets.first(where: { $0.name.trimmingCharacters(in: .whitespaces).lowercased() == trimmed }) {
            return loose
        }
        throw TabularError.sheetNotFound(name: name)
    }
}
