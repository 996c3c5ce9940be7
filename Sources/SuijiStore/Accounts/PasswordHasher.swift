// SPDX-License-Identifier: Apache-2.0

import Foundation
import HummingbirdBcrypt
import NIOPosix
import Synchronization

/// Runs bcrypt (deliberately slow: ~0.1–0.2 s at cost 11) on its own small thread pool, never on
/// an event loop or the shared pools that SQLite uses, with at most `threads` hashes at once and a
/// bounded queue of password checks behind them — at most `maxWaiting`, and no longer than
/// `maxWait` by the recent hashing time: a login flood then costs those threads and nothing
/// else, and checks past the queue are refused at once (`AuthError.busy`) instead of piling up.
/// Making a hash (a logged-in user's or the office's action) waits its turn.
public final class PasswordHasher: Sendable {
    /// The process-wide hasher: half the cores (at least one); a queue of at most 10 seconds.
    public static let shared = PasswordHasher(
        threads: max(1, ProcessInfo.processInfo.activeProcessorCount / 2), maxWaiting: 4_096, maxWait: .seconds(10))

    private let pool: NIOThreadPool
    private let gate: HashingGate
    /// Dummy hashes per cost, checked for unknown accounts so they take as long as real ones;
    /// made once (the first callers share one task, so a flood at start-up makes one hash).
    private let dummies = Mutex<[UInt8: Task<String, any Error>]>([:])
    /// Number of bcrypt checks run (tests assert that unknown names cost one too, and refused
    /// attempts none).
    private let checks = Atomic<Int>(0)

    public init(threads: Int, maxWaiting: Int, maxWait: Duration? = nil) {
        pool = NIOThreadPool(numberOfThreads: max(1, threads))
        pool.start()
        gate = HashingGate(permits: max(1, threads), maxWaiting: maxWaiting, maxWait: maxWait)
    }

    deinit {
        pool.shutdownGracefully { _ in }
    }

    /// How many callers wait for a hashing thread now.
    public var queued: Int {
        get async { await gate.queued }
    }

    /// Whether a password check now would be refused (the queue is full): lets a login be
    /// refused before it even reads the database.
    public var isFull: Bool {
        get async { await gate.isFull }
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
        let started = ContinuousClock.now
        do {
            let value = try await pool.runIfActive(work)
            await gate.leave(took: ContinuousClock.now - started)
            return value
        } catch {
            await gate.leave()
            throw error
        }
    }

    private func dummyHash(cost: UInt8) async throws -> String {
        let task = dummies.withLock { tasks in
            if let task = tasks[cost] { return task }
            let task = Task { try await self.run(refuseWhenFull: false) { Bcrypt.hash("suiji-no-such-account", cost: cost) } }
            tasks[cost] = task
            return task
        }
        return try await task.value
    }
}

/// A counting gate: `permits` holders at once; a queue of at most `maxWaiting`, and — once
/// the time a job takes is known — of at most `maxWait` estimated waiting; more are refused.
actor HashingGate {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private let permits: Int
    private let maxWaiting: Int
    private let maxWait: Duration?
    /// Moving average of a job's duration.
    private var average: Duration?

    init(permits: Int, maxWaiting: Int, maxWait: Duration?) {
        free = permits
        self.permits = permits
        self.maxWaiting = maxWaiting
        self.maxWait = maxWait
    }

    /// Whether one more waiting job would overflow the queue.
    private var full: Bool {
        if waiting.count >= maxWaiting { return true }
        guard let maxWait, let average else { return false }
        return average * (waiting.count + 1) / permits > maxWait
    }

    var queued: Int { waiting.count }

    var isFull: Bool { free == 0 && full }

    func enter(refuseWhenFull: Bool) async throws {
        if free > 0 {
            free -= 1
            return
        }
        guard !full || !refuseWhenFull else { throw AuthError.busy }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave(took: Duration? = nil) {
        if let took { average = average.map { $0 * 0.8 + took * 0.2 } ?? took }
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
