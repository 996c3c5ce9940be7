// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import SuijiStore

/// The audit key and its anchor file (docs/operations.md, "The audit key").
struct AuditKeyOptions: ParsableArguments {
    @Option(name: .long, help: "The audit key file (outside the database) that signs the audit log's checkpoints.")
    var auditKey: String?

    @Option(name: .long, help: "Where the newest signed checkpoint is kept outside the database (default: the key file + .anchor).")
    var auditAnchor: String?

    /// The seal, when a key is given.
    func seal() throws -> AuditSeal? {
        guard let auditKey else {
            if auditAnchor != nil { throw ValidationError("--audit-anchor needs --audit-key") }
            return nil
        }
        return try AuditSeal.load(keyPath: auditKey, anchorPath: auditAnchor)
    }
}

/// `suiji audit`: the tamper-evident audit log.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check and sign the audit log; make its key.",
        subcommands: [Verify.self, Checkpoint.self, Keygen.self, Rekey.self])

    /// `suiji audit verify`
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract:
                "Walk the hash chain and report the first altered or removed row; with the key, also rows cut from the end and a chain rewritten whole."
        )

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var audit: AuditKeyOptions

        func run() async throws {
            let seal = try audit.seal()
            let stores = try await database.open()
            let report: AuditReport
            do {
                report = try await AuditLog.check(stores.database, seal: seal)
            } catch {
                await stores.database.close()
                throw error
            }
            await stores.database.close()
            try Self.print(report)
        }

        /// Prints the verdict: `OK: …` (exit 0) or `BROKEN at row N: …` (exit 1).
        static func print(_ report: AuditReport) throws {
            switch report.verification {
            case .intact(let count, let head):
                var line = "OK: \(count) rows, head \(head)"
                if let anchor = report.anchor, report.keyed {
                    line += "; \(report.checkpoints) signed checkpoint(s), the newest at row \(anchor.seq) (\(anchor.at))"
                }
                Console.out(line)
                if !report.keyed {
                    Console.error(
                        "note: without --audit-key only the chain is checked; rows cut from the end or a chain rewritten whole go unseen")
                }
            case .broken(let seq, let reason):
                Console.out("BROKEN at row \(seq): \(reason)")
                throw ExitCode(1)
            }
        }
    }

    /// `suiji audit checkpoint`
    struct Checkpoint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "checkpoint",
            abstract: "Sign the audit log's head now (serve does it every minute); refuses a log that does not check out.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var audit: AuditKeyOptions

        func run() async throws {
            guard let seal = try audit.seal() else { throw ValidationError("give the key with --audit-key FILE") }
            let stores = try await database.open()
            do {
                let made = try await AuditLog.checkpoint(stores.database, seal: seal, now: Date())
                await stores.database.close()
                if let made {
                    Console.out("signed row \(made.seq), head \(made.head)")
                } else {
                    Console.out("nothing new to sign")
                }
            } catch let error as AuditSealError {
                await stores.database.close()
                Console.error("\(error)")
                throw ExitCode(1)
            }
        }
    }

    /// `suiji audit keygen FILE`
    struct Keygen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "keygen", abstract: "Write a new random audit key to FILE (mode 0600); never overwrites a file.")

        @Argument(help: "The key file to create, outside the database's directory and its backups.") var file: String

        func run() throws {
            do {
                let key = try AuditKey.generate(path: file)
                Console.out("wrote the audit key \(key.id) to \(file)")
            } catch let error as AuditSealError {
                Console.error("\(error)")
                throw ExitCode(1)
            }
        }
    }

    /// `suiji audit rekey --audit-key OLD --new-key NEW`
    struct Rekey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rekey",
            abstract: "Sign every checkpoint again with a new key (after checking the log with the old one) and move the anchor.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var audit: AuditKeyOptions

        @Option(name: .long, help: "The new key file (from `suiji audit keygen`).") var newKey: String
        @Option(name: .long, help: "The new anchor file (default: the new key file + .anchor).") var newAnchor: String?
        @Flag(name: .long, help: "The old key is lost: check the chain only, and say so in the audit log.") var oldKeyLost = false

        func run() async throws {
            let old = try audit.seal()
            guard old != nil || oldKeyLost else { throw ValidationError("give the old key with --audit-key, or --old-key-lost") }
            let new = try AuditSeal.load(keyPath: newKey, anchorPath: newAnchor)
            let stores = try await database.open()
            do {
                let count = try await AuditLog.rekey(stores.database, old: old, new: new, now: Date())
                await stores.database.close()
                Console.out("re-signed \(count) checkpoint(s) with the key \(new.key.id); serve with --audit-key \(newKey) from now on")
            } catch let error as AuditSealError {
                await stores.database.close()
                Console.error("\(error)")
                throw ExitCode(1)
            }
        }
    }
}
