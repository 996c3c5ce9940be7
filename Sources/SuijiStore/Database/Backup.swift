// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import SQLKit

/// Problems of backups and restores, for operators (English, with what to do).
public enum BackupError: Error, CustomStringConvertible, Equatable {
    case outputExists(String)
    case notABackup(String)
    case liveDatabase(String)
    case pgToolMissing(String)
    case pgToolFailed(String, String)
    case unsupported(String)
    case verificationFailed(String)

    public var description: String {
        switch self {
        case .outputExists(let path): "\(path) exists already; choose a new file name (a backup never overwrites)"
        case .notABackup(let path): "\(path) is not a Suiji backup (a SQLite file, or a pg_dump custom-format archive for PostgreSQL)"
        case .liveDatabase(let target):
            "\(target) holds a database already; stop the server (systemctl stop suiji) and give --force to replace it"
        case .pgToolMissing(let tool):
            "\(tool) not found: install the PostgreSQL client tools of the server's major version (Debian: apt-get install postgresql-client)"
        case .pgToolFailed(let tool, let output): "\(tool) failed: \(output)"
        case .unsupported(let what): what
        case .verificationFailed(let reason): "the restored copy does not verify, nothing was replaced: \(reason)"
        }
    }
}

/// Online backups and restores: `VACUUM INTO` for a SQLite file (a consistent snapshot that
/// includes what is still in the write-ahead log), `pg_dump`/`pg_restore` for PostgreSQL.
public enum DatabaseBackup {
    /// Writes a backup of the open database at `location` to `path` (never overwriting a file).
    /// `schema` is the PostgreSQL schema (tests only).
    public static func backup(_ database: SuijiDatabase, location: DatabaseLocation, to path: String, schema: String? = nil) async throws {
        guard !FileManager.default.fileExists(atPath: path) else { throw BackupError.outputExists(path) }
        switch location {
        case .sqliteFile, .sqliteMemory:
            try await database.read { db in try await db.raw("VACUUM INTO \(bind: path)").run() }
            chmod(path, 0o600)
        case .postgres(let url):
            let connection = try PostgresURL(url)
            var arguments = [
                "--format=custom", "--no-owner", "--no-privileges", "--file=\(path)", "--dbname=\(connection.withoutPassword)",
            ]
            if let schema { arguments.append("--schema=\(schema)") }
            try PostgresTool.run("pg_dump", arguments, password: connection.password)
            chmod(path, 0o600)
        }
    }

    /// Whether the database at `location` holds data already (a live database).
    static func isLive(_ location: DatabaseLocation, schema: String?) async throws -> Bool {
        switch location {
        case .sqliteMemory: return false
        case .sqliteFile(let path):
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            return size > 0 || FileManager.default.fileExists(atPath: path + "-wal")
        case .postgres(let url):
            let database = try await SuijiDatabase.open(.postgres(url), logger: Logger(label: "suiji.restore"))
            do {
                let rows = try await database.read { db in
                    try await db.raw(
                        """
                        SELECT COUNT(*) AS n FROM information_schema.tables
                        WHERE table_name = 'schema_migrations' AND table_schema = \(bind: schema ?? "public")
                        """
                    ).first()?.decode(column: "n", as: Int.self) ?? 0
                }
                await database.close()
                return rows > 0
            } catch {
                await database.close()
                throw error
            }
        }
    }

    /// The SQLite file header (a backup made by `VACUUM INTO`).
    static func isSQLite(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 16)) == Data("SQLite format 3\0".utf8)
    }

    /// The custom-format archive header of `pg_dump`.
    static func isPostgresArchive(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 5)) == Data("PGDMP".utf8)
    }
}

/// A `postgres://user:password@host:port/db` URL split for the client tools (the password goes
/// through the environment, never the command line).
struct PostgresURL {
    let withoutPassword: String
    let password: String?

    init(_ url: String) throws {
        guard var components = URLComponents(string: url) else { throw BackupError.unsupported("not a PostgreSQL URL: \(url)") }
        password = components.password
        components.password = nil
        if components.scheme == "postgres" { components.scheme = "postgresql" }
        withoutPassword = components.string ?? url
    }
}

/// Runs PostgreSQL's client tools (`pg_dump`, `pg_restore`) found on the PATH or in Debian's
/// versioned directories.
enum PostgresTool {
    static func find(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        var candidates = path.split(separator: ":").map { "\($0)/\(tool)" }
        if let versions = try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql") {
            let sorted = versions.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }
            candidates += sorted.map { "/usr/lib/postgresql/\($0)/bin/\(tool)" }
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ tool: String, _ arguments: [String], password: String?) throws {
        guard let executable = find(tool) else { throw BackupError.pgToolMissing(tool) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        if let password { environment["PGPASSWORD"] = password }
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BackupError.pgToolFailed(tool, String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}
