// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import SuijiCore
import SuijiStore

/// `suiji import targets` of SAMR's register grown to N rows, into a copy of the demo district,
/// against `sqlite3 .import` of the same rows (already shaped as the tables) into a copy of the
/// same database: the SQLite floor. Then a registry sync of the same file (nothing changed).
struct ImportBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "suiji import of N realistic rows vs sqlite3 .import of the same rows into the same schema (goal ≥ 200,000 rows/s, ≤ 1.5×).")

    @OptionGroup var options: BenchOptions
    @Option(help: "Number of rows.") var rows = 1_000_000
    @Option(help: "Runs of each (alternating).") var runs = 3
    @Option(
        help:
            "Also measure on this PostgreSQL server (a throw-away cluster: its database is emptied), e.g. postgres://localhost:55415/postgres"
    )
    var postgres: String?
    @Flag(help: "With --postgres: measure PostgreSQL only.") var postgresOnly = false

    func run() async throws {
        let data = try options.data()
        let base = try data.demoDatabase()
        let sheet = try data.registerSheet(rows: rows)
        let (targetsCSV, tagsCSV, facts) = try data.tableFiles(sheet: sheet, database: base, rows: rows)
        print(
            String(
                format: "register sheet: %d rows, %.0f MB, %.2f item tags per row; statuses %@; risk classes %@",
                facts.rows, Double(facts.bytes) / 1e6, Double(facts.tags) / Double(max(1, facts.rows)),
                facts.statuses.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "),
                facts.risks.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))
        print("into a copy of the demo district (20 departments, \(try count(base, "targets")) targets, history, conflicts, draws)")
        var comparison = Comparison(label: "suiji import targets", baselineLabel: "sqlite3 .import (same rows, same schema)")
        var sync = Comparison(label: "suiji import, registry sync unchanged", baselineLabel: "sqlite3 .import (same rows, same schema)")
        let path = "\(data.dir)/import.sqlite"
        if let postgres, postgresOnly {
            return try await postgresRuns(postgres, data: data, base: base, sheet: sheet, targetsCSV: targetsCSV, tagsCSV: tagsCSV)
        }
        for run in 1...runs {
            try data.copy(base, to: path)
            comparison.baseline.append(
                try Measured.run([
                    "sqlite3", path, "PRAGMA synchronous=NORMAL", "PRAGMA cache_size=-262144", "PRAGMA temp_store=MEMORY", ".mode csv",
                    "BEGIN", ".import \(targetsCSV) targets", ".import \(tagsCSV) target_tags", "COMMIT",
                ]))
            try data.copy(base, to: path)
            let imported = try Measured.run([data.suiji, "import", "targets", sheet, "--department", "SAMR", "--db", path])
            comparison.candidate.append(imported)
            if run == 1 { print("  suiji: \(imported.output.trimmed)") }
            let again = try Measured.run([data.suiji, "import", "targets", sheet, "--department", "SAMR", "--db", path])
            if run == 1 { print("  suiji, again: \(again.output.trimmed)") }
            sync.candidate.append(again)
            sync.baseline.append(comparison.baseline.last!)
            print("  run \(run): import \(imported), sync \(again), sqlite3 \(comparison.baseline.last!)")
        }
        print("SQLite, \(rows) rows:")
        comparison.report(rows: rows)
        sync.report(rows: rows)
        if let postgres { try await postgresRuns(postgres, data: data, base: base, sheet: sheet, targetsCSV: targetsCSV, tagsCSV: tagsCSV) }
    }

    func count(_ database: String, _ table: String) throws -> Int {
        Int(try Measured.run(["sqlite3", database, "SELECT COUNT(*) FROM \(table)"]).output.trimmed) ?? 0
    }

    /// The same on PostgreSQL: the demo district built there once, then the import against
    /// `psql \copy` of the same rows; each run's rows are deleted afterwards.
    func postgresRuns(_ url: String, data: BenchData, base: String, sheet: String, targetsCSV: String, tagsCSV: String) async throws {
        print("PostgreSQL: building the demo district …")
        _ = try Measured.run(["psql", url, "-q", "-c", "DROP SCHEMA public CASCADE; CREATE SCHEMA public;"], quiet: true)
        _ = try Measured.run([data.suiji, "demo", "--no-serve", "--db", url], quiet: true)
        // No autovacuum in a measured run (the reset vacuums): its time would fall in the figures.
        _ = try Measured.run(
            ["psql", url, "-q"]
                + ["targets", "target_tags", "target_status_history"].flatMap {
                    ["-c", "ALTER TABLE \($0) SET (autovacuum_enabled = off)"]
                },
            quiet: true)
        let last = Int(try Measured.run(["psql", url, "-At", "-c", "SELECT MAX(id) FROM targets"]).output.trimmed) ?? 0
        // One -c each: VACUUM cannot run in the transaction of a multi-statement -c.
        let reset = [
            "psql", url, "-q", "-v", "ON_ERROR_STOP=1", "-c",
            "DELETE FROM target_status_history WHERE target_id > \(last); DELETE FROM target_tags WHERE target_id > \(last); DELETE FROM targets WHERE id > \(last);",
            "-c", "VACUUM ANALYZE targets", "-c", "VACUUM ANALYZE target_tags",
        ]
        // The server's CPU is counted too (psql itself only sends the file).
        let server = try PostgresServer(url: url)
        var comparison = Comparison(label: "suiji import targets (PostgreSQL)", baselineLabel: "psql \\copy (same rows, same schema)")
        // The CSV's columns are in the SQLite table's order; an empty field is an empty text
        // (as sqlite3 reads it), not NULL.
        let columns = try Measured.run(["sqlite3", base, "SELECT name FROM pragma_table_info('targets') ORDER BY cid"]).output
            .split(separator: "\n").map(String.init)
        let texts = columns.filter { $0 != "id" }.joined(separator: ", ")
        for run in 1...runs {
            _ = try Measured.run(reset, quiet: true)
            comparison.baseline.append(
                try Measured.run(
                    [
                        "psql", url, "-q", "-v", "ON_ERROR_STOP=1", "-c", "BEGIN",
                        "-c",
                        "\\copy targets (\(columns.joined(separator: ", "))) FROM '\(targetsCSV)' WITH (FORMAT csv, FORCE_NOT_NULL (\(texts)))",
                        "-c",
                        "\\copy target_tags FROM '\(tagsCSV)' WITH (FORMAT csv)",
                        "-c", "SELECT setval(pg_get_serial_sequence('targets', 'id'), (SELECT MAX(id) FROM targets))", "-c", "COMMIT",
                    ], server: server))
            _ = try Measured.run(reset, quiet: true)
            _ = try Measured.run(["psql", url, "-q", "-c", "SELECT setval(pg_get_serial_sequence('targets', 'id'), \(last))"], quiet: true)
            let imported = try Measured.run([data.suiji, "import", "targets", sheet, "--department", "SAMR", "--db", url], server: server)
            comparison.candidate.append(imported)
            print("  run \(run): import \(imported), psql \(comparison.baseline.last!)")
        }
        print("PostgreSQL, \(rows) rows:")
        comparison.report(rows: rows)
    }
}

/// Options every benchmark shares.
struct BenchOptions: ParsableArguments {
    @Option(help: "Scratch directory (data is built there once and reused).") var dir = "/tmp/suiji-bench"
    @Option(help: "The suiji executable (default: the one beside this benchmark, i.e. the same build).") var suiji: String?

    func data() throws -> BenchData {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return BenchData(dir: dir, suiji: suiji ?? Self.besideThis)
    }

    /// The `suiji` beside this benchmark (the same build).
    static var besideThis: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("suiji").path
    }
}
