// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import SQLKit
import SuijiCore
import SuijiStore
import Testing

/// A stored holiday notice that no longer parses stops the start-up, naming its year: due dates
/// are never computed with a calendar that silently lost it.
@Suite("Stored holiday notices fail loudly")
struct StoredNoticeTests {
    @Test func anUnreadableStoredNoticeStopsTheOpening() async throws {
        // setup: a SQLite file whose notice of 2031 has been damaged
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("suiji-notice-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let stores = try await Stores.open(.sqliteFile(path), bcryptCost: 4, now: TestDatabase.t0, logger: logger)
        try await stores.database.write { db in
            try await db.raw(
                """
                INSERT INTO holiday_notices (year, source, content, loaded_by, loaded_at)
                VALUES (2031, 'test', 'this is not a notice', 'office', '2026-05-28T00:00:00Z')
                """
            ).run()
        }
        await stores.database.close()
        // MUT + validate
        do {
            let reopened = try await Stores.open(.sqliteFile(path), bcryptCost: 4, now: TestDatabase.t0, logger: logger)
            await reopened.database.close()
            Issue.record("a damaged stored notice was skipped")
        } catch let error as StoredNoticeError {
            #expect(error.year == 2031)
            #expect(error.description.contains("2031"))
        }
    }
}
