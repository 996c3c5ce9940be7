// SPDX-License-Identifier: Apache-2.0

import Foundation
import VaporCSQLite

/// A direct connection to a SQLite file through the same SQLite library that SQLiteNIO bundles,
/// for the bulk paths (imports of a million rows, draw pools) where a per-row async round trip
/// would dominate; and read-only, for the hot reads (`ReadPool`). A connection is used by one
/// thread at a time (the write lock, or the pool's hand-out): hence `@unchecked Sendable`.
final class SQLiteRaw: @unchecked Sendable {
    private var handle: OpaquePointer?

    /// `flushEachCommit: false` gives `synchronous=NORMAL` (see `SuijiDatabase.building`).
    init(path: String, readOnly: Bool = false, flushEachCommit: Bool = true) throws {
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX
        let status = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK else {
            defer { sqlite_nio_sqlite3_close(handle) }
            throw SQLiteRawError(message: Self.message(handle), code: status)
        }
        sqlite_nio_sqlite3_busy_timeout(handle, 10_000)
        if readOnly { return }
        // Bulk transactions touch many pages: keep them in memory rather than spilling to the WAL early.
        try exec(
            "PRAGMA foreign_keys=ON; PRAGMA synchronous=\(flushEachCommit ? "FULL" : "NORMAL"); PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=0"
        )
    }

    deinit {
        statements.removeAll()
        sqlite_nio_sqlite3_close_v2(handle)
    }

    /// Runs statements without results.
    func exec(_ sql: String) throws {
        let status = sqlite_nio_sqlite3_exec(handle, sql, nil, nil, nil)
        guard status == SQLITE_OK else { throw SQLiteRawError(message: Self.message(handle), code: status) }
    }

    /// A prepared statement, reused across rows.
    func prepare(_ sql: String) throws -> SQLiteRawStatement {
        var statement: OpaquePointer?
        let status = sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else { throw SQLiteRawError(message: Self.message(handle), code: status) }
        return SQLiteRawStatement(statement: statement, connection: self)
    }

    private var statements: [String: SQLiteRawStatement] = [:]

    /// A prepared statement kept for the connection's life (for statements run again and again,
    /// e.g. on every request), reset; its caller binds every parameter again.
    func cached(_ sql: String) throws -> SQLiteRawStatement {
        if let statement = statements[sql] {
            statement.rewind()
            return statement
        }
        let statement = try prepare(sql)
        statements[sql] = statement
        return statement
    }

    /// Runs `body` in one IMMEDIATE transaction.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try exec("BEGIN IMMEDIATE")
        do {
            let value = try body()
            try exec("COMMIT")
            return value
        } catch {
            try? exec("ROLLBACK")
            throw error
        }
    }

    var lastError: String { Self.message(handle) }

    /// The rowid of the last INSERT on this connection.
    var lastInsertRowID: Int64 { sqlite_nio_sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last INSERT, UPDATE or DELETE on this connection (0 after an
    /// `ON CONFLICT DO NOTHING` that did nothing).
    var changes: Int { Int(sqlite_nio_sqlite3_changes64(handle)) }

    static func message(_ handle: OpaquePointer?) -> String {
        guard let text = sqlite_nio_sqlite3_errmsg(handle) else { return "unknown SQLite error" }
        return String(cString: text)
    }
}

/// A failed raw SQLite call.
struct SQLiteRawError: Error, CustomStringConvertible {
    let message: String
    let code: Int32
    var description: String { "SQLite error \(code): \(message)" }
}

/// A prepared statement: bind, step, read columns, reset. Used with its connection only.
final class SQLiteRawStatement: @unchecked Sendable {
    private let statement: OpaquePointer
    private let connection: SQLiteRaw

    init(statement: OpaquePointer, connection: SQLiteRaw) {
        self.statement = statement
        self.connection = connection
    }

    deinit {
        sqlite_nio_sqlite3_finalize(statement)
    }

    func bind(_ index: Int32, _ text: String?) {
        guard var text else {
            sqlite_nio_sqlite3_bind_null(statement, index)
            return
        }
        text.withUTF8 { bytes in
            _ = sqlite_nio_sqlite3_bind_text64(
                statement, index, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self), UInt64(bytes.count),
                SQLITE_TRANSIENT_RAW, UInt8(SQLITE_UTF8))
        }
    }

    func bind(_ index: Int32, _ value: Int64) {
        sqlite_nio_sqlite3_bind_int64(statement, index, value)
    }

    /// Steps once: true when a row is available.
    @discardableResult
    func step() throws -> Bool {
        switch sqlite_nio_sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let status: throw SQLiteRawError(message: connection.lastError, code: status)
        }
    }

    /// Runs the bound statement to completion and resets it for the next row.
    func run() throws {
        defer { reset() }
        while try step() {}
    }

    func reset() {
        sqlite_nio_sqlite3_reset(statement)
        sqlite_nio_sqlite3_clear_bindings(statement)
    }

    /// Resets for the next run keeping the bindings, which the next run binds again. Clearing
    /// them (`reset`) expires a statement whose plan SQLite noted may depend on a bound value,
    /// and the next step then parses and plans it all over again.
    func rewind() {
        sqlite_nio_sqlite3_reset(statement)
    }

    /// Number of `?N` parameters.
    var parameterCount: Int32 { sqlite_nio_sqlite3_bind_parameter_count(statement) }

    func int64(_ column: Int32) -> Int64 { sqlite_nio_sqlite3_column_int64(statement, column) }

    /// Whether the column of the current row is NULL.
    func isNull(_ column: Int32) -> Bool { sqlite_nio_sqlite3_column_type(statement, column) == SQLITE_NULL }

    /// Number of result columns.
    var columnCount: Int32 { sqlite_nio_sqlite3_column_count(statement) }

    /// The name of a result column.
    func columnName(_ column: Int32) -> String {
        sqlite_nio_sqlite3_column_name(statement, column).map { String(cString: $0) } ?? ""
    }

    func text(_ column: Int32) -> String? {
        guard let pointer = sqlite_nio_sqlite3_column_text(statement, column) else { return nil }
        let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    /// The column's bytes without copying, valid until the next step.
    func withBytes<T>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        let pointer = sqlite_nio_sqlite3_column_text(statement, column)
        let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
        return body(UnsafeBufferPointer(start: pointer, count: count))
    }
}

/// SQLITE_TRANSIENT: SQLite copies the bound value.
let SQLITE_TRANSIENT_RAW = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
