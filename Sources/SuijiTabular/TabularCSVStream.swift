// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation

/// A CSV file read piece by piece with the rules of `TabularCSVReader`: memory stays at a piece
/// (1 MiB) and a record, whatever the file's size.
///
/// The encoding is decided as `TabularTextEncoding.decodeToUTF8` decides it for a whole file: a
/// byte-order mark means UTF-8; text that is valid UTF-8 is UTF-8; otherwise GB18030. The first
/// piece decides; a later piece that is not valid UTF-8 switches to GB18030 while every byte so
/// far was ASCII (the same text in both), and is refused as `TabularError.mixedEncoding` after
/// UTF-8 text (the whole-file rule would have read that text as GB18030 mojibake).
struct TabularCSVStream {
    /// The detected encoding (after `read`).
    private(set) var encoding: TabularTextEncoding = .utf8
    /// SHA-256 of every byte read, as stored in the import report.
    private(set) var digest = SHA256()
    /// Bytes read at a time (smaller in tests, to cut records and characters at every place).
    var pieceSize = TabularPieceReader.pieceSize

    /// Calls `body` for every record with its 1-based row number and its fields.
    mutating func read(
        _ input: TabularInput, bytesRead: (Int) -> Void = { _ in }, _ body: (_ rowNumber: Int, _ fields: [String]) throws -> Void
    ) throws {
        var reader = try TabularPieceReader(input, pieceSize: pieceSize)
        defer { reader.close() }
        var text: [UInt8] = []  // UTF-8 not yet parsed
        var started = false
        var head: [UInt8] = []  // the first bytes, until the encoding is decided
        var sawNonASCII = false
        var converter: TabularIconvStream?
        var undecided: [UInt8] = []  // UTF-8 bytes of a character cut at a piece's end
        var row = 0
        var total = 0
        while true {
            let piece = try reader.next()
            let final = piece.isEmpty
            digest.update(data: piece)
            total += piece.count
            bytesRead(total)
            var bytes = piece[...]
            if !started {
                // A byte-order mark may be cut by a small piece: decide on at least 3 bytes.
                head.append(contentsOf: piece)
                if head.count < 3 && !final { continue }
                started = true
                bytes = head[...]
                if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                    encoding = .utf8WithBOM
                    bytes = bytes.dropFirst(3)
                } else if !TabularTextEncoding.isValidUTF8Prefix(bytes) {
                    encoding = .gb18030
                    converter = try TabularIconvStream(from: "GB18030")
                }
            }
            if let converter {
                try converter.convert(Array(bytes), final: final, into: &text)
            } else {
                let chunk = undecided + bytes
                undecided = []
                let complete = final ? chunk.count : TabularTextEncoding.completeUTF8Length(chunk)
                let valid = chunk.withUnsafeBufferPointer {
                    TabularTextEncoding.validUTF8Length(UnsafeBufferPointer(rebasing: $0[0..<complete]))
                }
                if valid == complete {
                    if !sawNonASCII { sawNonASCII = chunk.contains { $0 >= 0x80 } }
                    text.append(contentsOf: chunk[0..<complete])
                    undecided = Array(chunk[complete...])
                } else if !sawNonASCII && !chunk[0..<valid].contains(where: { $0 >= 0x80 }) && encoding == .utf8 {
                    // Only ASCII so far: the same text in GB18030, which the rest must be.
                    encoding = .gb18030
                    let stream = try TabularIconvStream(from: "GB18030")
                    converter = stream
                    try stream.convert(chunk, final: final, into: &text)
                } else {
                    // Read the valid records first, so the message names the row that is not.
                    text.append(contentsOf: chunk[0..<valid])
                    _ = try text.withUnsafeBufferPointer { buffer in
                        try TabularCSVReader.parseRecords(buffer, final: false, row: &row, body)
                    }
                    throw TabularError.mixedEncoding(row: row + 1)
                }
            }
            let consumed = try text.withUnsafeBufferPointer { buffer in
                try TabularCSVReader.parseRecords(buffer, final: final, row: &row, body)
            }
            text.removeSubrange(0..<consumed)
            if final { return }
        }
    }
}

extension TabularTextEncoding {
    /// The length of `bytes` without a UTF-8 character cut at its end (at most 3 bytes).
    static func completeUTF8Length<C: Collection<UInt8>>(_ bytes: C) -> Int where C.Index == Int {
        let end = bytes.endIndex
        var index = end
        var back = 0
        while index > bytes.startIndex && back < 4 {
            index -= 1
            back += 1
            let byte = bytes[index]
            if byte & 0xC0 == 0x80 { continue }  // continuation byte
            let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            return (length > back ? index : end) - bytes.startIndex
        }
        return end - bytes.startIndex
    }

    /// Whether `bytes` (the start of a file) is valid UTF-8, but for a character cut at its end.
    static func isValidUTF8Prefix(_ bytes: ArraySlice<UInt8>) -> Bool {
        let complete = completeUTF8Length(bytes)
        return bytes.withUnsafeBufferPointer { validateUTF8(UnsafeBufferPointer(rebasing: $0[0..<complete])) }
    }
}
