// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore
import Testing

@Suite("Accounts in the store: lockout, resets, sessions, inspector logins")
struct AccountSecurityStoreTests {
    @Test(arguments: TestDatabase.available)
    func lockoutResetsAndSessions(_ database: TestDatabase) async throws {
        let fixture = try await Fixture.make(database)
        let accounts = fixture.stores.accounts
        let t0 = TestDatabase.t0
        for n in 0..<AccountLockout.failures {
            await #expect(throws: AuthError.badCredentials) {
                try await accounts.login(username: "samr", password: "wrong-\(n)", kind: "api", now: t0 + Double(n))
            }
        }
        #expect(try await accounts.isLocked(username: "samr", now: t0 + 60) == true)
        #expect(try await accounts.isLocked(username: "nobody", now: t0) == nil)
        await #expect(throws: AuthError.locked) {
            try await accounts.login(username: "samr", password: "fixture-pass-2026", kind: "api", now: t0 + 60)
        }
        #expect(try await accounts.lockedUntil(now: t0 + 60).keys.sorted() == ["samr"])
        // The lock ends by itself after an hour, or when the office lifts it.
        #expect(try await accounts.isLocked(username: "samr", now: t0 + 3_700) == false)
        try await accounts.unlock(username: "samr", caller: fixture.office)
        let (_, grant) = try await accounts.login(username: "samr", password: "fixture-pass-2026", kind: "api", now: t0 + 61)
        #expect(grant.expiresAt == t0 + 61 + 86_400)

        // Sessions: listed, revoked; a reset ends them and asks for a new password.
        let (_, cookie) = try await accounts.login(username: "samr", password: "fixture-pass-2026", kind: "cookie", now: t0 + 62)
        let sessions = try await accounts.sessions(of: "samr", caller: Caller(account: fixture.samr.account, at: t0 + 63))
        #expect(sessions.map(\.kind).sorted() == ["api", "cookie"])
        try await accounts.revoke(sessionID: AccountStore.sessionID(token: grant.token), caller: fixture.office)
        #expect(try await accounts.sessionState(token: grant.token, now: t0 + 64) == nil)
        #expect(try await accounts.sessionState(token: cookie.token, now: t0 + 64)?.account.username == "samr")
        // Idle for more than 30 minutes: the browser session is gone.
        #expect(try await accounts.sessionState(token: cookie.token, now: t0 + 64 + 1_801) == nil)

        let password = try await accounts.resetPassword(username: "health", caller: fixture.office)
        let (_, fresh) = try await accounts.login(username: "health", password: password, kind: "api", now: t0 + 70)
        #expect(fresh.mustChangePassword)
        let health = Caller(account: fixture.health.account, at: t0 + 71)
        try await accounts.changePassword(current: password, new: "willow-stream-19", keepToken: fresh.token, caller: health)
        #expect(try await accounts.sessionState(token: fresh.token, now: t0 + 72)?.mustChangePassword == false)
        try await accounts.setActive(username: "health", active: false, caller: fixture.office)
        #expect(try await accounts.sessionState(token: fresh.token, now: t0 + 73) == nil)
        await #expect(throws: LibraryError.self) { try await accounts.setActive(username: "office", active: false, caller: fixture.samr) }
        await fixture.stores.database.close()
    }

    @Test(arguments: TestDatabase.available)
    func inspectorLoginsAreIssuedOnceAllOrNothing(_ database: TestDatabase) async throws {
        let fixture = try await Fixture.make(database)
        var sheet = "姓名,执法证号,执法证有效期至,执法区域\n"
        for n in 1...5 { sheet += "检查员\(n),SAMR-\(n),2030-12-31,360202\n" }
        _ = try await fixture.stores.importer.run(.inspectors, data: Data(sheet.utf8), caller: fixture.samr)
        let logins = InspectorLoginStore(accounts: fixture.stores.accounts)
        await #expect(throws: LibraryError.self) { try await logins.list(department: "SAMR", caller: fixture.health) }
        let first = try await logins.issue(department: "SAMR", inspectorIDs: nil, caller: fixture.samr)
        #expect(first.map(\.username).sorted() == ["samr-1", "samr-2", "samr-3", "samr-4", "samr-5"])
        #expect(first.allSatisfy { PasswordRule.problem($0.password, username: $0.username) == nil })
        #expect(try await logins.issue(department: "SAMR", inspectorIDs: nil, caller: fixture.samr).isEmpty)
        // An id that is not one of the department's inspectors is a fault of that field.
        do {
            _ = try await logins.issue(department: "SAMR", inspectorIDs: [987_654], caller: fixture.samr)
            Issue.record("an unknown inspector id was accepted")
        } catch let error as LibraryError {
            #expect(error.field == "inspectorIds")
        }
        let listed = try await logins.list(department: "SAMR", caller: fixture.office)
        #expect(listed.allSatisfy { $0.username != nil && $0.active == true && $0.mustChangePassword == true })
        let (account, grant) = try await fixture.stores.accounts.login(
            username: "samr-3", password: try #require(first.first { $0.username == "samr-3" }).password, kind: "cookie",
            now: TestDatabase.t0)
        #expect(account.role == .inspector && account.inspectorID == listed.first { $0.username == "samr-3" }?.inspectorID)
        #expect(grant.mustChangePassword)
        await fixture.stores.database.close()
    }
}
