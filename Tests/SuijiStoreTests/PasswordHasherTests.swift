// SPDX-License-Identifier: Apache-2.0

import Foundation
import NIOPosix
import SuijiStore
import Synchronization
import Testing

/// A flag set on one thread and polled on another.
final class Flag: Sendable {
    private let value = Mutex(false)
    var isSet: Bool { value.withLock { $0 } }
    func set() { value.withLock { $0 = true } }
}

@Suite("Password hashing pool")
struct PasswordHasherTests {
    @Test func bcryptRunsOffTheEventLoops() async throws {
        let hasher = PasswordHasher(threads: 1, maxWaiting: 4)
        let onEventLoop = try await hasher.run { MultiThreadedEventLoopGroup.currentEventLoop != nil }
        #expect(!onEventLoop)
        let hash = try await hasher.hash("correct horse battery", cost: 4)
        #expect(try await hasher.verify("correct horse battery", hash: hash, cost: 4))
        #expect(try await !hasher.verify("wrong horse battery", hash: hash, cost: 4))
        // No hash (an unknown account): a dummy check, always false, counted like a real one.
        let before = hasher.checksRun
        #expect(try await !hasher.verify("correct horse battery", hash: nil, cost: 4))
        #expect(hasher.checksRun == before + 1)
    }

    @Test func aFullQueueIsRefusedAtOnce() async throws {
        let hasher = PasswordHasher(threads: 1, maxWaiting: 2)
        let release = DispatchSemaphore(value: 0)
        let started = Flag()
        let holder = Task {
            try await hasher.run {
                started.set()
                release.wait()
            }
        }
        while !started.isSet { try await Task.sleep(for: .milliseconds(5)) }
        let waiters = (0..<2).map { _ in Task { try await hasher.run { 1 } } }
        while await hasher.queued < 2 { try await Task.sleep(for: .milliseconds(5)) }
        await #expect(throws: AuthError.busy) { try await hasher.run { 0 } }
        release.signal()
        try await holder.value
        var done = 0
        for waiter in waiters { done += try await waiter.value }
        #expect(done == 2)
        #expect(await hasher.queued == 0)
        #expect(try await hasher.run { 3 } == 3)
    }

    @Test func theQueueIsBoundedByTheTimeItWouldTake() async throws {
        // A queue of at most 1 ms: before any job has finished its length is unknown and one may
        // wait; after jobs of several milliseconds, none may.
        let hasher = PasswordHasher(threads: 1, maxWaiting: 100, maxWait: .milliseconds(1))
        for round in 0..<2 {
            let release = DispatchSemaphore(value: 0)
            let started = Flag()
            let holder = Task {
                try await hasher.run {
                    started.set()
                    release.wait()
                }
            }
            while !started.isSet { try await Task.sleep(for: .milliseconds(5)) }
            if round == 0 {
                let waiter = Task { try await hasher.run { 1 } }
                while await hasher.queued < 1 { try await Task.sleep(for: .milliseconds(5)) }
                try await Task.sleep(for: .milliseconds(20))
                release.signal()
                #expect(try await waiter.value == 1)
            } else {
                await #expect(throws: AuthError.busy) { try await hasher.run { 0 } }
                release.signal()
            }
            try await holder.value
        }
    }
}
