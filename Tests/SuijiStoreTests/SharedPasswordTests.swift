// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore
import Testing

/// Accounts created with one password hashed once (the demo's): each logs in with it, and each
/// is checked like any new account.
@Suite("Accounts sharing a password hashed once")
struct SharedPasswordTests {
    @Test(arguments: TestDatabase.available)
    func eachAccountLogsInAndIsChecked(_ database: TestDatabase) async throws {
        let fixture = try await Fixture.make(database)
        let accounts = fixture.stores.accounts
        let system = Caller.system(at: TestDatabase.t0)
        let shared = try await accounts.sharedPassword("lantern-harbour-2026")
        for username in ["samr-a1", "samr-a2", "samr-a3"] {
            try await accounts.create(
                Account(username: username, displayName: "管理员", role: .departmentAdmin, departmentCode: "SAMR"), sharedPassword: shared,
                caller: system)
        }
        for username in ["samr-a1", "samr-a2", "samr-a3"] {
            let (account, _) = try await accounts.login(
                username: username, password: "lantern-harbour-2026", kind: "api", now: TestDatabase.t0)
            #expect(account.username == username)
            await #expect(throws: AuthError.badCredentials) {
                try await accounts.login(username: username, password: "lantern-harbour-2025", kind: "api", now: TestDatabase.t0)
            }
        }
        // The rules of a new account still apply: a password built on the user name is refused,
        // a department admin needs a department, only the office creates accounts.
        let named = try await accounts.sharedPassword("lantern-2026-samr-a4")
        await #expect(throws: AuthError.self) {
            try await accounts.create(
                Account(username: "samr-a4", displayName: "管理员", role: .departmentAdmin, departmentCode: "SAMR"), sharedPassword: named,
                caller: system)
        }
        await #expect(throws: AuthError.self) {
            try await accounts.create(
                Account(username: "nodept", displayName: "管理员", role: .departmentAdmin), sharedPassword: shared, caller: system)
        }
        await #expect(throws: (any Error).self) {
            try await accounts.create(
                Account(username: "samr-a5", displayName: "管理员", role: .departmentAdmin, departmentCode: "SAMR"), sharedPassword: shared,
                caller: fixture.samr)
        }
        await fixture.stores.database.close()
    }
}
