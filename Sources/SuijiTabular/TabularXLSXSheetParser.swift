// SPDX-License-Identifier: Apache-2.0

/// Byte-level parsers for the shared-strings part and worksheet parts of XLSX.
enum TabularXLSXSheetParser {
    private static let siName = Array("si".utf8), tName = Array("t".utf8), rPhName = Array("rPh".utf8)
    private static let rowName = Array("row".utf8), cName = Array("c".utf8), vName = Array("v".utf8)
    private static let isName = Array("is".utf8), sheetDataName = Array("sheetData".utf8)
    private static let rAttr = Array("r".utf8), tAttr = Array("t".utf8)

    /// Parses `xl/sharedStrings.xml`: each `<si>` becomes one string, rich-text runs
    /// concatenated, phonetic runs (`<rPh>`) ignored.
    static func parseSharedStrings(_ buf: UnsafeBufferPointer<UInt8>) -> [String] {
        var scanner = TabularXMLScanner(buf)
        var strings: [String] = []
        var current = ""
        var inItem = false
        var inPhonetic = false
        while let tag = scanner.nextTag() {
            if scanner.name(tag, is: tName) {
                if tag.kind == .open && inItem && !inPhonetic {
                    current += TabularXMLText.decode(buf, scanner.position..<textEnd(buf, scanner.position))
                }
            } else if scanner.name(tag, is: siName) {
                switch tag.kind {
                case .open:
                    inItem = true
                    current = ""
                case .close:
                    inItem = false
                    strings.append(current)
                case .empty: strings.append("")
                }
            } else if scanner.name(tag, is: rPhName) {
                inPhonetic = tag.kind == .open
            }
        }
        return strings
    }

    /// Parses a worksheet part, calling `body` for every `<row>` with its Excel row
    /// number and cell texts placed by column reference (gaps filled with "").
    static func parseSheet(
        _ buf: UnsafeBufferPointer<UInt8>,
        sharedStrings: [String],
        _ body: (_ rowNumber: Int, _ fields: [String]) throws -> Void
    ) throws {
        var scanner = TabularXMLScanner(buf)
        var fields: [String] = []
        fields.reserveCapacity(32)
        var rowNumber = 0
        var inRow = false
        var column = -1
        var cellType = CellType.number
        var value: String?
        var inline = ""
        var inInline = false
        var inPhonetic = false

        while let tag = scanner.nextTag() {
            if scanner.name(tag, is: cName) {
                if tag.kind == .close {
                    if inRow { place(finish(cellType, value, inline, sharedStrings), at: column, in: &fields) }
                    continue
                }
                if let ref = scanner.attribute(rAttr, of: tag),
                    let index = TabularCellReference.columnIndex(in: buf, ref)
                {
                    column = index
                } else {
                    column += 1
                }
                cellType = scanner.attribute(tAttr, of: tag).map { CellType(buf, $0) } ?? .number
                value = nil
                inline = ""
            } else if scanner.name(tag, is: vName) {
                if tag.kind == .open {
                    value = TabularXMLText.decode(buf, scanner.position..<textEnd(buf, scanner.position))
                }
            } else if scanner.name(tag, is: tName) {
                if tag.kind == .open && inInline && !inPhonetic {
                    inline += TabularXMLText.decode(buf, scanner.position..<textEnd(buf, scanner.position))
                }
            } else if scanner.name(tag, is: rowName) {
                if tag.kind == .close {
                    if inRow { try body(rowNumber, fields) }
                    inRow = false
                    continue
                }
                if inRow { try body(rowNumber, fields) }
                if let ref = scanner.attribute(rAttr, of: tag), let n = parseInt(buf, ref), n > 0 {
                    rowNumber = n
                } else {
                    rowNumber += 1
                }
                fields.removeAll(keepingCapacity: true)
                column = -1
                inRow = tag.kind == .open
                if tag.kind == .empty { try body(rowNumber, fields) }
            } else if scanner.name(tag, is: isName) {
                inInline = tag.kind == .open
            } else if scanner.name(tag, is: rPhName) {
                inPhonetic = tag.kind == .open
            } else if tag.kind == .close && scanner.name(tag, is: sheetDataName) {
                break
            }
        }
        if inRow { try body(rowNumber, fields) }
    }

    enum CellType {
        case number, shared, string, inline, boolean, error, date

        init(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
            guard let first = range.first else {
                self = .number
                return
            }
            switch (buf[first], range.count) {
            case (0x73, 1): self = .shared  // s
            case (0x73, _): self = .string  // str
            case (0x69, _): self = .inline  // inlineStr
            case (0x62, _): self = .boolean  // b
            case (0x65, _): self = .error  // e
            case (0x64, _): self = .date  // d (ISO 8601 text)
            default: self = .number  // n
            }
        }
    }

    private static func finish(_ type: CellType, _ value: String?, _ inline: String, _ shared: [String]) -> String {
        switch type {
        case .shared:
            guard let value, let index = Int(value), index >= 0, index < shared.count else { return "" }
            return shared[index]
        case .inline:
            return value ?? inline
        case .boolean:
            guard let value else { return "" }
            return value == "1" || value.lowercased() == "true" ? "TRUE" : "FALSE"
        case .number:
            return value.map(TabularNumberText.display) ?? ""
        case .string, .error, .date:
            return value ?? ""
        }
    }

    @inline(__always)
    private static func place(_ text: String, at column: Int, in fields: inout [String]) {
        guard column >= 0 else { return }
        if column < fields.count {
            fields[column] = text
            return
        }
        if text.isEmpty { return }
        while fields.count < column { fields.append("") }
        fields.append(text)
    }

    /// Index of the next '<' at or after `start` (end of the text node).
    @inline(__always)
    private static func textEnd(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var i = start
        while i < buf.count && buf[i] != 0x3C { i += 1 }
        return i
    }

    private static func parseInt(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var value = 0
        for i in range {
            let b = buf[i]
            guard b >= 0x30 && b <= 0x39 else { return nil }
            value = value * 10 + Int(b - 0x30)
            if value > 100_000_000 { return nil }
        }
        return range.isEmpty ? nil : value
    }
}
