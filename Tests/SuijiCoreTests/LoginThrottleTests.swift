// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import Testing

@Suite("Login throttle")
struct LoginThrottleTests {
    let t0 = Date(timeIntervalSince1970: 1_780_000_000)

    @Test func anAccountBacksOffThenLocks() {
        var throttle = LoginThrottle()
        var now = t0
        for _ in 1...3 { #expect(throttle.recordFailure(username: "samr", address: "10.0.0.1", now: now) == .allowed) }
        // The fourth failure waits 1 s, the fifth 2 s, then 4 s …
        #expect(throttle.recordFailure(username: "samr", address: "10.0.0.1", now: now) == .wait(seconds: 1))
        now += 1
        #expect(throttle.verdict(username: "SAMR", address: "10.0.0.2", now: now) == .allowed)
        #expect(throttle.recordFailure(username: "samr", address: "10.0.0.1", now: now) == .wait(seconds: 2))
        #expect(throttle.verdict(username: "samr", address: "10.0.0.9", now: now + 1) == .wait(seconds: 1))
        for failure in 6...9 {
            now += 300
            #expect(throttle.recordFailure(username: "samr", address: "10.0.0.1", now: now) == .wait(seconds: 1 << (failure - 4)))
        }
        now += 300
        // The tenth locks the name for an hour, whatever the address.
        #expect(throttle.recordFailure(username: "samr", address: "10.0.0.1", now: now) == .locked(until: now + 3_600))
        #expect(throttle.verdict(username: "samr", address: nil, now: now + 3_599) == .locked(until: now + 3_600))
        #expect(throttle.verdict(username: "other", address: nil, now: now) == .allowed)
        // Lifting starts the name again from zero.
        throttle.lift(username: "samr")
        #expect(throttle.verdict(username: "samr", address: nil, now: now) == .allowed)
    }

    @Test func anAddressBacksOffAcrossNames() {
        var throttle = LoginThrottle()
        for n in 1...20 {
            #expect(throttle.recordFailure(username: "guess\(n)", address: "203.0.113.7", now: t0) == .allowed)
        }
        #expect(throttle.recordFailure(username: "guess21", address: "203.0.113.7", now: t0) == .wait(seconds: 1))
        #expect(throttle.verdict(username: "office", address: "203.0.113.7", now: t0) == .wait(seconds: 1))
        #expect(throttle.verdict(username: "office", address: "198.51.100.1", now: t0) == .allowed)
        // A success on a real account clears that name only, not the address.
        throttle.recordSuccess(username: "guess21")
        #expect(throttle.verdict(username: "office", address: "203.0.113.7", now: t0) == .wait(seconds: 1))
        // After an hour without failures the address starts again.
        #expect(throttle.recordFailure(username: "x", address: "203.0.113.7", now: t0 + 3_601) == .allowed)
    }

    @Test func memoryStaysBounded() {
        var throttle = LoginThrottle(capacity: 100)
        for n in 0..<1_000 {
            throttle.recordFailure(username: "name\(n)", address: "addr\(n)", now: t0 + Double(n))
        }
        #expect(throttle.size.accounts <= 100)
        #expect(throttle.size.addresses <= 100)
    }

    @Test func delaysAreCapped() {
        #expect(LoginThrottle.Policy.address.delay(after: 20) == 0)
        #expect(LoginThrottle.Policy.address.delay(after: 21) == 1)
        #expect(LoginThrottle.Policy.address.delay(after: 1_000_000) == 900)
    }
}
