// SPDX-License-Identifier: Apache-2.0
import Foundation
import ZIPFoundation

/// Writes a minimal, valid XLSX workbook with one or more named sheets.
///
/// Every cell is written as an inline string with the "@" (text) number format, so
/// credit codes and leading zeros survive; empty strings are left out as missing cells.
/// Characters illegal in XML 1.0 are stripped. The output opens in Excel, WPS,
/// LibreOffice and openpyxl.
public struct TabularXLSXWriter: Sendable {
    /// One worksheet to write.
    public struct Sheet: Sendable, Equatable {
        /// Tab name; sanitised by `TabularXLSXWriter.sanitizedSheetNames`.
        public var name: String
        /// Rows of cell texts; the first row is the header.
        public var rows: [[String]]
        /// Whether the first row is rendered bold.
        public var boldHeader: Bool

        /// Creates a sheet description.
        public init(name: String, rows: [[String]], boldHeader: Bool = true) {
            self.name = name
            self.rows = rows
            self.boldHeader = boldHeader
        }
    }

    /// Sheets in tab order.
    public var sheets: [Sheet]

    /// Creates a writer with the given sheets.
    public init(sheets: [Sheet] = []) {
        self.sheets = sheets
    }

    /// Appends a sheet.
    public mutating func addSheet(name: String, rows: [[String]], boldHeader: Bool = true) {
        sheets.append(Sheet(name: name, rows: rows, boldHeader: boldHeader))
    }

    /// Encodes the workbook as XLSX bytes (an empty workbook gets one empty sheet).
    /// - Throws: `TabularError.writeFailed` when the zip cannot be built.
    public func write() throws -> Data {
        let sheets = self.sheets.isEmpty ? [Sheet(name: "Sheet1", rows: [])] : self.sheets
        let names = Self.sanitizedSheetNames(sheets.map(\.name))
        var parts: [(String, Data)] = []
        parts.append(("[Content_Types].xml", TabularXLSXTemplates.contentTypes(sheetCount: sheets.count)))
        parts.append(("_rels/.rels", TabularXLSXTemplates.rootRels))
        parts.append(("xl/workbook.xml", TabularXLSXTemplates.workbook(names: names)))
        parts.append(("xl/_rels/workbook.xml.rels", TabularXLSXTemplates.workbookRels(sheetCount: sheets.count)))
        parts.append(("xl/styles.xml", TabularXLSXTemplates.styles))
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", Data(Self.sheetXML(sheet))))
        }
        return try Self.package(parts)
    }

    /// The date every part carries: fixed, not the clock's, so a workbook is a function of its
    /// sheets alone and an export of the same data is the same bytes (2000-01-01 12:00 UTC; the
    /// zip stores it in UTC).
    static let partDate = Date(timeIntervalSince1970: 946_728_000)

    /// Zips `parts` (path, bytes) into a package, each part deflated.
    static func package(_ parts: [(String, Data)]) throws -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, bytes) in parts {
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(bytes.count),
                    modificationDate: partDate, compressionMethod: .deflate,
                    bufferSize: 1 << 16
                ) { position, size in
                    bytes.subdata(in: Int(position)..<(Int(position) + size))
                }
            }
            guard let data = archive.data else { throw TabularError.writeFailed(detail: "no archive data") }
            return data
        } catch let error as TabularError {
            throw error
        } catch {
            throw TabularError.writeFailed(detail: "zip: \(error)")
        }
    }

    /// Encodes `sheets` as XLSX bytes.
    public static func encode(_ sheets: [Sheet]) throws -> Data {
        try TabularXLSXWriter(sheets: sheets).write()
    }

    /// Makes names valid and unique for Excel: `[ ] : * ? / \` become "_", leading and
    /// trailing apostrophes and spaces are removed, at most 31 characters, empty →
    /// "Sheet<n>", duplicates (case-insensitive) get a " (2)"-style suffix.
    public static func sanitizedSheetNames(_ names: [String]) -> [String] {
        var used = Set<String>()
        var result: [String] = []
        for (index, raw) in names.enumerated() {
            var name = String(
                raw.unicodeScalars.map { scalar -> Character in
                    if "[]:*?/\\".unicodeScalars.contains(scalar) { return "_" }
                    if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { return " " }
                    return Character(scalar)
                })
            name = name.trimmingCharacters(in: CharacterSet(charactersIn: "' ").union(.whitespaces))
            if name.isEmpty { name = "Sheet\(index + 1)" }
            name = String(name.prefix(31))
            var candidate = name
            var counter = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(counter))"
                candidate = String(name.prefix(31 - suffix.count)) + suffix
                counter += 1
            }
            used.insert(candidate.lowercased())
            result.append(candidate)
        }
        return result
    }

    static func sheetXML(_ sheet: Sheet) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(sheet.rows.count * 64 + 512)
        out.append(contentsOf: Array(TabularXLSXTemplates.sheetHead.utf8))
        var rowDigits: [UInt8] = []
        var columnRefs: [[UInt8]] = []
        for (rowIndex, row) in sheet.rows.enumerated() {
            rowDigits.removeAll(keepingCapacity: true)
            rowDigits.append(contentsOf: Array(String(rowIndex + 1).utf8))
            out.append(contentsOf: [0x3C, 0x72, 0x6F, 0x77, 0x20, 0x72, 0x3D, 0x22])  // <row r="
            out.append(contentsOf: rowDigits)
            out.append(contentsOf: [0x22, 0x3E])  // ">
            let style: UInt8 = (rowIndex == 0 && sheet.boldHeader) ? 0x32 : 0x31  // "2" bold / "1" text
            for (column, text) in row.enumerated() where !text.isEmpty {
                while columnRefs.count <= column {
                    columnRefs.append(TabularCellReference.columnLetters(columnRefs.count))
                }
                out.append(contentsOf: [0x3C, 0x63, 0x20, 0x72, 0x3D, 0x22])  // <c r="
                out.append(contentsOf: columnRefs[column])
                out.append(contentsOf: rowDigits)
                out.append(contentsOf: Self.styleAttr)
                out.append(style)
                out.append(contentsOf: Self.inlineOpen)
                if needsPreserve(text) { out.append(contentsOf: Self.preserveAttr) }
                out.append(0x3E)
                TabularXMLText.appendEscaped(text, to: &out)
                out.append(contentsOf: Self.cellClose)
            }
            out.append(contentsOf: Self.rowClose)
        }
        out.append(contentsOf: Array(TabularXLSXTemplates.sheetTail.utf8))
        return out
    }

    private static let styleAttr = Array("\" s=\"".utf8)
    private static let inlineOpen = Array("\" t=\"inlineStr\"><is><t".utf8)
    private static let preserveAttr = Array(" xml:space=\"preserve\"".utf8)
    private static let cellClose = Array("</t></is></c>".utf8)
    private static let rowClose = Array("</row>".utf8)

    private static func needsPreserve(_ text: String) -> Bool {
        guard let first = text.utf8.first, let last = text.utf8.last else { return false }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        return isSpace(first) || isSpace(last)
    }
}
