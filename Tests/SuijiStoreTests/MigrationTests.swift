// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import SQLKit
import SuijiCore
import SuijiStore
import Testing

@Suite("Schema migrations")
struct MigrationTests {
    @Test(arguments: TestDatabase.available)
    func allMigrationsApplyAndAreRecorded(_ database: TestDatabase) async throws {
        let stores = try await database.open()
        let migrator = Migrator(database: stores.database)
        #expect(try await migrator.applied() == Migrations.all.map(\.name))
        #expect(try await migrator.pending().isEmpty)
        // Running again changes nothing.
        #expect(try await migrator.migrate(now: "2026-05-28T00:00:00Z").isEmpty)
        await stores.database.close()
    }

    @Test(arguments: TestDatabase.available)
    func aDivergingDatabaseIsRefused(_ database: TestDatabase) async throws {
        let stores = try await database.open()
        try await stores.database.write { db in
            try await db.raw("UPDATE schema_migrations SET name = 'SomethingElse' WHERE seq = 2").run()
        }
        await #expect(throws: MigrationError.self) { try await Migrator(database: stores.database).pending() }
        await stores.database.close()
    }

    @Test func migrationNamesAreVerbFirstAndUnique() {
        let names = Migrations.all.map(\.name)
        #expect(Set(names).count == names.count)
        for name in names {
            #expect(["Create", "Add", "Drop", "Rename", "Change"].contains { name.hasPrefix($0) }, "\(name)")
        }
    }

    @Test func aSQLiteFileIsReopenedWithItsData() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("suiji-migrate-\(UUID().uuidString).sqlite").path
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let first = try await Stores.open(.sqliteFile(path), bcryptCost: 4, now: TestDatabase.t0, logger: logger)
        try await first.departments.create(.init(code: "SAMR", name: "区市场监管局"), caller: .system(at: TestDatabase.t0))
        await first.database.close()
        let second = try await Stores.open(.sqliteFile(path), bcryptCost: 4, now: TestDatabase.t0, logger: logger)
        #expect(try await second.departments.all().map(\.code) == ["SAMR"])
        let mode = try await second.database.read { db in
            try await db.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
        }
        #expect(mode == "wal")
        await second.database.close()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
