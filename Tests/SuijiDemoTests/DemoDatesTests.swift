// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import SuijiCore
import SuijiDemo
import SuijiStore
import Testing

/// Issue 11.10: the demo built on any day of the year has coherent dates — a draw of today
/// inside its batch window, notices that could be (and were) recorded, due dates the calendar
/// gives (or none when it does not know the year yet).
@Suite("Demo dates on any day of the year")
struct DemoDatesTests {
    /// 10:00 China time on `iso`.
    static func morning(_ iso: String) -> Date {
        Date(timeIntervalSince1970: TimeInterval(CalendarDate(iso: iso)!.dayNumber * 86_400 + 2 * 3_600))
    }

    @Test(arguments: ["2026-01-02", "2026-05-28", "2026-09-30", "2026-12-06", "2026-12-31", "2027-01-04"])
    func everyInspectionsDatesAreCoherent(_ day: String) async throws {
        // setup
        let now = Self.morning(day)
        let today = CalendarDate(iso: day)!
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let stores = try await Stores.open(.sqliteMemory, bcryptCost: 4, now: now, logger: logger)
        do {
            // MUT
            _ = try await DemoDistrict.build(stores: stores, now: now, scale: 0.05)  // large enough to execute the draw

            // validate
            let calendar = stores.database.calendar
            let all = try await InspectionStore(database: stores.database).list(
                for: Caller.system(at: now).account, InspectionQuery(limit: nil))
            for inspection in all {
                let label = "\(day) inspection \(inspection.id) [\(inspection.windowStart.iso)…\(inspection.windowEnd.iso)]"
                let drawn = CalendarDate(chinaDateOf: inspection.createdAt)
                #expect(inspection.windowStart <= inspection.windowEnd, "\(label)")
                #expect(drawn <= today && drawn <= inspection.windowEnd, "\(label): drawn \(drawn.iso), so no notice could be recorded")
                #expect(inspection.resultDueDate == Inspection.dueDate(windowEnd: inspection.windowEnd, calendar: calendar), "\(label)")
                if let due = inspection.resultDueDate { #expect(due > inspection.windowEnd, "\(label)") }
                if case .notified(_, let date, _) = inspection.notice {
                    #expect(drawn <= date && date <= inspection.windowEnd && date <= today, "\(label): notice \(date.iso)")
                }
                if let planned = inspection.plannedDate {
                    #expect(inspection.planningIssues(planned).isEmpty, "\(label): planned \(planned.iso)")
                }
                for stamp in [inspection.submittedAt, inspection.approvedAt, inspection.publishedAt].compactMap({ $0 }) {
                    #expect(stamp <= now && stamp >= inspection.createdAt, "\(label)")
                }
            }
            // The draw of today (the joint plan's B1) holds today; its team recorded a notice.
            let drawnToday = all.filter { CalendarDate(chinaDateOf: $0.createdAt) == today }
            for inspection in drawnToday {
                #expect(inspection.windowStart <= today && today <= inspection.windowEnd, "\(day) inspection \(inspection.id)")
            }
            if !drawnToday.isEmpty {
                #expect(drawnToday.contains { $0.notice != nil }, "\(day): the demo's team recorded no notice")
            }
            #expect(!drawnToday.isEmpty, "\(day): the demo's draw of today was not executed")
            // Every batch lies in its plan's window; the batches drawn today (the joint plan's B1
            // and B2) hold today and at least a week after it (or up to 31 December).
            let yearEnd = CalendarDate(year: today.year, month: 12, day: 31)!
            for plan in try await stores.plans.list(for: Caller.system(at: now).account) {
                for batch in try await stores.plans.batches(planID: plan.id, for: Caller.system(at: now).account) {
                    #expect(batch.validate(in: plan).isEmpty, "\(day) \(plan.code) \(batch.code)")
                    guard plan.code == "\(today.year)-SAMR-01" else { continue }
                    #expect(batch.start <= today && today <= batch.end, "\(day) \(batch.code) \(batch.start.iso)…\(batch.end.iso)")
                    #expect(today.days(to: batch.end) >= min(7, today.days(to: yearEnd)), "\(day) \(batch.code) ends \(batch.end.iso)")
                }
            }
        } catch {
            await stores.database.close()
            throw error
        }
        await stores.database.close()
    }
}
