// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import SuijiStore

/// `suiji backup --out FILE`: an online backup of the running database.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract:
            "Back up the database while it runs (SQLite: VACUUM INTO, WAL included; PostgreSQL: pg_dump) and check the copy (SQLite).")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var audit: AuditKeyOptions

    @Option(name: .long, help: "The backup file to write (never overwritten).")
    var out: String

    func run() async throws {
        let seal = try audit.seal()
        let location = DatabaseLocation(argument: database.db)
        let stores = try await database.open()
        do {
            // The backup records itself, and carries a freshly signed head.
            try await AuditLog.record(
                stores.database, caller: .system(at: Date()), action: "backup", entity: "database",
                entityID: URL(fileURLWithPath: out).lastPathComponent, detail: ["file": out])
            if let seal { try await AuditLog.checkpoint(stores.database, seal: seal, now: Date()) }
            try await DatabaseBackup.backup(stores.database, location: location, to: out)
            await stores.database.close()
        } catch let error as BackupError {
            await stores.database.close()
            Console.error("\(error)")
            throw ExitCode(1)
        } catch {
            await stores.database.close()
            throw error
        }
        guard case .postgres = location else {
            let report = try await DatabaseRestore.verifyFile(out, seal: seal, logger: database.logger)
            Console.out("backup written to \(out)\n\(report.summary)")
            if !report.ok { throw ExitCode(1) }
            return
        }
        Console.out("backup written to \(out) (pg_dump custom format); check it with `suiji restore \(out) --db <a scratch database>`")
    }
}

/// `suiji restore FILE`: puts a backup in place, after checking it.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup to --db and check it (audit log, every draw's proof); replaces a database only with --force.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var audit: AuditKeyOptions

    @Argument(help: "The backup file (from `suiji backup`).")
    var file: String

    @Flag(name: .long, help: "Replace a database that holds data (stop the server first).")
    var force = false

    func run() async throws {
        let seal = try audit.seal()
        do {
            let report = try await DatabaseRestore.restore(
                from: file, to: DatabaseLocation(argument: database.db), force: force, seal: seal, now: Date(), logger: database.logger)
            Console.out("restored \(file) to \(database.db)\n\(report.summary)")
        } catch let error as BackupError {
            Console.error("\(error)")
            throw ExitCode(1)
        }
    }
}
