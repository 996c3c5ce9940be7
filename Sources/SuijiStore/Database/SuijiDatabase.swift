// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import NIOCore
import NIOPosix
@preconcurrency import AsyncKit
import PostgresKit
import SQLKit
import SQLiteKit
import SQLiteNIO
import SuijiCore
import Synchronization

/// Where the data lives: one SQLite file (the embedded default), SQLite in memory (tests), or
/// PostgreSQL (for scale).
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqliteFile(String)
    case sqliteMemory
    case postgres(String)

    /// Parses `--db`: a `postgres://` or `postgresql://` URL, `:memory:`, or a file path.
    public init(argument: String) {
        if argument.hasPrefix("postgres://") || argument.hasPrefix("postgresql://") {
            self = .postgres(argument)
        } else if argument == ":memory:" {
            self = .sqliteMemory
        } else {
            self = .sqliteFile(argument)
        }
    }

    public var description: String {
        switch self {
        case .sqliteFile(let path): "sqlite:\(path)"
        case .sqliteMemory: "sqlite::memory:"
        case .postgres(let url): "postgres:" + (URL(string: url).map { "//\($0.host ?? "")/\($0.lastPathComponent)" } ?? "")
        }
    }
}

/// The SQL flavour, for the few statements that differ.
public enum SQLFlavour: Sendable {
    case sqlite
    case postgres
}

/// The database behind a store: reads and write transactions, on SQLite or PostgreSQL.
public final class SuijiDatabase: Sendable {
    public let flavour: SQLFlavour
    let logger: Logger
    private let backend: Backend
    /// The working-day calendar in force: the bundled State Council notices, merged with any
    /// newer notice given at start-up (`--calendar`), then the notices the office loaded for
    /// years still missing (`HolidayNoticeStore`); a year without any notice is provisional
    /// (computed from the statutory holidays). Result due dates are computed with it.
    public var calendar: WorkCalendar { calendarInForce.withLock { $0 } }
    private let calendarInForce: Mutex<WorkCalendar>
    /// Where random bytes come from (a draw's conflict salt), given at `open`.
    public let random: RandomSource
    /// Set by `close()`: closing a SQLite connection twice traps.
    private let closed = Mutex(false)
    /// False while `building` runs: SQLite commits are not flushed to disk one by one.
    private let flushEachCommit = Mutex(true)
    /// Read-only connections of a SQLite file for the hot reads (`readRaw`).
    private let readPool: ReadPool?
    /// The connection of `readTransaction` on a SQLite file, opened at its first use, and the
    /// lock that gives it to one transaction at a time.
    private let snapshotConnection = Mutex<SQLiteConnection?>(nil)
    private let snapshot = AsyncLock()
    /// When committed data changed, for `cached`.
    let changes: ChangeWatch
    let cache = ReferenceCache()
    /// One reading at a time fills a missing cached value (`cached`, `cachedValue`).
    private let cacheFill = AsyncLock()
    private let valueFill = AsyncLock()

    private enum Backend: Sendable {
        /// One writer connection behind a lock; reads on `reader` (a second connection on a file,
        /// so readers see committed data while a write runs; the writer itself in memory).
        case sqlite(writer: SQLiteConnection, reader: SQLiteConnection, lock: AsyncLock, path: String?)
        case postgres(EventLoopGroupConnectionPool<PostgresConnectionSource>, schema: String?)
    }

    private init(flavour: SQLFlavour, logger: Logger, backend: Backend, calendar: WorkCalendar, random: RandomSource) {
        self.flavour = flavour
        self.logger = logger
        self.backend = backend
        self.random = random
        self.calendarInForce = Mutex(calendar.withProvisionalYears())
        switch backend {
        case .sqlite(_, _, _, let path?):
            readPool = ReadPool(path: path)
            changes = ChangeWatch(path: path, expires: false)
        case .sqlite:
            readPool = nil
            changes = ChangeWatch(path: nil, expires: false)
        case .postgres:
            readPool = nil
            changes = ChangeWatch(path: nil, expires: true)
        }
    }

    /// Adds notices of years the calendar in force has no notice for (a year it has keeps its
    /// notice); returns the years added.
    @discardableResult
    func addNotices(_ notices: WorkCalendar) -> [Int] {
        calendarInForce.withLock { calendar in
            let added = notices.years.filter { calendar.years[$0.key] == nil }
            calendar = calendar.merging(WorkCalendar(years: added))
            return added.keys.sorted()
        }
    }

    /// Opens (and for SQLite files creates) the database. Run `Migrator` before use.
    /// `schema` selects a PostgreSQL schema (created if missing), used to isolate test suites;
    /// `calendar` the working-day calendar (the bundled one by default; a bundled calendar that
    /// cannot be read stops the opening rather than leaving due dates uncomputable); `random` the
    /// source of the stores' random bytes.
    public static func open(
        _ location: DatabaseLocation, schema: String? = nil, calendar: WorkCalendar? = nil, random: RandomSource = .system, logger: Logger
    ) async throws -> SuijiDatabase {
        let calendar = try calendar ?? WorkCalendar.bundled()
        switch location {
        case .sqliteFile(let path):
            let writer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            // WAL with synchronous=FULL: each commit is on disk before it is acknowledged, also
            // across a power cut (NORMAL only survives a crash of the process).
            for pragma in ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=10000"] {
                _ = try await writer.query(pragma)
            }
            let reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            _ = try await reader.query("PRAGMA busy_timeout=10000")
            return SuijiDatabase(
                flavour: .sqlite, logger: logger, backend: .sqlite(writer: writer, reader: reader, lock: AsyncLock(), path: path),
                calendar: calendar, random: random)
        case .sqliteMemory:
            let connection = try await SQLiteConnection.open(storage: .memory, logger: logger)
            _ = try await connection.query("PRAGMA foreign_keys=ON")
            return SuijiDatabase(
                flavour: .sqlite, logger: logger, backend: .sqlite(writer: connection, reader: connection, lock: AsyncLock(), path: nil),
                calendar: calendar, random: random)
        case .postgres(let url):
            var configuration = try SQLPostgresConfiguration(url: url)
            if let schema { configuration.searchPath = [schema] }
            let pool = EventLoopGroupConnectionPool(
                source: PostgresConnectionSource(sqlConfiguration: configuration), maxConnectionsPerEventLoop: 4,
                pruneInterval: nil, logger: logger, on: MultiThreadedEventLoopGroup.singleton)
            let database = SuijiDatabase(
                flavour: .postgres, logger: logger, backend: .postgres(pool, schema: schema), calendar: calendar,
                random: random)
            if let schema {
                try await database.withPostgresConnection { db in
                    try await db.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
                }
            }
            return database
        }
    }

    /// Runs read-only queries.
    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite(let writer, let reader, let lock, _):
            if writer === reader { return try await lock.withLock { try await body(reader.sql()) } }
            return try await body(reader.sql())
        case .postgres:
            return try await withPostgresConnection(body)
        }
    }

    /// Runs `body` in one read transaction: every read sees the same committed state (a page
    /// read by several queries cannot mix data from before and after a write). On a SQLite
    /// file on a connection of its own (the shared reader's statements stay outside), on
    /// PostgreSQL as a read-only repeatable-read transaction.
    public func readTransaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite(let writer, let reader, let lock, let path):
            // In memory the one connection is only used under the lock: nothing commits meanwhile.
            guard let path, writer !== reader else { return try await lock.withLock { try await body(reader.sql()) } }
            return try await snapshot.withLock {
                let connection: SQLiteConnection
                if let open = snapshotConnection.withLock({ $0 }) {
                    connection = open
                } else {
                    connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
                    _ = try await connection.query("PRAGMA busy_timeout=10000")
                    snapshotConnection.withLock { $0 = connection }
                }
                return try await Self.inTransaction("BEGIN", connection.sql(), body)
            }
        case .postgres:
            return try await withPostgresConnection { db in
                try await Self.inTransaction("START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY", db, body)
            }
        }
    }

    private static func inTransaction<T: Sendable>(
        _ begin: String, _ db: any SQLDatabase, _ body: @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await db.raw(SQLQueryString(begin)).run()
        do {
            let value = try await body(db)
            try await db.raw("COMMIT").run()
            return value
        } catch {
            try? await db.raw("ROLLBACK").run()
            throw error
        }
    }

    /// Runs `body` in one transaction: all of it is written, or nothing.
    public func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite(let writer, _, let lock, _):
            return try await lock.withLock {
                let value = try await Self.inTransaction("BEGIN IMMEDIATE", writer.sql(), body)
                changes.committed()
                return value
            }
        case .postgres:
            return try await writePostgres { _, db in try await body(db) }
        }
    }

    /// `write` on PostgreSQL, also handing `body` the connection itself (for `COPY`).
    func writePostgres<T: Sendable>(_ body: @Sendable (PostgresConnection, any SQLDatabase) async throws -> T) async throws -> T {
        guard case .postgres(let pool, _) = backend else { preconditionFailure("writePostgres needs PostgreSQL") }
        let connection = try await pool.requestConnection(logger: logger).get()
        defer { pool.releaseConnection(connection, logger: logger) }
        let value = try await Self.inTransaction("BEGIN", connection.sql(queryLogLevel: .trace)) { db in
            // Writes are serialised so the audit chain never forks.
            try await db.raw("SELECT pg_advisory_xact_lock(7368281)").run()
            return try await body(connection, db)
        }
        changes.committed()
        return value
    }

    /// The SQLite file the data lives in; nil in memory and on PostgreSQL.
    public var sqliteFile: String? {
        if case .sqlite(_, _, _, let path) = backend { return path }
        return nil
    }

    /// Whether `writeRaw` is available (a SQLite file).
    var hasRawWriter: Bool {
        if case .sqlite(_, _, _, let path) = backend { return path != nil }
        return false
    }

    /// Runs `body` on a direct SQLite connection to the same file, holding the write lock, on a
    /// thread-pool thread (bulk work must not block the async executor). SQLite files only.
    func writeRaw<T: Sendable>(_ body: @escaping @Sendable (SQLiteRaw) throws -> T) async throws -> T {
        guard case .sqlite(_, _, let lock, let path?) = backend else { preconditionFailure("writeRaw needs a SQLite file") }
        return try await lock.withLock {
            let value = try await NIOThreadPool.singleton.runIfActive {
                let raw = try SQLiteRaw(path: path, flushEachCommit: self.flushEachCommit.withLock { $0 })
                return try raw.transaction { try body(raw) }
            }
            changes.committed()
            return value
        }
    }

    private func withPostgresConnection<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T)
        async throws -> T
    {
        guard case .postgres(let pool, _) = backend else { preconditionFailure("not PostgreSQL") }
        let connection = try await pool.requestConnection(logger: logger).get()
        defer { pool.releaseConnection(connection, logger: logger) }
        return try await body(connection.sql(queryLogLevel: .trace))
    }

    /// Runs `body` on a PostgreSQL connection of the pool, for bulk reads decoded by column
    /// position rather than through SQLKit; nil when the database is not PostgreSQL.
    func readPostgres<T: Sendable>(_ body: @Sendable (PostgresConnection, Logger) async throws -> T) async throws -> T? {
        guard case .postgres(let pool, _) = backend else { return nil }
        let connection = try await pool.requestConnection(logger: logger).get()
        defer { pool.releaseConnection(connection, logger: logger) }
        return try await body(connection, logger)
    }

    /// Runs `body` on a direct read connection to the SQLite file (a consistent snapshot, no
    /// lock), on a thread-pool thread; nil when the database is not a SQLite file.
    func readRaw<T: Sendable>(_ body: @escaping @Sendable (SQLiteRaw) throws -> T) async throws -> T? {
        guard let readPool else { return nil }
        return try await NIOThreadPool.singleton.runIfActive { try readPool.read(body) }
    }

    /// `load`'s value, computed once and kept until committed data changes (`ChangeWatch`): for
    /// data read on every page and rarely changed (names of departments, items, plans; counts).
    ///
    /// A value missing is computed once: requests that miss it at the same time wait for that
    /// reading instead of each scanning again (fifty home pages after a commit would otherwise
    /// count a million targets fifty times, one after another on the reader).
    func cached<T: Sendable>(_ key: String, _ load: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await kept(key, filledUnder: cacheFill) { try await self.read(load) }
    }

    /// A stamp of the committed data: equal stamps mean nothing was committed in between (on
    /// PostgreSQL, where other servers may write, a stamp also changes every second). For caches
    /// outside the store, such as rendered public pages.
    public func dataStamp() -> UInt64 { changes.stamp() }

    /// `compute`'s value, kept like `cached`'s, for a value assembled by several store reads.
    /// Computed once when missing, like `cached` (a lock of its own: `compute` may use `cached`).
    func cachedValue<T: Sendable>(_ key: String, _ compute: @Sendable () async throws -> T) async throws -> T {
        try await kept(key, filledUnder: valueFill, compute)
    }

    /// The value of `key` kept in `cache` while no commit happened, else `compute`d under `fill`
    /// (one filling at a time; the others then find it kept) and kept with the stamp taken
    /// before computing, so that a commit while computing makes the next call compute again.
    private func kept<T: Sendable>(
        _ key: String, filledUnder fill: AsyncLock, _ compute: @Sendable () async throws -> T
    ) async throws -> T {
        if let value = cache.value(key, stamp: changes.stamp(), as: T.self) { return value }
        return try await fill.withLock {
            let stamp = changes.stamp()
            if let value = cache.value(key, stamp: stamp, as: T.self) { return value }
            let value = try await compute()
            cache.store(key, stamp: stamp, value: value)
            return value
        }
    }

    /// Runs `body`, the building of a whole database in many small transactions (the demo
    /// district), without flushing each SQLite commit to disk (`synchronous=NORMAL` in WAL mode:
    /// every commit is still atomic, and survives the process dying; only a power cut during the
    /// build could lose its last commits, and a half-built database is rebuilt anyway); then the
    /// log is checkpointed into the file, which is flushed, and `synchronous=FULL` is back: when
    /// this returns, what `body` wrote is on disk. On PostgreSQL and in memory, just `body`.
    public func building<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        guard case .sqlite(let writer, _, let lock, _?) = backend else { return try await body() }
        try await lock.withLock {
            _ = try await writer.query("PRAGMA synchronous=NORMAL")
            flushEachCommit.withLock { $0 = false }
        }
        func restore() async throws {
            try await lock.withLock {
                flushEachCommit.withLock { $0 = true }
                _ = try await writer.query("PRAGMA synchronous=FULL")
            }
        }
        let value: T
        do {
            value = try await body()
        } catch {
            try? await restore()
            throw error
        }
        try await restore()
        // The checkpoint flushes the log, then the file. A reader holding an old snapshot would
        // keep it from finishing (none does while a database is built): then it is retried.
        for attempt in 1...50 {
            let busy = try await lock.withLock {
                try await writer.sql().raw("PRAGMA wal_checkpoint(TRUNCATE)").first()?.decode(column: "busy", as: Int.self) ?? 0
            }
            if busy == 0 { break }
            if attempt == 50 { throw SQLiteRawError(message: "the build could not be checkpointed (readers kept the log busy)", code: 5) }
            try await Task.sleep(for: .milliseconds(100))
        }
        return value
    }

    /// Copies the SQLite write-ahead log into the main file now (bulk imports leave it to a later
    /// commit); returns the number of pages copied. A no-op on PostgreSQL.
    @discardableResult
    public func checkpoint() async throws -> Int {
        guard case .sqlite(let writer, _, let lock, _) = backend else { return 0 }
        return try await lock.withLock {
            let row = try await writer.sql().raw("PRAGMA wal_checkpoint(TRUNCATE)").first()
            return try row?.decode(column: "checkpointed", as: Int.self) ?? 0
        }
    }

    deinit {
        // A SQLite connection or PostgreSQL pool that is freed unclosed traps; close it on the way
        // out (also when an error skipped `close()`). Closing twice is harmless.
        guard !closed.withLock({ $0 }) else { return }
        switch backend {
        case .sqlite(let writer, let reader, _, _):
            _ = writer.close()
            if writer !== reader { _ = reader.close() }
            _ = snapshotConnection.withLock { $0 }?.close()
        case .postgres(let pool, _):
            // A pool freed without shutdown traps too; shut it down without waiting.
            pool.shutdownGracefully { _ in }
        }
    }

    /// Closes every connection.
    public func close() async {
        let already = closed.withLock { value in
            defer { value = true }
            return value
        }
        guard !already else { return }
        switch backend {
        case .sqlite(let writer, let reader, _, _):
            try? await writer.close()
            if writer !== reader { try? await reader.close() }
            try? await snapshot.withLock { try await snapshotConnection.withLock { $0 }?.close() }
        case .postgres(let pool, _):
            try? await pool.shutdownAsync()
        }
    }
}
