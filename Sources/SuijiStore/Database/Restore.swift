// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import SQLKit
import SuijiCore
import SuijiDraw

/// What a restored (or backed-up) copy holds and whether it checks out: the audit log (chain and
/// signed checkpoints) and every executed draw recomputed from its published record.
public struct RestoreReport: Sendable {
    public var audit: AuditReport
    /// Executed draws recomputed.
    public var draws: Int
    /// Draws whose record does not verify: id and reason.
    public var drawFailures: [String]
    /// What the anchor file said about rows written after the backup (restores with a key).
    public var anchorNote: String?

    public var ok: Bool {
        if case .broken = audit.verification { return false }
        return drawFailures.isEmpty
    }

    /// One paragraph for the operator.
    public var summary: String {
        var lines = ["audit log: \(audit.summary)", "draws: \(draws) executed draw(s) recomputed, \(drawFailures.count) failed"]
        lines += drawFailures.map { "  \($0)" }
        if let anchorNote { lines.append(anchorNote) }
        return lines.joined(separator: "\n")
    }
}

/// Restores a backup over (or into) a database, after checking the copy.
public enum DatabaseRestore {
    /// Checks `stores`: the audit log (with the key's checkpoints, not the anchor file: a backup
    /// is older than the anchor by nature) and every executed draw's proof.
    public static func verify(_ stores: Stores, seal: AuditSeal?) async throws -> RestoreReport {
        let audit = try await AuditLog.check(stores.database, seal: seal, useAnchor: false)
        let executed = try await stores.database.read { db in
            try await db.raw("SELECT id, conflict_salt FROM draws WHERE state = \(bind: DrawState.executed.rawValue) ORDER BY id").all().map
            {
                (try $0.decode(column: "id", as: String.self), try $0.decode(column: "conflict_salt", as: String.self))
            }
        }
        var failures: [String] = []
        for (id, salt) in executed {
            let report = Verifier.verify(bundle: try await stores.draws.bundle(id), conflictSalt: Bytes.fromHex(salt))
            if let failure = report.failure { failures.append("\(id): \(failure.message)") }
        }
        return RestoreReport(audit: audit, draws: executed.count, drawFailures: failures, anchorNote: nil)
    }

    /// Checks a SQLite backup file by restoring it into a scratch copy (the backup itself is not touched).
    public static func verifyFile(_ backup: String, seal: AuditSeal?, logger: Logger) async throws -> RestoreReport {
        guard DatabaseBackup.isSQLite(backup) else { throw BackupError.notABackup(backup) }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("suiji-verify-\(UUID().uuidString).sqlite").path
        defer { removeSQLite(scratch) }
        try FileManager.default.copyItem(atPath: backup, toPath: scratch)
        return try await withStores(.sqliteFile(scratch), schema: nil, logger: logger) { try await verify($0, seal: seal) }
    }

    /// Restores `backup` to `location`. A database that holds data is replaced only with `force`
    /// (stop the server first). A SQLite copy is checked before it replaces anything; a
    /// PostgreSQL restore runs in one transaction and is checked afterwards. With a seal, the
    /// anchor file is moved to the restored log's newest checkpoint (the old one is kept beside
    /// it as `.before-restore`) and its head is signed.
    public static func restore(
        from backup: String, to location: DatabaseLocation, schema: String? = nil, force: Bool, seal: AuditSeal?, now: Date,
        logger: Logger
    ) async throws -> RestoreReport {
        if !force, try await DatabaseBackup.isLive(location, schema: schema) { throw BackupError.liveDatabase(location.description) }
        var report: RestoreReport
        switch location {
        case .sqliteMemory: throw BackupError.unsupported("cannot restore into an in-memory database")
        case .sqliteFile(let path):
            guard DatabaseBackup.isSQLite(backup) else { throw BackupError.notABackup(backup) }
            let candidate = path + ".restoring"
            removeSQLite(candidate)
            try FileManager.default.copyItem(atPath: backup, toPath: candidate)
            report = try await withStores(.sqliteFile(candidate), schema: nil, logger: logger) { try await verify($0, seal: seal) }
            guard report.ok else {
                removeSQLite(candidate)
                throw BackupError.verificationFailed(report.summary)
            }
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            guard rename(candidate, path) == 0 else { throw BackupError.unsupported("cannot move \(candidate) to \(path)") }
            chmod(path, 0o600)
        case .postgres(let url):
            guard DatabaseBackup.isPostgresArchive(backup) else { throw BackupError.notABackup(backup) }
            let connection = try PostgresURL(url)
            var arguments = [
                "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--dbname=\(connection.withoutPassword)",
            ]
            if force { arguments += ["--clean", "--if-exists"] }
            try PostgresTool.run("pg_restore", arguments + [backup], password: connection.password)
            report = try await withStores(location, schema: schema, logger: logger) { try await verify($0, seal: seal) }
            guard report.ok else { throw BackupError.verificationFailed(report.summary) }
        }
        let restoredCount = report.audit.count
        report.anchorNote = try await withStores(location, schema: schema, logger: logger) { stores in
            try await AuditLog.record(
                stores.database, caller: .system(at: now), action: "restore", entity: "database",
                entityID: URL(fileURLWithPath: backup).lastPathComponent,
                detail: ["file": backup, "rows": String(restoredCount), "draws": String(report.draws)])
            guard let seal else { return nil }
            return try await reanchor(stores, seal: seal, count: restoredCount, now: now)
        }
        return report
    }

    /// Points the anchor file at the restored log (keeping the old one) and signs its head;
    /// says how many rows the old anchor knew that the restored log lacks.
    static func reanchor(_ stores: Stores, seal: AuditSeal, count: Int, now: Date) async throws -> String? {
        let old = try? seal.anchor()
        let newest = try await stores.database.read { db in
            try await db.raw("SELECT seq, head, at, key_id, mac FROM audit_checkpoints ORDER BY seq DESC LIMIT 1")
                .first(decoding: AuditCheckpoint.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        if FileManager.default.fileExists(atPath: seal.anchorPath) {
            let kept = seal.anchorPath + ".before-restore"
            try? FileManager.default.removeItem(atPath: kept)
            try FileManager.default.copyItem(atPath: seal.anchorPath, toPath: kept)
        }
        if let newest {
            try seal.writeAnchor(newest)
        } else {
            try? FileManager.default.removeItem(atPath: seal.anchorPath)
        }
        try await AuditLog.checkpoint(stores.database, seal: seal, now: now)
        guard let old, old.seq > count || old.seq > (newest?.seq ?? 0) else { return nil }
        let lost = max(0, old.seq - Int64(count))
        return "note: the anchor recorded row \(old.seq) at \(old.at); the restored log ends at row \(count)"
            + (lost > 0 ? ": \(lost) row(s) written after the backup are not in it" : "")
            + " (the old anchor is kept as \(seal.anchorPath).before-restore)"
    }

    static func withStores<T: Sendable>(
        _ location: DatabaseLocation, schema: String?, logger: Logger, _ body: (Stores) async throws -> T
    ) async throws -> T {
        let stores = try await Stores.open(location, schema: schema, now: Date(), logger: logger)
        do {
            let value = try await body(stores)
            await stores.database.close()
            return value
        } catch {
            await stores.database.close()
            throw error
        }
    }

    static func removeSQLite(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

extension AuditReport {
    /// Rows in the log (0 when broken).
    var count: Int {
        if case .intact(let count, _) = verification { return count }
        return 0
    }
}
