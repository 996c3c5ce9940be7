// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiDraw

/// The public draw log (spec §14.1) in the database: one row per entry, appended in the write
/// transaction of the step it records, never changed.
public struct PublicLogStore: Sendable {
    public let database: SuijiDatabase

    public init(database: SuijiDatabase) {
        self.database = database
    }

    /// The whole log, oldest first.
    public func log() async throws -> PublicLog {
        try await database.read { db in PublicLog(entries: try await Self.entries("", on: db)) }
    }

    /// The entries of one draw.
    public func entries(of drawID: String) async throws -> [PublicLogEntry] {
        try await database.read { db in try await Self.entries("WHERE draw_id = \(bind: drawID)", on: db) }
    }

    /// The newest entry: its seq and hash are the head everyone can compare.
    public func head() async throws -> PublicLogEntry? {
        try await database.read { db in try await Self.last(on: db) }
    }

    static let columns = "seq, at, draw_id, kind, subject, digest, prev, hash"

    static func entries(_ filter: SQLQueryString, on db: any SQLDatabase) async throws -> [PublicLogEntry] {
        try await db.raw("SELECT \(unsafeRaw: columns) FROM draw_log " + filter + " ORDER BY seq").all().map(entry)
    }

    static func last(on db: any SQLDatabase) async throws -> PublicLogEntry? {
        try await db.raw("SELECT \(unsafeRaw: columns) FROM draw_log ORDER BY seq DESC LIMIT 1").first().map(entry)
    }

    static func entry(_ row: any SQLRow) throws -> PublicLogEntry {
        PublicLogEntry(fields: [
            String(try row.decode(column: "seq", as: Int64.self)), try row.decode(column: "at", as: String.self),
            try row.decode(column: "draw_id", as: String.self), try row.decode(column: "kind", as: String.self),
            try row.decode(column: "subject", as: String.self), try row.decode(column: "digest", as: String.self),
            try row.decode(column: "prev", as: String.self), try row.decode(column: "hash", as: String.self),
        ])
    }

    /// Appends an entry inside the caller's write transaction, at `at`. Returns the entry; its
    /// time is the time the step is recorded with everywhere else.
    @discardableResult
    static func append(
        _ kind: PublicLogEntry.Kind, drawID: String, subject: String = "-", digest: String, at: Date, on db: any SQLDatabase
    ) async throws -> PublicLogEntry {
        let previous = try await last(on: db)
        let time = Timestamp.format(at)
        let entry = PublicLogEntry(after: previous, time: time, drawID: drawID, kind: kind, subject: subject, digest: digest)
        try await db.raw(
            """
            INSERT INTO draw_log (seq, at, draw_id, kind, subject, digest, prev, hash)
            VALUES (\(bind: Int64(entry.seq)), \(bind: entry.time), \(bind: drawID), \(bind: kind.rawValue), \(bind: subject),
              \(bind: digest), \(bind: entry.prev), \(bind: entry.hash))
            """
        ).run()
        return entry
    }
}
