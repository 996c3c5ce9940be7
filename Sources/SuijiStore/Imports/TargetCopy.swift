// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import NIOCore
import PostgresKit
import SQLKit
import SuijiCore

/// The new targets of a PostgreSQL sync written with `COPY … FROM STDIN` (PostgreSQL's bulk load,
/// what `psql \copy` uses) instead of multi-row INSERTs: their ids are taken from the table's
/// sequence first, then the targets and their item tags (in key order) are streamed as text rows.
struct TargetCopy: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    /// Inserts `targets` (none of them stored yet) with their tags.
    func insert(_ targets: ArraySlice<Target>, now: String, on db: any SQLDatabase) async throws {
        guard !targets.isEmpty else { return }
        let ids = try await db.raw(
            "SELECT nextval(pg_get_serial_sequence('targets', 'id')) AS id FROM generate_series(1, \(bind: targets.count))"
        ).all().map { try $0.decode(column: "id", as: Int64.self) }
        guard ids.count == targets.count else {
            throw TargetCopyError(message: "sequence gave \(ids.count) ids for \(targets.count) targets")
        }
        var rows = ByteBuffer()
        var tags = ByteBuffer()
        for (id, target) in zip(ids, targets) {
            Self.append(String(id), to: &rows)
            for column in TargetColumns.attributes {
                rows.writeInteger(UInt8(ascii: "\t"))
                Self.append(column.value(target), to: &rows)
            }
            for value in ["import", now, now] {
                rows.writeInteger(UInt8(ascii: "\t"))
                Self.append(value, to: &rows)
            }
            rows.writeInteger(UInt8(ascii: "\n"))
            var previous: String?
            for code in target.tags.sorted() where code != previous {
                Self.append(String(id), to: &tags)
                tags.writeInteger(UInt8(ascii: "\t"))
                Self.append(code, to: &tags)
                tags.writeInteger(UInt8(ascii: "\n"))
                previous = code
            }
        }
        try await copy(rows, into: "targets", columns: ["id"] + TargetColumns.inserted)
        try await copy(tags, into: "target_tags", columns: ["target_id", "item_code"])
    }

    private func copy(_ buffer: ByteBuffer, into table: String, columns: [String]) async throws {
        guard buffer.readableBytes > 0 else { return }
        try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
            try await writer.write(buffer)
        }
    }

    /// A value in COPY's text format: NULL as `\N`; backslash, tab, line feed and carriage
    /// return escaped.
    static func append(_ value: String?, to buffer: inout ByteBuffer) {
        guard let value else {
            buffer.writeStaticString("\\N")
            return
        }
        let special = value.utf8.contains {
            $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
        }
        guard special else {
            buffer.writeString(value)
            return
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
            case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
            case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
            case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
            default: buffer.writeInteger(byte)
            }
        }
    }
}

struct TargetCopyError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
