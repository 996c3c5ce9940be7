// SPDX-License-Identifier: Apache-2.0

import SQLKit
import Synchronization
import Testing

@testable import SuijiStore

/// Reference data read on every page (names of plans, items, departments) is computed once and
/// kept until committed data changes: a write through the store makes the next read load again.
@Suite struct ReferenceCacheTests {
    final class Loads: Sendable {
        let count = Mutex(0)
    }

    @Test(arguments: TestDatabase.available)
    func aCommitInvalidatesTheCache(_ database: TestDatabase) async throws {
        let fixture = try await Fixture.make(database)
        let db = fixture.stores.database
        let loads = Loads()
        func names() async throws -> [String] {
            try await db.cached("test-department-names") { sql in
                loads.count.withLock { $0 += 1 }
                return try await sql.raw("SELECT name FROM departments ORDER BY code").all().map {
                    try $0.decode(column: "name", as: String.self)
                }
            }
        }
        let first = try await names()
        #expect(try await names() == first)
        #expect(loads.count.withLock { $0 } == 1)
        try await db.write { sql in
            try await sql.raw("UPDATE departments SET name = 'X-改名' WHERE code = 'SAMR'").run()
        }
        #expect(try await names().contains("X-改名"))
        #expect(loads.count.withLock { $0 } == 2)
        await db.close()
    }
}
