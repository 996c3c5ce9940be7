// SPDX-License-Identifier: Apache-2.0

import Foundation
import Synchronization

/// Read-only SQLite connections kept open for the hot read paths (public pages, staff pages,
/// draw pools), each with its prepared statements: a connection costs a file open and a schema
/// parse, a statement a parse and a plan, both paid once instead of per request.
final class ReadPool: Sendable {
    private let path: String
    private let idle = Mutex<[SQLiteRaw]>([])
    /// Connections kept when idle (more may be open while many requests read at once).
    private let keep = 8

    init(path: String) {
        self.path = path
    }

    /// Runs `body` on an idle connection (or a new one), in one read transaction: one consistent
    /// snapshot of the committed data.
    func read<T>(_ body: (SQLiteRaw) throws -> T) throws -> T {
        let raw = try idle.withLock { $0.popLast() } ?? SQLiteRaw(path: path, readOnly: true)
        try raw.cached("BEGIN").run()
        defer {
            try? raw.cached("COMMIT").run()
            idle.withLock { connections in
                if connections.count < keep { connections.append(raw) }
            }
        }
        return try body(raw)
    }
}

/// Tells whether committed data may have changed since a stamp was taken, so caches of rarely
/// changing data (names of departments, items, plans; library counts) know when to reload.
///
/// On a SQLite file it asks SQLite (`PRAGMA data_version` on a connection of its own changes
/// with every commit of any other connection, this process's writer or another process such as
/// `suiji import` run beside `suiji serve`). Elsewhere it counts this process's commits; on
/// PostgreSQL, where other servers may write, a stamp also expires after a second.
final class ChangeWatch: Sendable {
    private struct State {
        var raw: SQLiteRaw?
        var statement: SQLiteRawStatement?
        var commits: UInt64 = 0
    }

    private let state: Mutex<State>
    private let expires: Bool
    private let started = Date()

    init(path: String?, expires: Bool) {
        var state = State()
        if let path, let raw = try? SQLiteRaw(path: path, readOnly: true) {
            state.raw = raw
            state.statement = try? raw.prepare("PRAGMA data_version")
        }
        self.state = Mutex(state)
        self.expires = expires
    }

    /// Notes a commit of this process.
    func committed() {
        state.withLock { $0.commits &+= 1 }
    }

    /// The current stamp: equal stamps mean no commit in between.
    func stamp() -> UInt64 {
        let version: UInt64 = state.withLock { state in
            var version = state.commits
            if let statement = state.statement {
                defer { statement.reset() }
                if (try? statement.step()) == true { version = version &* 1_000_003 &+ UInt64(bitPattern: statement.int64(0)) }
            }
            return version
        }
        guard expires else { return version }
        return version &* 1_000_003 &+ UInt64(Date().timeIntervalSince(started))
    }
}

/// Values computed from the database, kept until its data changes (`ChangeWatch`).
final class ReferenceCache: Sendable {
    private let entries = Mutex<[String: (stamp: UInt64, value: any Sendable)]>([:])

    /// The cached value of `key` if nothing changed since it was computed; else nil.
    func value<T: Sendable>(_ key: String, stamp: UInt64, as type: T.Type) -> T? {
        entries.withLock { entries in
            guard let entry = entries[key], entry.stamp == stamp else { return nil }
            return entry.value as? T
        }
    }

    /// Entries kept at most before those of an older stamp are dropped (keys naming an account
    /// and a day come and go).
    static let bound = 1_024

    func store(_ key: String, stamp: UInt64, value: any Sendable) {
        entries.withLock { entries in
            if entries.count >= Self.bound { entries = entries.filter { $0.value.stamp == stamp } }
            if entries.count >= Self.bound { entries.removeAll() }
            entries[key] = (stamp, value)
        }
    }
}
