// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import SuijiCore
import SuijiStore

/// `suiji calendar`: the working-day calendar of the State Council holiday notices.
struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "Working days by the State Council holiday notices.",
        subcommands: [Due.self, Year.self, Load.self])

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
            let workCalendar = try WorkCalendarFile.load(calendar).withProvisionalYears()
            do {
                let due = try workCalendar.addingWorkingDays(days, to: start)
                print(due.iso)
                let counted = start.adding(days: 1).year...max(due.year, start.adding(days: 1).year)
                for year in counted where workCalendar.isProvisional(year) {
                    Console.error("暂定：\(year) 年的国务院办公厅节假日安排通知尚未载入，按法定节假日推算（无法预知调休上班日）")
                }
            } catch let error as WorkCalendarError {
                Console.error(error.message)
                throw ExitCode(1)
            }
        }
    }
}

extension CalendarCommand {
    /// `suiji calendar year YYYY`
    struct Year: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "year", abstract: "Print a year's weekdays off and weekend working days (provisional when no notice is known).")

        @Argument(help: "The year.")
        var year: Int

        @Option(name: .long, help: "An extra holiday file (e.g. next year's notice) merged over the bundled one.")
        var calendar: String?

        func run() async throws {
            guard let info = try WorkCalendarFile.load(calendar).withProvisionalYears().year(year) else {
                Console.error(WorkCalendarError.unknownYear(year).message)
                throw ExitCode(1)
            }
            print(info.text, terminator: "")
            if info.isProvisional { Console.error("暂定：\(info.source)") }
        }
    }

    /// `suiji calendar load FILE`: the office's notice upload, from the command line.
    struct Load: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "load", abstract: "Load a State Council holiday notice (holidays-cn.txt format) into the database for good.")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The notice file, one `year` block per year.")
        var file: String

        func run() async throws {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw ValidationError("cannot read \(file)") }
            let stores = try await database.open()
            do {
                let result = try await stores.holidayNotices.load(text: text, caller: .system(at: Date()))
                await stores.database.close()
                print("已载入 \(result.years.map(String.init).joined(separator: "、")) 年的节假日安排通知；\(result.recomputed) 项检查任务的截止日已按通知确定")
            } catch let error as HolidayNoticeError {
                await stores.database.close()
                Console.error("\(file)：\(error.message)")
                throw ExitCode(2)
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
