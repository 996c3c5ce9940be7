// SPDX-License-Identifier: Apache-2.0
import Foundation

/// A fast RFC 4180 CSV reader working directly on UTF-8 bytes.
///
/// - Separator is a comma; fields may be quoted with `"` and contain `""` escapes,
///   commas, CR and LF. Records end with CRLF, LF or a lone CR.
/// - A final line break does not produce an extra empty record; blank lines in the
///   middle are reported as a record with one empty field.
/// - Bytes after a closing quote and before the next separator are kept literally
///   (lenient, like Excel); a quote inside an unquoted field is literal.
/// - Row numbers are record numbers as Excel shows them (header = 1): a quoted field
///   spanning several lines still counts as one row.
public struct TabularCSVReader: Sendable {
    /// The encoding detected for the input.
    public let encoding: TabularTextEncoding
    /// The input as UTF-8 bytes without a BOM.
    public let utf8Bytes: [UInt8]

    /// Creates a reader, detecting UTF-8 (with or without BOM) or GB18030.
    /// - Throws: `TabularError.undecodableText`.
    public init(data: Data) throws {
        try self.init(bytes: [UInt8](data))
    }

    /// Creates a reader, detecting UTF-8 (with or without BOM) or GB18030.
    /// - Throws: `TabularError.undecodableText`.
    public init(bytes: [UInt8]) throws {
        let decoded = try TabularTextEncoding.decodeToUTF8(bytes)
        self.utf8Bytes = decoded.bytes
        self.encoding = decoded.encoding
    }

    /// Calls `body` for every record with its 1-based row number and its fields.
    ///
    /// The `fields` array is reused between calls; copying it out is fine (copy-on-write).
    /// - Throws: `TabularError.unterminatedQuote(row:)`, or whatever `body` throws.
    public func forEachRow(_ body: (_ rowNumber: Int, _ fields: [String]) throws -> Void) throws {
        try utf8Bytes.withUnsafeBufferPointer { buf in
            try Self.parse(buf, body)
        }
    }

    /// Reads every record into memory.
    public func readAllRows() throws -> [TabularRow] {
        var rows: [TabularRow] = []
        try forEachRow { number, fields in
            rows.append(TabularRow(number: number, fields: fields))
        }
        return rows
    }

    static func parse(
        _ buf: UnsafeBufferPointer<UInt8>,
        _ body: (_ rowNumber: Int, _ fields: [String]) throws -> Void
    ) throws {
        var row = 0
        _ = try parseRecords(buf, final: true, row: &row, body)
    }

    /// Parses the complete records at the start of `buf` and returns how many bytes they took;
    /// `row` counts records across calls. Unless `final`, a record that may continue past the
    /// end of `buf` (no line break yet, an open quote, a CR that may precede an LF) is left
    /// unparsed for the next call with more bytes.
    static func parseRecords(
        _ buf: UnsafeBufferPointer<UInt8>, final: Bool, row: inout Int,
        _ body: (_ rowNumber: Int, _ fields: [String]) throws -> Void
    ) throws -> Int {
        let quote: UInt8 = 0x22
        let comma: UInt8 = 0x2C
        let cr: UInt8 = 0x0D
        let lf: UInt8 = 0x0A
        let n = buf.count
        var i = 0
        var fields: [String] = []
        fields.reserveCapacity(16)
        var scratch: [UInt8] = []

        @inline(__always) func makeString(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: buf[start..<end]), as: UTF8.self)
        }

        recordLoop: while i < n {
            let recordStart = i
            fields.removeAll(keepingCapacity: true)
            fieldLoop: while true {
                if i < n && buf[i] == quote {
                    // Quoted field.
                    i += 1
                    var segmentStart = i
                    var escaped = false
                    var closeIndex = -1
                    scratch.removeAll(keepingCapacity: true)
                    while i < n {
                        if buf[i] == quote {
                            if i + 1 < n && buf[i + 1] == quote {
                                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buf[segmentStart...i]))
                                escaped = true
                                i += 2
                                segmentStart = i
                                continue
                            }
                            // A quote as the last byte may be the first of an escaped pair.
                            if i + 1 == n && !final { return recordStart }
                            closeIndex = i
                            i += 1
                            break
                        }
                        i += 1
                    }
                    if closeIndex < 0 {
                        if !final { return recordStart }
                        throw TabularError.unterminatedQuote(row: row + 1)
                    }
                    // Lenient: keep stray bytes between the closing quote and the separator.
                    let trailStart = i
                    while i < n {
                        let b = buf[i]
                        if b == comma || b == lf || b == cr { break }
                        i += 1
                    }
                    if !escaped && trailStart == i {
                        fields.append(makeString(segmentStart, closeIndex))
                    } else {
                        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buf[segmentStart..<closeIndex]))
                        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: buf[trailStart..<i]))
                        fields.append(String(decoding: scratch, as: UTF8.self))
                    }
                } else {
                    // Unquoted field.
                    let start = i
                    while i < n {
                        let b = buf[i]
                        if b == comma || b == lf || b == cr { break }
                        i += 1
                    }
                    fields.append(makeString(start, i))
                }
                if i >= n {
                    if !final { return recordStart }
                    break fieldLoop
                }
                let b = buf[i]
                i += 1
                if b == comma { continue fieldLoop }
                if b == cr {
                    if i >= n && !final { return recordStart }
                    if i < n && buf[i] == lf { i += 1 }
                }
                break fieldLoop
            }
            row += 1
            try body(row, fields)
            continue recordLoop
        }
        return i
    }
}
