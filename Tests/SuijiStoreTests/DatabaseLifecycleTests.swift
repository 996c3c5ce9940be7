// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore
import Testing

@Suite("Database lifecycle")
struct DatabaseLifecycleTests {
    /// A store dropped without `close()` (an error skipped it) must not bring the process down:
    /// a trap here would end the whole test run.
    @Test(arguments: TestDatabase.available)
    func aDatabaseFreedWithoutCloseShutsItselfDown(_ database: TestDatabase) async throws {
        do {
            let stores = try await database.open()
            let departments = try await stores.departments.all()
            #expect(departments.allSatisfy { !$0.code.isEmpty })
        }
        // Give a PostgreSQL pool's asynchronous shutdown time to finish before the next test.
        try await Task.sleep(for: .milliseconds(200))
    }
}
