// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A fast CSV writer producing UTF-8 with BOM and CRLF line ends, as Excel expects.
///
/// A field is quoted only when it contains a comma, quote, CR or LF, or starts or
/// ends with a space or tab; quotes inside are doubled.
public struct TabularCSVWriter: Sendable {
    /// The bytes written so far (including the BOM when requested).
    public private(set) var bytes: [UInt8]

    /// Creates a writer; `includeBOM` writes EF BB BF first so Excel detects UTF-8.
    public init(includeBOM: Bool = true, reservingCapacity capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(max(capacity, 3))
        if includeBOM { bytes.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
    }

    /// The output as `Data`.
    public var data: Data { Data(bytes) }

    /// Appends one record terminated by CRLF.
    public mutating func writeRow(_ fields: [String]) {
        for index in fields.indices {
            if index > 0 { bytes.append(0x2C) }
            var field = fields[index]
            field.withUTF8 { appendField($0) }
        }
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    /// Appends several records.
    public mutating func writeRows(_ rows: [[String]]) {
        for row in rows { writeRow(row) }
    }

    /// Encodes `rows` into a complete CSV document.
    public static func encode(_ rows: [[String]], includeBOM: Bool = true) -> Data {
        var writer = TabularCSVWriter(includeBOM: includeBOM)
        writer.writeRows(rows)
        return writer.data
    }

    private mutating func appendField(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let first = utf8.first, let last = utf8.last else { return }
        var needsQuotes = first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09
        var hasQuote = false
        if !needsQuotes {
            for b in utf8 where b == 0x2C || b == 0x22 || b == 0x0D || b == 0x0A {
                needsQuotes = true
                if b == 0x22 {
                    hasQuote = true
                    break
                }
            }
        } else {
            hasQuote = utf8.contains(0x22)
        }
        if !needsQuotes {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(0x22)
        if hasQuote {
            for b in utf8 {
                if b == 0x22 { bytes.append(0x22) }
                bytes.append(b)
            }
        } else {
            bytes.append(contentsOf: utf8)
        }
        bytes.append(0x22)
    }
}
