// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Failed logins counted per account name and per client address, with exponential back-off
/// and a lockout of the account name. Pure state: the caller passes the clock and keeps the
/// value behind a lock. Unknown account names are counted exactly like real ones, so the
/// answers never tell whether a name exists.
public struct LoginThrottle: Sendable {
    /// How one kind of key backs off.
    public struct Policy: Sendable {
        /// Failures allowed before any waiting.
        public var freeFailures: Int
        /// The wait after the first failure past the free ones; doubled with each further one.
        public var baseDelay: TimeInterval
        /// The longest wait.
        public var maxDelay: TimeInterval
        /// A key with no failure for this long starts again from zero.
        public var forgetAfter: TimeInterval
        /// Failures after which the key is locked (nil: never).
        public var lockAfter: Int?
        /// How long a lock lasts, unless the office lifts it first.
        public var lockDuration: TimeInterval

        public init(
            freeFailures: Int, baseDelay: TimeInterval, maxDelay: TimeInterval, forgetAfter: TimeInterval, lockAfter: Int?,
            lockDuration: TimeInterval
        ) {
            self.freeFailures = freeFailures
            self.baseDelay = baseDelay
            self.maxDelay = maxDelay
            self.forgetAfter = forgetAfter
            self.lockAfter = lockAfter
            self.lockDuration = lockDuration
        }

        /// Per account name: three free tries, then 1 s, 2 s, 4 s … and a lock after ten.
        public static let account = Policy(
            freeFailures: 3, baseDelay: 1, maxDelay: 300, forgetAfter: 3_600, lockAfter: AccountLockout.failures,
            lockDuration: AccountLockout.duration)
        /// Per client address (offices share one address behind NAT): twenty free tries, then
        /// 1 s, 2 s, 4 s … up to 15 minutes; never locked.
        public static let address = Policy(
            freeFailures: 20, baseDelay: 1, maxDelay: 900, forgetAfter: 3_600, lockAfter: nil, lockDuration: 0)

        /// The wait after the `failures`-th consecutive failure.
        public func delay(after failures: Int) -> TimeInterval {
            guard failures > freeFailures else { return 0 }
            let doublings = min(failures - freeFailures - 1, 30)
            return min(maxDelay, baseDelay * pow(2, Double(doublings)))
        }
    }

    /// What the throttle says about an attempt.
    public enum Verdict: Sendable, Equatable {
        /// Go ahead (check the password).
        case allowed
        /// Refuse without checking: try again after this many seconds.
        case wait(seconds: Int)
        /// The account name is locked until this moment.
        case locked(until: Date)
    }

    struct Entry: Sendable {
        var failures: Int
        var lastFailure: Date
        var blockedUntil: Date
        var lockedUntil: Date?
    }

    private var accounts: [String: Entry] = [:]
    private var addresses: [String: Entry] = [:]
    let accountPolicy: Policy
    let addressPolicy: Policy
    /// Most keys kept per kind; past it, forgotten keys are dropped, then the oldest.
    let capacity: Int

    public init(account: Policy = .account, address: Policy = .address, capacity: Int = 50_000) {
        accountPolicy = account
        addressPolicy = address
        self.capacity = capacity
    }

    /// The key of an account name: case-folded and bounded, as the login form gives it.
    static func accountKey(_ username: String) -> String {
        String(username.trimmingCharacters(in: .whitespaces).lowercased().prefix(64))
    }

    /// Whether an attempt for `username` from `address` may be checked now.
    public func verdict(username: String, address: String?, now: Date) -> Verdict {
        if let entry = accounts[Self.accountKey(username)] {
            if let until = entry.lockedUntil, until > now { return .locked(until: until) }
            if entry.blockedUntil > now { return .wait(seconds: Self.seconds(entry.blockedUntil.timeIntervalSince(now))) }
        }
        if let address, let entry = addresses[address], entry.blockedUntil > now {
            return .wait(seconds: Self.seconds(entry.blockedUntil.timeIntervalSince(now)))
        }
        return .allowed
    }

    /// Counts a failed attempt; returns the verdict for the next one.
    @discardableResult
    public mutating func recordFailure(username: String, address: String?, now: Date) -> Verdict {
        Self.fail(&accounts, key: Self.accountKey(username), policy: accountPolicy, now: now, capacity: capacity)
        if let address { Self.fail(&addresses, key: address, policy: addressPolicy, now: now, capacity: capacity) }
        return verdict(username: username, address: address, now: now)
    }

    /// Counts a failure against an address only (a refused form names no account).
    public mutating func recordAddressFailure(address: String, now: Date) {
        Self.fail(&addresses, key: address, policy: addressPolicy, now: now, capacity: capacity)
    }

    /// A successful login clears the account name (not the address: a valid account must not
    /// reset an address's count between guesses at other names).
    public mutating func recordSuccess(username: String) {
        accounts[Self.accountKey(username)] = nil
    }

    /// The office lifted the lock: the name starts again from zero.
    public mutating func lift(username: String) {
        accounts[Self.accountKey(username)] = nil
    }

    /// Number of keys kept (accounts, addresses).
    public var size: (accounts: Int, addresses: Int) { (accounts.count, addresses.count) }

    private static func fail(_ entries: inout [String: Entry], key: String, policy: Policy, now: Date, capacity: Int) {
        var entry = entries[key] ?? Entry(failures: 0, lastFailure: now, blockedUntil: .distantPast, lockedUntil: nil)
        if let until = entry.lockedUntil, until <= now {
            entry = Entry(failures: 0, lastFailure: now, blockedUntil: .distantPast, lockedUntil: nil)
        } else if now.timeIntervalSince(entry.lastFailure) > policy.forgetAfter {
            entry.failures = 0
        }
        entry.failures += 1
        entry.lastFailure = now
        entry.blockedUntil = now.addingTimeInterval(policy.delay(after: entry.failures))
        if let lockAfter = policy.lockAfter, entry.failures >= lockAfter, entry.lockedUntil == nil {
            entry.lockedUntil = now.addingTimeInterval(policy.lockDuration)
        }
        entries[key] = entry
        if entries.count > capacity { prune(&entries, policy: policy, now: now, capacity: capacity) }
    }

    /// Drops forgotten keys; if still too many, the oldest half.
    private static func prune(_ entries: inout [String: Entry], policy: Policy, now: Date, capacity: Int) {
        entries = entries.filter {
            now.timeIntervalSince($0.value.lastFailure) <= policy.forgetAfter || ($0.value.lockedUntil ?? .distantPast) > now
        }
        if entries.count > capacity {
            let keep = entries.sorted { $0.value.lastFailure > $1.value.lastFailure }.prefix(capacity / 2)
            entries = Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.value) })
        }
    }

    private static func seconds(_ interval: TimeInterval) -> Int {
        max(1, Int(interval.rounded(.up)))
    }
}

/// The lockout of an account after repeated failed logins (kept in the database for real
/// accounts; the office can lift it).
public enum AccountLockout {
    /// Consecutive failures that lock an account.
    public static let failures = 10
    /// How long the lock lasts unless lifted.
    public static let duration: TimeInterval = 3_600
    /// Failures older than this no longer count.
    public static let forgetAfter: TimeInterval = 3_600
}
