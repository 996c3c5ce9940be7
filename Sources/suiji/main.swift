// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import SuijiCLI

/// Calls the command's asynchronous `run()` (a plain existential call can bind to the
/// synchronous requirement, which only prints help).
func runAsync<Command: AsyncParsableCommand>(_ command: Command) async throws {
    var command = command
    let run: (inout Command) async throws -> Void = { try await $0.run() }
    try await run(&command)
}

do {
    let command = try await SuijiCommand.asyncParseAsRoot()
    if let asyncCommand = command as? any AsyncParsableCommand {
        try await runAsync(asyncCommand)
    } else {
        var command = command
        try command.run()
    }
} catch {
    SuijiCommand.exit(withError: error)
}
