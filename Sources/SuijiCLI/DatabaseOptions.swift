// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import Logging
import SuijiCore
import SuijiStore

/// Options every command shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite file path, or a postgres:// URL.")
    var db: String = "suiji.sqlite"

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "notice"

    var logger: Logger {
        var logger = Logger(label: "suiji")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .notice
        return logger
    }

    /// Opens the database and applies pending migrations; `calendar` is the working-day
    /// calendar in force (the bundled one by default).
    func open(calendar: WorkCalendar? = nil) async throws -> Stores {
        try await Stores.open(DatabaseLocation(argument: db), calendar: calendar, now: Date(), logger: logger)
    }
}

/// Writes to standard error.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// A one-line progress bar redrawn in place on a terminal.
    static func progress(_ label: String, done: Int, total: Int) {
        guard isatty(STDERR_FILENO) != 0 else { return }
        let width = 30
        let filled = total == 0 ? width : min(width, done * width / max(total, 1))
        let percent = total == 0 ? 100 : done * 100 / max(total, 1)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(percent)% \(done)/\(total)   ".utf8))
        if done >= total { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
