// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import SuijiCore
import SuijiStore

/// `suiji inspections`: inspections created by executed draws.
struct InspectionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspections", abstract: "Inspections of executed draws.", subcommands: [Overdue.self])

    /// `suiji inspections overdue`
    struct Overdue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "overdue",
            abstract: "List inspections whose results are outstanding (未录入 or 退回) past their due date (20 working days).")

        @OptionGroup var database: DatabaseOptions

        @Option(name: .long, help: "The day to judge by, YYYY-MM-DD (default: today in China).", transform: CalendarDate.argument)
        var date: CalendarDate?

        @Option(name: .long, help: "An extra holiday file (e.g. next year's notice) merged over the bundled one.")
        var calendar: String?

        func run() async throws {
            let today = date ?? CalendarDate(chinaDateOf: Date())
            let stores = try await database.open(calendar: try WorkCalendarFile.load(calendar))
            let found: [Inspection]
            do {
                found = try await stores.inspections.overdue(today: today, for: Caller.system(at: Date()).account)
            } catch {
                await stores.database.close()
                throw error
            }
            await stores.database.close()
            print(Self.table(found, today: today), terminator: "")
        }

        /// One line per inspection: id, target, team leader, due date, days late (calendar days).
        static func table(_ inspections: [Inspection], today: CalendarDate) -> String {
            var out = "id\ttarget\tleader\tdue\tdays-late\n"
            for inspection in inspections {
                let due = inspection.resultDueDate
                let leader = inspection.leader.map { "\($0.name)（\($0.department)）" } ?? "-"
                out +=
                    "\(inspection.id)\t\(inspection.target.uid) \(inspection.target.name)\t\(leader)\t\(due.map { $0.iso + (inspection.resultDueDateProvisional ? " (provisional)" : "") } ?? "-")\t"
                out += "\(due.map { $0.days(to: today) } ?? 0)\n"
            }
            return out + "\(inspections.count) overdue on \(today.iso)\n"
        }
    }
}
