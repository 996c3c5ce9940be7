// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import SQLKit
import SuijiCore
import SuijiDraw
import SuijiStore
import Testing

@Suite("Backup and restore")
struct BackupRestoreTests {
    static var logger: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        return logger
    }

    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("suiji-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func aDrawStillInTheWriteAheadLogIsBackedUpAndRestored() async throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let draw = try await DrawFixture.make(.sqliteFile)
        let database = draw.stores.database
        let path = try await database.read { db in
            try await db.raw("PRAGMA database_list").all().first.map { try $0.decode(column: "file", as: String.self) } ?? ""
        }
        // Keep every commit of the draw in the write-ahead log, as a busy server would between checkpoints.
        try await database.write { db in try await db.raw("PRAGMA wal_autocheckpoint=0").run() }
        let keyPath = dir.appendingPathComponent("audit.key").path
        _ = try AuditKey.generate(path: keyPath)
        let seal = try AuditSeal.load(keyPath: keyPath)
        try await AuditLog.checkpoint(database, seal: seal, now: TestDatabase.t0)
        let executed = try await draw.run()
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))

        // Copying the live file alone loses the draw …
        let naive = dir.appendingPathComponent("naive.sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: naive)
        let copied = try await Stores.open(.sqliteFile(naive), bcryptCost: 4, now: TestDatabase.t0, logger: Self.logger)
        let naiveState = try await copied.database.read { db in
            try await db.raw("SELECT state FROM draws WHERE id = \(bind: executed.id)").first()?.decode(column: "state", as: String.self)
        }
        #expect(naiveState != "executed")
        await copied.database.close()

        // … the online backup keeps it, and the restored copy verifies.
        try await AuditLog.checkpoint(database, seal: seal, now: TestDatabase.t0)
        let backup = dir.appendingPathComponent("backup.sqlite").path
        try await DatabaseBackup.backup(database, location: .sqliteFile(path), to: backup)
        await #expect(throws: BackupError.outputExists(backup)) {
            try await DatabaseBackup.backup(database, location: .sqliteFile(path), to: backup)
        }
        // Work goes on after the backup, and is signed: the anchor moves past the backup.
        try await AuditLog.record(
            database, caller: draw.fixture.office, action: "test", entity: "x", entityID: "1", detail: ["after": "backup"])
        try await AuditLog.checkpoint(database, seal: seal, now: TestDatabase.t0)
        await database.close()

        let target = dir.appendingPathComponent("restored.sqlite").path
        let report = try await DatabaseRestore.restore(
            from: backup, to: .sqliteFile(target), force: false, seal: seal, now: TestDatabase.t0, logger: Self.logger)
        #expect(report.ok && report.draws == 1 && report.drawFailures.isEmpty, "\(report.summary)")
        #expect(report.anchorNote?.contains("1 row(s) written after the backup are not in it") == true, "\(report.anchorNote ?? "")")
        let restored = try await Stores.open(.sqliteFile(target), bcryptCost: 4, now: TestDatabase.t0, logger: Self.logger)
        let again = try await restored.draws.get(executed.id, for: draw.fixture.office.account)
        #expect(again.state == .executed && again.executedAt == executed.executedAt)
        #expect(Verifier.verify(bundle: try await restored.draws.bundle(executed.id)).ok)
        // The anchor now follows the restored log: it verifies with the key.
        guard case .intact = try await AuditLog.check(restored.database, seal: seal).verification else {
            Issue.record("the restored log does not verify against the moved anchor")
            await restored.database.close()
            return
        }
        await restored.database.close()
        #expect(FileManager.default.fileExists(atPath: seal.anchorPath + ".before-restore"))

        // A database that holds data is replaced only with --force.
        await #expect(throws: BackupError.liveDatabase("sqlite:\(target)")) {
            try await DatabaseRestore.restore(
                from: backup, to: .sqliteFile(target), force: false, seal: nil, now: TestDatabase.t0, logger: Self.logger)
        }
        let forced = try await DatabaseRestore.restore(
            from: backup, to: .sqliteFile(target), force: true, seal: nil, now: TestDatabase.t0, logger: Self.logger)
        #expect(forced.ok)
        await #expect(throws: BackupError.notABackup(keyPath)) {
            try await DatabaseRestore.restore(
                from: keyPath, to: .sqliteFile(target), force: true, seal: nil, now: TestDatabase.t0, logger: Self.logger)
        }
    }

    @Test func aTamperedBackupIsNotRestored() async throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let draw = try await DrawFixture.make(.sqliteFile)
        let executed = try await draw.run()
        try await draw.stores.database.write { db in
            try await db.raw(
                "UPDATE draw_file_chunks SET content = content || 'x' WHERE draw_id = \(bind: executed.id) AND name = 'selection.txt'"
            ).run()
        }
        let backup = dir.appendingPathComponent("backup.sqlite").path
        try await DatabaseBackup.backup(draw.stores.database, location: .sqliteFile(":unused:"), to: backup)
        await draw.stores.database.close()
        let target = dir.appendingPathComponent("restored.sqlite").path
        await #expect(throws: BackupError.self) {
            try await DatabaseRestore.restore(
                from: backup, to: .sqliteFile(target), force: false, seal: nil, now: TestDatabase.t0, logger: Self.logger)
        }
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test(.enabled(if: TestDatabase.available.contains(.postgres)))
    func postgresIsBackedUpWithPgDumpAndRestored() async throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let draw = try await DrawFixture.make(.postgres)
        let executed = try await draw.run()
        let database = draw.stores.database
        let schema = try await database.read { db in
            try await db.raw("SELECT current_schema() AS s").first()?.decode(column: "s", as: String.self) ?? ""
        }
        let url = ProcessInfo.processInfo.environment["SUIJI_TEST_POSTGRES_URL"]!
        let backup = dir.appendingPathComponent("backup.dump").path
        try await DatabaseBackup.backup(database, location: .postgres(url), to: backup, schema: schema)
        let scratchName = "restore_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
        try await database.read { db in try await db.raw("CREATE DATABASE \(ident: String(scratchName))").run() }
        await database.close()
        var components = URLComponents(string: url)!
        components.path = "/" + scratchName
        let target = components.string!
        let report = try await DatabaseRestore.restore(
            from: backup, to: .postgres(target), schema: schema, force: false, seal: nil, now: TestDatabase.t0, logger: Self.logger)
        #expect(report.ok && report.draws == 1, "\(report.summary)")
        await #expect(throws: BackupError.self) {
            try await DatabaseRestore.restore(
                from: backup, to: .postgres(target), schema: schema, force: false, seal: nil, now: TestDatabase.t0, logger: Self.logger)
        }
        let restored = try await Stores.open(.postgres(target), schema: schema, bcryptCost: 4, now: TestDatabase.t0, logger: Self.logger)
        #expect(try await restored.draws.get(executed.id, for: draw.fixture.office.account).state == .executed)
        await restored.database.close()
    }
}

@Suite("Durability settings")
struct DurabilityTests {
    @Test func aSQLiteFileIsWALWithFullSync() async throws {
        let stores = try await TestDatabase.sqliteFile.open()
        let (mode, sync) = try await stores.database.read { db in
            (
                try await db.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self),
                try await db.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self)
            )
        }
        // The reader connection sees the file's journal mode; synchronous is per connection, so ask the writer.
        let writerSync = try await stores.database.write { db in
            try await db.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self)
        }
        #expect(mode == "wal")
        #expect(writerSync == 2, "synchronous=FULL (2); reader has \(sync ?? -1)")
        await stores.database.close()
    }
}
