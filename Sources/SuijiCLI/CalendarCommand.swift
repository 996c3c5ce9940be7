// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import SuijiCore

/// `suiji calendar`: the working-day calendar of the State Council holiday notices.
struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "Working days by the State Council holiday notices.", subcommands: [Due.self])

    /// `suiji calendar due DATE`
    struct Due: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "due", abstract: "Print the date 20 working days after DATE (the result entry deadline).")

        @Argument(help: "The day the inspection ended, YYYY-MM-DD.")
        var date: String

        @Option(name: .long, help: "Number of working days.")
        var days: Int = 20

        @Option(name: .long, help: "An extra holiday file (e.g. next year's notice) merged over the bundled one.")
        var calendar: String?

        func run() async throws {
            guard let start = CalendarDate(iso: date) else { throw ValidationError("date must be YYYY-MM-DD: \(date)") }
            let workCalendar = try WorkCalendarFile.load(calendar)
            do {
                print(try workCalendar.addingWorkingDays(days, to: start).iso)
            } catch let error as WorkCalendarError {
                Console.error(error.message)
                throw ExitCode(1)
            }
        }
    }
}

/// The working-day calendar of the commands: the bundled notices, merged with a holiday file.
enum WorkCalendarFile {
    /// The bundled calendar, merged with the file at `path` when given.
    static func load(_ path: String?) throws -> WorkCalendar {
        let bundled = try WorkCalendar.bundled()
        guard let path else { return bundled }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw ValidationError("cannot read \(path)") }
        do {
            return bundled.merging(try WorkCalendar(parsing: text))
        } catch let error as WorkCalendarError {
            throw ValidationError("\(path): \(error.message)")
        }
    }
}
