// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import SuijiDraw

extension TabularSheet {
    /// What `stream` found out about a file besides its rows.
    public struct StreamInfo: Sendable {
        public var format: TabularFileFormat
        /// SHA-256 of the file, hex.
        public var digest: String
    }

    /// Reads the first (or the named) sheet of an XLSX file, or a CSV file, row by row with the
    /// rules of `load` — the header is the first non-blank row, trimmed by `normalizeHeader`;
    /// blank rows are skipped; rows keep their Excel numbers — without holding the sheet: a CSV
    /// file is read piece by piece.
    /// - Parameters:
    ///   - header: the header cells and the header's row number, once, before any row.
    ///   - row: every non-blank row below the header.
    /// - Throws: `TabularError` (`.emptySheet` when there is no non-blank row), or what the
    ///   closures throw.
    public static func stream(
        _ input: TabularInput, sheetName: String? = nil, bytesRead: (Int) -> Void = { _ in }, header: ([String], Int) throws -> Void,
        row: (Int, [String]) throws -> Void
    ) throws -> StreamInfo {
        var seenHeader = false
        func add(_ number: Int, _ fields: [String]) throws {
            if fields.allSatisfy({ $0.isEmpty }) { return }
            if seenHeader { return try row(number, fields) }
            var cells = fields.map(TabularSheet.normalizeHeader)
            while cells.last == "" { cells.removeLast() }
            seenHeader = true
            try header(cells, number)
        }
        let info: StreamInfo
        if try isXLSX(input) {
            let data = try input.wholeData()
            let reader = try TabularXLSXReader(data: data)
            let sheet = try reader.sheet(named: sheetName)
            try reader.forEachRow(sheet: sheet.name) { try add($0, $1) }
            info = StreamInfo(format: .xlsx, digest: Bytes.hex(Array(SHA256.hash(data: data))))
        } else {
            var csv = TabularCSVStream()
            try csv.read(input, bytesRead: bytesRead) { try add($0, $1) }
            info = StreamInfo(format: .csv(csv.encoding), digest: Bytes.hex(Array(csv.digest.finalize())))
        }
        guard seenHeader else { throw TabularError.emptySheet }
        return info
    }

    /// Whether `input` is an XLSX workbook (by its first bytes; a legacy `.xls` is refused).
    public static func isXLSX(_ input: TabularInput) throws -> Bool {
        switch input {
        case .data(let data): return try TabularFileFormat.isXLSX(data)
        case .file:
            var reader = try TabularPieceReader(input)
            defer { reader.close() }
            return try TabularFileFormat.isXLSX(Data(try reader.next().prefix(4)))
        }
    }
}
