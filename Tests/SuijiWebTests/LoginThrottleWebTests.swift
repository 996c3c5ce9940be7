// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SuijiCore
import SuijiStore
import Testing

@Suite("Login throttling and lockout")
struct LoginThrottleWebTests {
    @Test func anAccountBacksOffIsLockedAndTheOfficeLiftsTheLock() async throws {
        try await SecurityFixture.with { fixture, client in
            let officeToken = try await token(client, "office")
            for _ in 1...4 { #expect(try await postLogin(client, "samr", "wrong-guess").status == .unauthorized) }
            // The fifth try at once is refused before any bcrypt.
            let checks = fixture.hasher.checksRun
            let refused = try await postLogin(client, "samr", testPassword)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.retryAfter == "1")
            #expect(refused.body.contains("登录尝试过于频繁，请 1 秒后再试"))
            #expect(fixture.hasher.checksRun == checks)
            for _ in 5...10 {
                fixture.clock.advance(600)
                #expect(try await postLogin(client, "samr", "wrong-guess").status == .unauthorized)
            }
            fixture.clock.advance(600)
            let locked = try await postLogin(client, "samr", testPassword, from: "192.0.2.99")
            #expect(locked.status == .unauthorized)
            #expect(locked.body.contains("已被暂时锁定"))

            // The lock is kept in the database: a restarted server still refuses.
            try await fixture.app().test(.router) { restarted in
                let answer = try await postLogin(restarted, "samr", testPassword)
                #expect(answer.body.contains("已被暂时锁定"))
            }
            // The office sees it and lifts it.
            let office = try await login(client, "office")
            try await client.execute(uri: "/admin/accounts", method: .get, headers: [.cookie: office.cookie]) { response in
                #expect(String(buffer: response.body).contains("因连续登录失败锁定至"))
            }
            try await client.execute(
                uri: "/api/v1/accounts/samr/unlock", method: .post, headers: [.authorization: "Bearer \(officeToken)"]
            ) { #expect($0.status == .ok) }
            #expect(try await postLogin(client, "samr", testPassword).status == .found)
            let actions = try await AuditLog.recent(fixture.stores.database, limit: 200).map(\.action)
            #expect(actions.filter { $0 == "login-failed" }.count == 10)
            #expect(actions.contains("lock") && actions.contains("unlock"))
        }
    }

    @Test func onlyTheOfficeLiftsALock() async throws {
        try await SecurityFixture.with { _, client in
            let samr = try await token(client, "samr")
            try await client.execute(uri: "/api/v1/accounts/health/unlock", method: .post, headers: [.authorization: "Bearer \(samr)"]) {
                #expect($0.status == .forbidden)
            }
        }
    }

    @Test func anUnknownNameCostsOneBcryptCheckAndAnswersAlike() async throws {
        try await SecurityFixture.with { fixture, client in
            var before = fixture.hasher.checksRun
            let unknown = try await postLogin(client, "nobody-here", testPassword)
            #expect(fixture.hasher.checksRun == before + 1)
            before = fixture.hasher.checksRun
            let wrong = try await postLogin(client, "samr", "password2")
            #expect(fixture.hasher.checksRun == before + 1)
            #expect(unknown.status == wrong.status)
            // The same page but for the name typed and the form's fresh CSRF token.
            let scrub = { (html: String) in html.replacing(/[0-9a-f]{64}/, with: "") }
            #expect(scrub(unknown.body.replacingOccurrences(of: "nobody-here", with: "samr")) == scrub(wrong.body))
            // Unknown names are locked after ten failures too, with the same words.
            for _ in 2...10 {
                fixture.clock.advance(600)
                _ = try await postLogin(client, "nobody-here", testPassword)
            }
            fixture.clock.advance(600)
            #expect(try await postLogin(client, "nobody-here", testPassword).body.contains("已被暂时锁定"))
        }
    }

    @Test func anAddressBacksOffAcrossNames() async throws {
        try await SecurityFixture.with { _, client in
            for n in 1...20 { #expect(try await postLogin(client, "guess\(n)", testPassword, from: "203.0.113.7").status == .unauthorized) }
            #expect(try await postLogin(client, "guess21", testPassword, from: "203.0.113.7").status == .unauthorized)
            // Even right credentials wait at that address; another address is not affected.
            #expect(try await postLogin(client, "office", testPassword, from: "203.0.113.7").status == .tooManyRequests)
            #expect(try await postLogin(client, "office", testPassword, from: "203.0.113.8").status == .found)
            // The token route shares the throttle and says so in JSON.
            try await client.execute(
                uri: "/api/v1/auth/token", method: .post,
                headers: [.contentType: "application/json", HTTPField.Name("X-Forwarded-For")!: "203.0.113.7"],
                body: json(["username": "office", "password": testPassword])
            ) { response in
                #expect(response.status == .tooManyRequests)
                #expect(response.headers[.retryAfter] != nil)
                #expect(String(buffer: response.body).contains(#""code":"too_many_attempts""#))
            }
        }
    }

    @Test func aLoginFloodLeavesThePortalAloneAndIsRefusedAtOnce() async throws {
        // One hashing thread, one waiting place: hold the thread, fill the place.
        try await SecurityFixture.with(threads: 1, maxWaiting: 1) { fixture, client in
            let release = DispatchSemaphore(value: 0)
            let started = ManualFlag()
            let holder = Task {
                try await fixture.hasher.run {
                    started.set()
                    release.wait()
                }
            }
            while !started.isSet { try await Task.sleep(for: .milliseconds(5)) }
            let waiter = Task { try await fixture.hasher.run {} }
            while await fixture.hasher.queued < 1 { try await Task.sleep(for: .milliseconds(5)) }
            // The public portal answers while hashing is saturated …
            let portal = try await anonymousPage(client, "/public")
            #expect(portal.status == .ok)
            // … and a further login is refused without waiting for a hash.
            let busy = try await postLogin(client, "office", testPassword)
            #expect(busy.status == .serviceUnavailable)
            #expect(busy.body.contains("登录请求过多"))
            release.signal()
            try await holder.value
            try await waiter.value
            #expect(try await postLogin(client, "office", testPassword).status == .found)
        }
    }
}
