// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import SuijiCore
import SuijiStore

/// `suiji draw run` over SAMR's register grown to N targets (4 risk strata, exclusions by
/// status and by this year's inspections, the demo district's inspectors and conflicts), against
/// `ORDER BY random() LIMIT k` per stratum with the same eligibility on the same file: the
/// unverifiable shortcut of today's platforms.
struct DrawBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draw",
        abstract: "suiji draw run over N targets in 4 strata vs ORDER BY random() LIMIT k per stratum on the same file (goal ≤ 1×).")

    @OptionGroup var options: BenchOptions
    @Option(help: "Number of targets in SAMR's library.") var rows = 1_000_000
    @Option(help: "Runs of each (alternating).") var runs = 3
    @Option(
        help:
            "Also measure on this PostgreSQL server (a throw-away cluster: databases suiji_bench_draw_* are replaced there), e.g. postgres://suiji@127.0.0.1:55411/suiji_test"
    )
    var postgres: String?
    @Flag(help: "Measure on PostgreSQL only (with --postgres).") var postgresOnly = false

    /// Per mille per risk class.
    static let ratios = ["A": 5, "B": 10, "C": 20, "D": 50]

    /// The draw's eligibility: SAMR's operating targets not inspected this year.
    static let eligible =
        "department_code = 'SAMR' AND status = 'operating' AND (last_random_inspection IS NULL OR last_random_inspection NOT LIKE '2026-%')"

    func run() async throws {
        let data = try options.data()
        let planFile = "\(data.dir)/bench-plan.json"
        try Self.plan(today: Date()).write(toFile: planFile, atomically: true, encoding: .utf8)
        if !postgresOnly { try sqliteRuns(data: data, planFile: planFile) }
        if let postgres { try postgresRuns(postgres, data: data, planFile: planFile) }
    }

    /// The SQLite figure: each run on a fresh copy of the same file.
    func sqliteRuns(data: BenchData, planFile: String) throws {
        let served = try data.registerDatabase(rows: rows)
        let path = "\(data.dir)/draw.sqlite"
        let counts = try Measured.run([
            "sqlite3", served, "SELECT risk_class, COUNT(*) FROM targets WHERE \(Self.eligible) GROUP BY risk_class ORDER BY 1",
        ]).output.split(separator: "\n").map { $0.split(separator: "|").map(String.init) }
        var shortcut = ["PRAGMA cache_size=-262144"]
        var expected = 0
        for row in counts where row.count == 2 {
            let k = ((Int(row[1]) ?? 0) * (Self.ratios[row[0]] ?? 0) + 999) / 1000
            expected += k
            shortcut.append(
                "SELECT COUNT(*) FROM (SELECT uid FROM targets WHERE \(Self.eligible) AND risk_class = '\(row[0])' ORDER BY random() LIMIT \(k))"
            )
        }
        print(
            "SAMR's eligible targets by risk class: \(counts.map { $0.joined(separator: " ") }.joined(separator: ", ")); \(expected) to draw"
        )
        var comparison = Comparison(label: "suiji draw run", baselineLabel: "ORDER BY random() LIMIT k ×4 (sqlite3)")
        for run in 1...runs {
            try data.copy(served, to: path)
            _ = try Measured.run(["cat", path], quiet: true)  // both start with the file in the page cache
            comparison.baseline.append(try Measured.run(["sqlite3", path] + shortcut))
            let drawn = try Measured.run([data.suiji, "draw", "run", planFile, "--db", path])
            comparison.candidate.append(drawn)
            let selected = try Measured.run([
                "sqlite3", path, "SELECT COUNT(*) FROM draw_selections WHERE draw_id = '\(drawn.output.trimmed)'",
            ]).output.trimmed
            print("  run \(run): draw \(drawn.output.trimmed) (\(selected) drawn) \(drawn), shortcut \(comparison.baseline.last!)")
        }
        print("SQLite, \(rows) targets:")
        comparison.report()
    }

    /// The same on PostgreSQL: the demo district and the register imported once into a base
    /// database (`suiji demo`, `suiji import`, then VACUUM ANALYZE as autovacuum would), each run
    /// on a fresh copy of it (CREATE DATABASE … TEMPLATE). The CPU figures add the server's CPU
    /// time (its backends do the scans and sorts) to the client's.
    func postgresRuns(_ url: String, data: BenchData, planFile: String) throws {
        let base = try Self.database(url, "suiji_bench_draw_\(rows)_m\(Migrations.all.count)")
        let copy = try Self.database(url, "suiji_bench_draw_run")
        let server = try PostgresServer(url: url)
        let name = { (url: String) in URL(string: url)?.lastPathComponent ?? "" }
        if try Measured.run(["psql", url, "-At", "-c", "SELECT 1 FROM pg_database WHERE datname = '\(name(base))'"]).output.trimmed.isEmpty
        {
            print("PostgreSQL: building the demo district and importing the register of \(rows) into \(name(base)) …")
            let building = try Self.database(url, "suiji_bench_draw_building")
            _ = try Measured.run(
                ["psql", url, "-q", "-c", "DROP DATABASE IF EXISTS \(name(building))", "-c", "CREATE DATABASE \(name(building))"],
                quiet: true)
            _ = try Measured.run([data.suiji, "demo", "--no-serve", "--db", building], quiet: true)
            let imported = try Measured.run(
                [data.suiji, "import", "targets", try data.registerSheet(rows: rows), "--department", "SAMR", "--db", building],
                server: server)
            print("  suiji import targets (PostgreSQL): \(imported)")
            _ = try Measured.run(["psql", building, "-q", "-c", "VACUUM ANALYZE"], quiet: true)
            _ = try Measured.run(["psql", url, "-q", "-c", "ALTER DATABASE \(name(building)) RENAME TO \(name(base))"], quiet: true)
        }
        let counts = try Measured.run([
            "psql", base, "-At", "-F", "|", "-c",
            "SELECT risk_class, COUNT(*) FROM targets WHERE \(Self.eligible) GROUP BY risk_class ORDER BY 1",
        ]).output.split(separator: "\n").map { $0.split(separator: "|").map(String.init) }
        var shortcut = ["psql", copy, "-At"]
        for row in counts where row.count == 2 {
            let k = ((Int(row[1]) ?? 0) * (Self.ratios[row[0]] ?? 0) + 999) / 1000
            shortcut += [
                "-c",
                "SELECT COUNT(*) FROM (SELECT uid FROM targets WHERE \(Self.eligible) AND risk_class = '\(row[0])' ORDER BY random() LIMIT \(k)) s",
            ]
        }
        print("PostgreSQL: SAMR's eligible targets by risk class: \(counts.map { $0.joined(separator: " ") }.joined(separator: ", "))")
        var comparison = Comparison(label: "suiji draw run (PostgreSQL)", baselineLabel: "ORDER BY random() LIMIT k ×4 (psql)")
        for run in 1...runs {
            let fresh = [
                "psql", url, "-q", "-c", "DROP DATABASE IF EXISTS \(name(copy))", "-c",
                "CREATE DATABASE \(name(copy)) TEMPLATE \(name(base))",
            ]
            _ = try Measured.run(fresh, quiet: true)
            comparison.baseline.append(try Measured.run(shortcut, server: server))
            _ = try Measured.run(fresh, quiet: true)
            let drawn = try Measured.run([data.suiji, "draw", "run", planFile, "--db", copy], server: server)
            comparison.candidate.append(drawn)
            let selected = try Measured.run([
                "psql", copy, "-At", "-c", "SELECT COUNT(*) FROM draw_selections WHERE draw_id = '\(drawn.output.trimmed)'",
            ]).output.trimmed
            print("  run \(run): draw \(drawn.output.trimmed) (\(selected) drawn) \(drawn), shortcut \(comparison.baseline.last!)")
        }
        _ = try Measured.run(["psql", url, "-q", "-c", "DROP DATABASE IF EXISTS \(name(copy))"], quiet: true)
        print("PostgreSQL, \(rows) targets (CPU = client + server):")
        comparison.report()
    }

    /// `url` with its database replaced by `name`.
    static func database(_ url: String, _ name: String) throws -> String {
        guard var components = URLComponents(string: url) else { throw BenchError("not a URL: \(url)") }
        components.path = "/" + name
        guard let result = components.string else { throw BenchError("not a URL: \(url)") }
        return result
    }

    /// A SAMR plan over its whole library, one batch in 4 risk strata, SAMR's secret given, and
    /// yesterday's public value (announced before the commitments, as `suiji draw run` records it).
    static func plan(today: Date) -> String {
        let day = Date(timeIntervalSince1970: today.timeIntervalSince1970 + 8 * 3_600 - 86_400)
        let format = DateFormatter()
        format.dateFormat = "yyyy-MM-dd"
        format.timeZone = TimeZone(identifier: "UTC")
        let yesterday = format.string(from: day)
        return """
            {
              "plan": {
                "code": "2026-BENCH", "name": "性能基准抽查", "year": 2026, "initiator": "SAMR", "participants": [],
                "items": [{"department": "SAMR", "code": "SAMR-003"}],
                "scope": {"kinds": [], "areas": [], "industries": [], "tags": []},
                "windowStart": "2026-06-01", "windowEnd": "2026-12-31", "notes": ""
              },
              "batch": {
                "code": "B1", "start": "2026-12-01", "end": "2026-12-20",
                "ratios": {"A": \(ratios["A"]!), "B": \(ratios["B"]!), "C": \(ratios["C"]!), "D": \(ratios["D"]!), "rounding": "ceil"}
              },
              "secrets": {"SAMR": "5d1a0c3e8f2b7a9c4e6d1f0a3b5c7e9d2f4a6c8e0b1d3f5a7c9e2b4d6f8a0c1e"},
              "publicValue": {"date": "\(yesterday)", "source": "中国福利彩票3D \(yesterday) 开奖号码", "value": "372", "note": "bench"}
            }
            """
    }
}
