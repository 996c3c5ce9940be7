// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import SuijiCore
import SuijiStore

/// `suiji oversight`: oversight and evaluation statistics (§21), read-only.
struct OversightCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oversight", abstract: "Oversight and evaluation statistics (§21), read-only.", subcommands: [Report.self])

    /// `suiji oversight report`
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Print the per-department figures of a period, or write the evaluation workbook (考评表) with --out.")

        @OptionGroup var database: DatabaseOptions

        @Option(name: .long, help: "First month, YYYY-MM (default: January of this year).")
        var from: String?

        @Option(name: .long, help: "Last month, YYYY-MM (default: December of this year).")
        var to: String?

        @Option(name: .long, help: "The counting day, YYYY-MM-DD (default: today in China).", transform: CalendarDate.argument)
        var date: CalendarDate?

        @Option(name: .long, help: "Write the evaluation workbook (.xlsx) to this file.")
        var out: String?

        func run() async throws {
            let today = date ?? CalendarDate(chinaDateOf: Date())
            let period: OversightPeriod
            do {
                period = try OversightPeriod.parse(from: from, to: to, today: today)
            } catch {
                throw ValidationError("\(error.field ?? "period"): \(error.message)")
            }
            let stores = try await database.open()
            let report: OversightReport
            do {
                report = try await stores.statistics.report(
                    period, asOf: today, for: Caller.system(at: Date()).account)
            } catch {
                await stores.database.close()
                throw error
            }
            await stores.database.close()
            if let out {
                try OversightWorkbook.encode(report).write(to: URL(fileURLWithPath: out))
                print("wrote \(out): \(report.tables.map(\.title).joined(separator: ", "))")
            } else {
                print(Self.table(report.departmentTable), terminator: "")
            }
        }

        /// Tab-separated rows.
        static func table(_ table: OversightTable) -> String {
            table.text.map { $0.joined(separator: "\t") + "\n" }.joined()
        }
    }
}
