// SPDX-License-Identifier: Apache-2.0

import Foundation
import HummingbirdBcrypt
import NIOPosix
import Synchronization

/// Runs bcrypt (deliberately slow: ~0.1–0.2 s at cost 11) on its own small thread pool, never on
/// an event loop or the shared pools that SQLite uses, with at most `threads` hashes at once and
/// at most `maxWaiting` password checks queued behind them: a login flood then costs those
/// threads and nothing else, and checks past the queue are refused at once (`AuthError.busy`)
/// instead of piling up. Making a hash (a logged-in user's or the office's action) waits its turn.
public final class PasswordHasher: Sendable {
    /// The process-wide hasher: half the cores (at least one), 64 waiting.
    public static let shared = PasswordHasher(threads: max(1, ProcessInfo.processInfo.activeProcessorCount / 2), maxWaiting: 64)

    private let pool: NIOThreadPool
    private let gate: HashingGate
    /// Dummy hashes per cost, checked for unknown accounts so they take as long as real ones.
    private let dummies = Mutex<[UInt8: String]>([:])
    /// Number of bcrypt checks run (tests assert that unknown names cost one too, and refused
    /// attempts none).
    private let checks = Atomic<Int>(0)

    public init(threads: Int, maxWaiting: Int) {
        pool = NIOThreadPool(numberOfThreads: max(1, threads))
        pool.start()
        gate = HashingGate(permits: max(1, threads), maxWaiting: maxWaiting)
    }

    /// How many callers wait for a hashing thread now.
    public var queued: Int {
        get async { await gate.queued }
    }

    /// How many password checks ran so far.
    public var checksRun: Int { checks.load(ordering: .relaxed) }

    /// The bcrypt hash of `password`.
    public func hash(_ password: String, cost: UInt8) async throws -> String {
        try await run(refuseWhenFull: false) { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches `hash`; with no hash (an unknown or password-less account) a
    /// dummy hash of the same cost is checked, so the answer takes as long and is false.
    public func verify(_ password: String, hash: String?, cost: UInt8) async throws -> Bool {
        let dummy = hash == nil ? try await dummyHash(cost: cost) : nil
        return try await run {
            self.checks.add(1, ordering: .relaxed)
            let matches = Bcrypt.verify(password, hash: hash ?? dummy ?? "")
            return hash != nil && matches
        }
    }

    /// Runs `work` on the hashing pool, waiting for a free thread (refused when too many wait,
    /// unless `refuseWhenFull` is false).
    public func run<T: Sendable>(refuseWhenFull: Bool = true, _ work: @escaping @Sendable () -> T) async throws -> T {
        try await gate.enter(refuseWhenFull: refuseWhenFull)
        do {
            let value = try await pool.runIfActive(work)
            await gate.leave()
            return value
        } catch {
            await gate.leave()
            throw error
        }
    }

    private func dummyHash(cost: UInt8) async throws -> String {
        if let known = dummies.withLock({ $0[cost] }) { return known }
        let made = try await run(refuseWhenFull: false) { Bcrypt.hash("suiji-no-such-account", cost: cost) }
        dummies.withLock { $0[cost] = made }
        return made
    }
}

/// A counting gate: `permits` holders at once, `maxWaiting` queued; more are refused.
actor HashingGate {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private let maxWaiting: Int

    init(permits: Int, maxWaiting: Int) {
        free = permits
        self.maxWaiting = maxWaiting
    }

    var queued: Int { waiting.count }

    func enter(refuseWhenFull: Bool) async throws {
        if free > 0 {
            free -= 1
            return
        }
        guard waiting.count < maxWaiting || !refuseWhenFull else { throw AuthError.busy }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
