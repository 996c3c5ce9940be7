// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import SuijiCore
import SuijiStore

/// `suiji credit`: the targets' credit records and risk classes (§19).
struct CreditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credit", abstract: "Credit records and risk classes of the targets.", subcommands: [ApplyLowering.self])

    /// `suiji credit apply-lowering`
    struct ApplyLowering: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "apply-lowering",
            abstract: "Lower risk classes due after 12 months without a problem (also done when serve and demo start).")

        @OptionGroup var database: DatabaseOptions

        @Option(
            name: .long, help: "The day to judge by, YYYY-MM-DD, not after today (default: today in China).",
            transform: CalendarDate.argument)
        var date: CalendarDate?

        func run() async throws {
            let stores = try await database.open()
            let changes: [RiskClassChange]
            do {
                changes = try await stores.credit.applyDueLowerings(on: date, caller: .system(at: Date()))
            } catch let error as LibraryError {
                await stores.database.close()
                Console.error(error.message)
                throw ExitCode(1)
            } catch {
                await stores.database.close()
                throw error
            }
            await stores.database.close()
            var out = "target\tdepartment\tfrom\tto\treason\n"
            for change in changes {
                out += "\(change.targetUID)\t\(change.department)\t\(change.from.rawValue)\t\(change.to.rawValue)\t\(change.reason)\n"
            }
            print(out + "\(changes.count) lowered\n", terminator: "")
        }
    }
}
