// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import SuijiCore
import SuijiStore
import SuijiWeb
import Testing

/// Issue 11.9: a server that stays up lowers due risk classes every day.
@Suite("Daily risk-class lowering service")
struct RiskLoweringServiceTests {
    /// A clock the service's sleep moves forward; it stops the service after `days` sleeps.
    final class ManualTime: Sendable {
        let state: Mutex<(now: Date, sleeps: [Duration], runs: Int)>
        let days: Int

        init(start: Date, days: Int) {
            state = Mutex((start, [], 0))
            self.days = days
        }

        var clock: AppClock { AppClock { self.state.withLock { $0.now } } }

        func sleep(_ duration: Duration) throws {
            try state.withLock { state in
                guard state.sleeps.count < days else { throw CancellationError() }
                state.sleeps.append(duration)
                state.now += Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            }
        }
    }

    static func chinaTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3_600)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }

    @Test func nextRunIsFiveMinutesPastChinaMidnight() {
        // 2026-12-06 15:30 China = 07:30 UTC
        let afternoon = Date(timeIntervalSince1970: 1_796_542_200)
        #expect(Self.chinaTime(afternoon) == "2026-12-06 15:30")
        #expect(Self.chinaTime(RiskLoweringService.nextRun(after: afternoon)) == "2026-12-07 00:05")
        let early = RiskLoweringService.nextRun(after: afternoon).addingTimeInterval(-60)
        #expect(Self.chinaTime(RiskLoweringService.nextRun(after: early)) == "2026-12-07 00:05")
        let exactly = RiskLoweringService.nextRun(after: afternoon)
        #expect(Self.chinaTime(RiskLoweringService.nextRun(after: exactly)) == "2026-12-08 00:05")
    }

    @Test func aRunningServerLowersOnTheDueDayOnceAndAudits() async throws {
        let fixture = try await WebFixture.make()
        do {
            // setup: a problem published today raises the class of a target; its lowering falls
            // due twelve months later.
            let inspection = try await fixture.app.test(.router) { client in
                try await PlanDrawFixture.publishedInspection(fixture, client, healthCategory: "correction-ordered")
            }
            let start = WebFixture.now.addingTimeInterval(358 * 86_400)
            let time = ManualTime(start: start, days: 14)
            var logger = Logger(label: "test")
            logger.logLevel = .warning
            let service = RiskLoweringService(stores: fixture.stores, clock: time.clock, logger: logger) { try time.sleep($0) }

            // MUT: the service runs for two weeks of simulated days, then is cancelled.
            try await service.run()

            // validate: woke every day at 00:05 China time; lowered once, on one day, audited as the system.
            let sleeps = time.state.withLock { $0.sleeps }
            #expect(sleeps.count == 14)
            #expect(sleeps.dropFirst().allSatisfy { abs(($0 - .seconds(86_400)) / .seconds(1)) < 1 })
            #expect(Self.chinaTime(time.clock.now()).hasSuffix(" 00:05"))
            let audit = try await AuditLog.recent(fixture.stores.database, limit: 200).filter { $0.action == "risk-class-lowering" }
            #expect(!audit.isEmpty)
            #expect(Set(audit.map { String($0.at.prefix(10)) }).count == 1, "lowered on more than one day: \(audit.map(\.at))")
            #expect(audit.allSatisfy { $0.entityID == inspection.target.uid })
            let history = try await CreditStore(database: fixture.stores.database).history(uid: inspection.target.uid, scope: .all)
            let lowerings = history.filter { $0.inspectionID == nil }
            #expect(lowerings.count == audit.count)
            #expect(lowerings.allSatisfy { $0.reason.contains("12个月未发现问题") })
            // A pass run by hand the same day (the command) finds nothing more to do.
            #expect(try await service.runOnce().isEmpty)
            if case .intact = try await AuditLog.verify(fixture.stores.database) {} else { Issue.record("audit log broken") }
        } catch {
            await fixture.close()
            throw error
        }
        await fixture.close()
    }
}
