// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import Logging
import SuijiCore
import SuijiDemo
import SuijiStore

/// `suiji serve` on the demo district with SAMR's register grown to N targets, loaded by wrk
/// (2 threads × 50 connections): the public target page, the staff home and the staff search,
/// against a static file of the same server (the HTTP floor) measured in the same run.
struct ServeBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "wrk against suiji serve over N targets: public target page, staff home, staff search (vs a static file).")

    @OptionGroup var options: BenchOptions
    @Option(help: "Number of targets in SAMR's library.") var rows = 1_000_000
    @Option(help: "Port of the server.") var port = 8115
    @Option(help: "Seconds of load per figure.") var seconds = 10
    @Option(help: "Rounds (each measures every page once, alternating with the floor).") var runs = 2
    @Option(help: "wrk threads.") var threads = 2
    @Option(help: "wrk connections.") var connections = 50

    func run() async throws {
        let data = try options.data()
        let path = try data.registerDatabase(rows: rows)
        let token = try await session(path)
        let codes = try Measured.run([
            "sqlite3", path, "SELECT uid FROM targets WHERE department_code = 'SAMR' ORDER BY random() LIMIT 5000",
        ])
        .output.split(separator: "\n").map(String.init)
        let published = try Measured.run([
            "sqlite3", path, "SELECT DISTINCT target_uid FROM inspections WHERE state = 'published'",
        ]).output.split(separator: "\n").map(String.init)
        let fragments = try Measured.run([
            "sqlite3", path, "SELECT substr(name, 3, 4) FROM targets WHERE department_code = 'SAMR' ORDER BY random() LIMIT 500",
        ]).output.split(separator: "\n").map(String.init)
        print("serving \(path): \(codes.count) random SAMR targets, \(published.count) with published results")
        let log = "\(data.dir)/serve.log"
        let pid = try Measured.start([data.suiji, "serve", "--db", path, "--port", String(port), "--log-level", "error"], log: log)
        defer { print(String(format: "server peak memory: %.0f MB", Measured.stop(pid))) }
        try waitForServer()
        let cookie = "suiji_session=\(token)"
        let loads: [(String, [String], String, (Double, Double))] = [
            ("public target page /public/targets/CODE", codes.map { "/public/targets/\($0)" }, "", (5_000, 20)),
            ("public target page, targets with results", published.map { "/public/targets/\($0)" }, "", (5_000, 20)),
            ("staff home / (samr-admin)", ["/"], cookie, (1_000, 100)),
            (
                "staff search /targets?q=CREDIT-CODE", codes.map { "/targets?q=\($0.prefix(14))" }, cookie, (1_000, 100)
            ),
            (
                "staff search /targets?q=NAME-FRAGMENT",
                fragments.map { "/targets?q=\($0.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? $0)" },
                cookie, (1_000, 100)
            ),
        ]
        var floor: [WrkResult] = []
        var results = Array(repeating: [WrkResult](), count: loads.count)
        let probe = "/targets?q=\(codes.first?.prefix(14) ?? "")"
        func load(_ paths: [String], _ cookie: String, _ seconds: Int) throws -> WrkResult {
            try wrk(paths, cookie: cookie, seconds: seconds, data: data, probe: probe, probeCookie: "suiji_session=\(token)")
        }
        _ = try load(["/static/style.css"], "", 2)  // warm-up
        for item in loads { _ = try load(item.1, item.2, 2) }
        for _ in 1...runs {
            floor.append(try load(["/static/style.css"], "", seconds))
            for (index, item) in loads.enumerated() { results[index].append(try load(item.1, item.2, seconds)) }
        }
        let base = Comparison.median(floor.map(\.rate))
        print(
            "wrk \(threads) threads × \(connections) connections, \(seconds) s each, \(runs) rounds (median; spread = (max − min) / median):"
        )
        print(
            String(
                format: "  %@ %8.0f req/s (spread %3.0f%%)  p99 %6.1f ms", "baseline: static file /static/style.css".padded(44), base,
                Comparison.spread(floor.map(\.rate)) * 100, Comparison.median(floor.map(\.p99))))
        for (index, load) in loads.enumerated() {
            let rate = Comparison.median(results[index].map(\.rate))
            let p99 = Comparison.median(results[index].map(\.p99))
            let errors = results[index].map(\.errors).reduce(0, +)
            print(
                String(
                    format: "  %@ %8.0f req/s (spread %3.0f%%)  p99 %6.1f ms  = %.3f× the floor  (goal ≥ %.0f req/s, p99 ≤ %.0f ms)%@",
                    load.0.padded(44), rate, Comparison.spread(results[index].map(\.rate)) * 100, p99, rate / base, load.3.0, load.3.1,
                    errors > 0 ? "  \(errors) non-2xx!" : ""))
        }
    }

    /// A browser session of SAMR's admin.
    func session(_ path: String) async throws -> String {
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let stores = try await Stores.open(.sqliteFile(path), now: Date(), logger: logger)
        let (_, grant) = try await stores.accounts.login(
            username: "samr-admin", password: DemoDistrict.password, kind: "cookie", now: Date())
        await stores.database.close()
        return grant.token
    }

    func waitForServer() throws {
        for _ in 0..<300 {
            if (try? Measured.run(["curl", "-sf", "-o", "/dev/null", "http://127.0.0.1:\(port)/static/style.css"], quiet: true)) != nil {
                return
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw BenchError("the server did not start (see the log in the scratch directory)")
    }

    /// Waits until the server has worked off what the last load left in flight (wrk stops
    /// counting at its deadline, but the server still answers every request it accepted; slow
    /// pages leave seconds of backlog that would otherwise fall on the next figure): three
    /// staff searches by credit code in a row under 100 ms, for at most three minutes. A staff
    /// page, not `/health`: the backlog of name searches holds the database's reads, which
    /// `/health` does not make.
    func settle(probe: String, cookie: String) throws {
        var quick = 0
        for _ in 0..<1_800 where quick < 3 {
            let check = try? Measured.run(
                ["curl", "-sf", "-o", "/dev/null", "-H", "Cookie: \(cookie)", "http://127.0.0.1:\(port)\(probe)"], quiet: true)
            if let check, check.wall < 0.1 { quick += 1 } else { quick = 0 }
            if quick < 3 { Thread.sleep(forTimeInterval: 0.1) }
        }
    }

    struct WrkResult {
        var rate: Double
        var p99: Double
        var errors: Int
    }

    /// wrk over `paths` (one picked at random per request), once the server has settled
    /// (`settle`, with the staff search `probe` and the session `probeCookie`).
    func wrk(_ paths: [String], cookie: String, seconds: Int, data: BenchData, probe: String, probeCookie: String) throws -> WrkResult {
        let script = "\(data.dir)/wrk-\(UUID().uuidString).lua"
        defer { try? FileManager.default.removeItem(atPath: script) }
        let list = paths.map { "\"\($0.replacingOccurrences(of: "\"", with: ""))\"" }.joined(separator: ",\n")
        let lua = """
            local paths = {\(list)}
            local headers = {}
            \(cookie.isEmpty ? "" : "headers[\"Cookie\"] = \"\(cookie)\"")
            request = function()
              return wrk.format("GET", paths[math.random(#paths)], headers)
            end
            """
        try lua.write(toFile: script, atomically: true, encoding: .utf8)
        try settle(probe: probe, cookie: probeCookie)
        let output = try Measured.run([
            "wrk", "-t\(threads)", "-c\(connections)", "-d\(seconds)s", "--latency", "-s", script, "http://127.0.0.1:\(port)",
        ]).output
        var result = WrkResult(rate: 0, p99: .nan, errors: 0)
        defer { if result.rate == 0 { print("wrk gave no rate:\n\(output)") } }
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            if line.hasPrefix("Requests/sec:"), let value = parts.last.flatMap({ Double($0) }) { result.rate = value }
            if parts.first == "99%", let text = parts.last { result.p99 = Self.milliseconds(String(text)) }
            if line.contains("Non-2xx or 3xx responses:"), let value = parts.last.flatMap({ Int($0) }) { result.errors = value }
        }
        return result
    }

    static func milliseconds(_ text: String) -> Double {
        for (unit, factor) in [("us", 0.001), ("ms", 1.0), ("s", 1000.0)] where text.hasSuffix(unit) {
            return (Double(text.dropLast(unit.count)) ?? .nan) * factor
        }
        return .nan
    }
}
