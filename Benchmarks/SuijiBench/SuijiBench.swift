// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import Logging
import SuijiCore
import SuijiStore

/// Benchmarks with their baselines measured in the same run. Not tests: run in release.
@main
struct SuijiBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suiji-bench", abstract: "Suiji benchmarks (run with -c release).",
        subcommands: [ImportBench.self, DrawBench.self, PortalBench.self, TargetBench.self])
}

/// Importing targets from CSV into a fresh SQLite file.
struct ImportBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import N targets from a generated CSV into a fresh SQLite file (goal ≥ 200,000 rows/s).")

    @Option(help: "Number of rows.") var rows = 1_000_000
    @Option(help: "Scratch directory.") var dir = "/tmp/suiji-bench"
    @Flag(help: "Skip the baselines and the re-import (for profiling).") var importOnly = false

    func run() async throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let csv = BenchData.targetsCSV(rows: rows)
        print("generated \(rows) rows, \(csv.count / 1_000_000) MB of CSV")

        var start = Date()
        var parse = 1.0
        var bareTime = 1.0
        if !importOnly {
            // Baseline 1: parsing alone (the floor of any import).
            start = Date()
            let sheet = try TabularSheet.load(csv)
            parse = Date().timeIntervalSince(start)
            print(String(format: "baseline parse only:        %6.2f s  %9.0f rows/s", parse, Double(sheet.rows.count) / parse))

            // Baseline 2: the same rows written with bare multi-row INSERTs, no validation, no sync.
            let bare = try await Self.fresh("\(dir)/bare.sqlite")
            start = Date()
            try await BenchData.bareInsert(sheet: sheet, into: bare)
            bareTime = Date().timeIntervalSince(start)
            await bare.database.close()
            print(String(format: "baseline bare INSERT:       %6.2f s  %9.0f rows/s", bareTime, Double(rows) / bareTime))
        }

        // The real import: validate every row, then one transaction.
        let stores = try await Self.fresh("\(dir)/import.sqlite")
        let caller = Caller(
            account: Account(username: "bench", displayName: "bench", role: .departmentAdmin, departmentCode: "SAMR"), at: Date())
        start = Date()
        let phases = PhaseClock()
        let report = try await stores.importer.run(.targets, data: csv, caller: caller) { phases.mark($0) }
        let importTime = Date().timeIntervalSince(start)
        print(
            String(
                format: "  of which parse + validate %.2f s, write %.2f s", phases.firstWrite.timeIntervalSince(start),
                Date().timeIntervalSince(phases.firstWrite)))
        for (label, at) in phases.events { print(String(format: "    %@ at %.3f s", label, at.timeIntervalSince(start))) }
        print(
            String(
                format: "suiji import (validated):   %6.2f s  %9.0f rows/s  (added %d)", importTime, Double(rows) / importTime, report.added
            ))
        print(String(format: "ratio import / bare INSERT: %.2f×; import / parse: %.2f×", importTime / bareTime, importTime / parse))
        start = Date()
        let pages = try await stores.database.checkpoint()
        let checkpoint = Date().timeIntervalSince(start)
        print(String(format: "WAL checkpoint afterwards:  %6.2f s  (%d pages; SQLite defers it to a later commit)", checkpoint, pages))
        print(
            String(
                format: "import + checkpoint:        %6.2f s  %9.0f rows/s", importTime + checkpoint,
                Double(rows) / (importTime + checkpoint)))

        if importOnly {
            await stores.database.close()
            return
        }
        // Re-import of the same file: a registry sync with nothing changed.
        start = Date()
        let again = try await stores.importer.run(.targets, data: csv, caller: caller)
        let syncTime = Date().timeIntervalSince(start)
        print(
            String(
                format: "registry sync, unchanged:   %6.2f s  %9.0f rows/s  (unchanged %d)", syncTime, Double(rows) / syncTime,
                again.unchanged))
        await stores.database.close()
    }

    /// Notes when the write phase starts.
    final class PhaseClock: @unchecked Sendable {
        var firstWrite = Date.distantFuture
        var events: [(String, Date)] = []
        func mark(_ progress: ImportProgress) {
            events.append(("\(progress.phase) \(progress.done)/\(progress.total)", Date()))
            mark(progress.phase)
        }
        func mark(_ phase: String) {
            if phase == "write" && firstWrite == .distantFuture { firstWrite = Date() }
        }
    }

    static func fresh(_ path: String) async throws -> Stores {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let stores = try await Stores.open(.sqliteFile(path), bcryptCost: 4, now: Date(), logger: logger)
        try await stores.departments.create(Department(code: "SAMR", name: "区市场监管局"), caller: .system(at: Date()))
        return stores
    }
}
