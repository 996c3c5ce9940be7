// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import SuijiStore

/// `suiji migrate`: applies (or with --dry-run lists) pending schema migrations.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply pending schema migrations.")

    @OptionGroup var database: DatabaseOptions

    @Flag(name: .long, help: "List pending migrations without applying them.")
    var dryRun = false

    func run() async throws {
        let db = try await SuijiDatabase.open(DatabaseLocation(argument: database.db), logger: database.logger)
        let migrator = Migrator(database: db)
        if dryRun {
            let pending = try await migrator.pending()
            print(pending.isEmpty ? "No pending migrations." : pending.map { "pending: \($0.name)" }.joined(separator: "\n"))
        } else {
            let applied = try await migrator.migrate(now: Timestamp.format(Date()))
            print(applied.isEmpty ? "Schema is up to date." : applied.map { "applied: \($0)" }.joined(separator: "\n"))
        }
        await db.close()
    }
}
