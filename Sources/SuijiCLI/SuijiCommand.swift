// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import SuijiDemo

/// `suiji`: the root command.
public struct SuijiCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "suiji",
        abstract: "Suiji (随机): joint double-random, one-public spot checks with provably fair draws.",
        subcommands: [
            ServeCommand.self, DemoCommand.self, MigrateCommand.self, ImportCommand.self, ExportCommand.self,
            DrawCommand.self, VerifyCommand.self, AuditCommand.self, CalendarCommand.self, DepartmentsCommand.self,
            AccountsCommand.self, InspectionsCommand.self, CreditCommand.self, OversightCommand.self, OutsideChecksCommand.self,
            BackupCommand.self, RestoreCommand.self,
        ])

    public init() {}
}
