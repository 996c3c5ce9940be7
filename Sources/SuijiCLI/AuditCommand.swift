// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import SuijiStore

/// `suiji audit`: the tamper-evident audit log.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check the audit log.", subcommands: [Verify.self])

    /// `suiji audit verify`
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify", abstract: "Walk the hash chain and report the first altered or removed row.")

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let stores = try await database.open()
            let result = try await AuditLog.verify(stores.database)
            await stores.database.close()
            switch result {
            case .intact(let count, let head):
                print("OK: \(count) rows, head \(head)")
            case .broken(let seq, let reason):
                print("BROKEN at row \(seq): \(reason)")
                throw ExitCode(1)
            }
        }
    }
}
