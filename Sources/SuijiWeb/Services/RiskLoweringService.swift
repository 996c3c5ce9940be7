// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import ServiceLifecycle
import SuijiCore
import SuijiStore

/// The scheduled risk-class lowering inside a running `suiji serve` (issue 11.9): every day at
/// 00:05 China time it applies the lowerings due that day (`CreditStore.applyDueLowerings`, the
/// same pass as `suiji credit apply-lowering`), so a server that stays up for months still
/// lowers the class of targets clean for twelve months. Each lowering is audited; a pass is
/// idempotent (a second one on the same day changes nothing), so a restart, the start-up pass or
/// the command run by hand never lowers twice. The clock and the sleep are passed in, so a test
/// drives the days.
public struct RiskLoweringService: Service {
    /// Minutes after China midnight of the daily pass.
    public static let minutesAfterMidnight = 5

    let stores: Stores
    let clock: AppClock
    let logger: Logger
    let sleep: @Sendable (Duration) async throws -> Void

    public init(
        stores: Stores, clock: AppClock = .system, logger: Logger,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.stores = stores
        self.clock = clock
        self.logger = logger
        self.sleep = sleep
    }

    /// Sleeps until each day's pass and runs it, until the server shuts down.
    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                var last: Date?
                while true {
                    let now = clock.now()
                    // After the last pass's instant, so a wake-up a little early never runs a day twice.
                    let next = Self.nextRun(after: max(now, last ?? now))
                    try await sleep(.seconds(max(0, next.timeIntervalSince(now))))
                    last = next
                    do {
                        let changes = try await runOnce()
                        logger.info("risk-class lowering: \(changes.count) target record(s) lowered")
                    } catch is CancellationError {
                        throw CancellationError()
                    } catch {
                        // A failed pass (database unavailable) is retried the next day; nothing is half-written.
                        logger.error("risk-class lowering failed: \(String(reflecting: error))")
                    }
                }
            }
        } catch is CancellationError {
            // Shut down while sleeping.
        }
    }

    /// One pass: the lowerings due today (China time), as the system account.
    @discardableResult
    public func runOnce() async throws -> [RiskClassChange] {
        try await stores.credit.applyDueLowerings(caller: .system(at: clock.now()))
    }

    /// The first 00:05 China time strictly after `date`.
    public static func nextRun(after date: Date) -> Date {
        let offset = 8 * 3_600.0
        let local = date.timeIntervalSince1970 + offset
        var next = (local / 86_400).rounded(.down) * 86_400 + Double(minutesAfterMidnight * 60)
        if next <= local { next += 86_400 }
        return Date(timeIntervalSince1970: next - offset)
    }
}
