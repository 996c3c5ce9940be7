// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import SuijiDemo
import SuijiStore

/// `suiji demo`: builds the demo district (once) and serves it.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a realistic demo district (景德镇市昌江区) and serve it; prints the URL and the demo accounts.")

    @Option(name: .long, help: "SQLite file path, or a postgres:// URL.")
    var db: String = "suiji-demo.sqlite"

    @OptionGroup var server: ServerOptions

    @Flag(name: .long, help: "Only build the database, do not serve.")
    var noServe = false

    @Flag(name: .long, help: "Delete an existing demo SQLite file and build it again.")
    var fresh = false

    @Option(name: .long, help: "Seed of the generated data.")
    var seed: UInt64 = 2026

    @Option(
        name: .long, help: ArgumentHelp("Size of the district relative to the real one (tests use a small fraction).", visibility: .hidden))
    var scale: Double = 1.0

    func run() async throws {
        let options = try DatabaseOptions.parse(["--db", db])
        let seal = try demoSeal()
        if fresh, !db.contains("://") {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
            // A rebuilt log starts a new chain: the old anchor would call it cut.
            if let seal { try? FileManager.default.removeItem(atPath: seal.anchorPath) }
        }
        var stores = try await options.open(calendar: try server.workCalendar())
        stores.auditSeal = seal
        var banner = DemoBanner.accountsText
        if try await stores.departments.all().isEmpty {
            let started = Date()
            let summary = try await DemoDistrict.build(stores: stores, seed: seed, now: Date(), scale: scale) { line in Console.error(line)
            }
            Console.error(
                String(
                    format: "demo built in %.1f s: %d departments, %d items, %d targets, %d inspectors, %d experts",
                    Date().timeIntervalSince(started), summary.departments, summary.items, summary.targets, summary.inspectors,
                    summary.experts))
            banner = DemoBanner.text(summary)
        } else {
            Console.error("using the existing demo database \(db) (--fresh rebuilds it)")
        }
        if let seal { try await AuditLog.checkpoint(stores.database, seal: seal, now: Date()) }
        if noServe {
            print(banner)
            await stores.database.close()
            return
        }
        try await server.serve(stores: stores, logger: options.logger, banner: banner)
    }
}

extension DemoCommand {
    /// The audit key: `--audit-key`, else (for a SQLite file) `<db>.audit-key`, made on first use.
    func demoSeal() throws -> AuditSeal? {
        if let seal = try server.audit.seal() { return seal }
        guard !db.contains("://"), db != ":memory:" else { return nil }
        let path = db + ".audit-key"
        if !FileManager.default.fileExists(atPath: path) { _ = try AuditKey.generate(path: path) }
        return try AuditSeal.load(keyPath: path)
    }
}

/// The demo accounts, printed when the demo starts.
enum DemoBanner {
    static let accountsText = """
        Demo accounts (password suiji-demo-2026): office (联席会议办公室), overseer (监督考评),
        samr-admin, health-admin, edu-admin … (<department code>-admin), samr-insp1, health-insp1 (inspectors)
        """

    static func text(_ summary: DemoSummary) -> String {
        var lines = ["Demo accounts:"]
        for account in summary.accounts {
            lines.append(
                "  \(account.username.padding(toLength: 16, withPad: " ", startingAt: 0)) \(account.password)  \(account.displayName)")
        }
        return lines.joined(separator: "\n")
    }
}
