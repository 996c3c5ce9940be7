// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import SQLKit
import SuijiCore
import SuijiStore

/// The public portal's look-ups over a large library: a citizen's search by credit code and by
/// name, and a target's public record, against one full scan of the targets table on the same file.
struct PortalBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal", abstract: "Public search by credit code and by name, and a target's record, over N targets.")

    @Option(help: "Number of targets.") var rows = 1_000_000
    @Option(help: "Scratch directory.") var dir = "/tmp/suiji-bench"
    @Option(help: "Repetitions of each look-up.") var repeats = 50

    func run() async throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let stores = try await ImportBench.fresh("\(dir)/portal.sqlite")
        let admin = Caller(
            account: Account(username: "bench", displayName: "bench", role: .departmentAdmin, departmentCode: "SAMR"), at: Date())
        var start = Date()
        _ = try await stores.importer.run(.targets, data: BenchData.targetsCSV(rows: rows), caller: admin)
        try await stores.database.checkpoint()
        print(String(format: "set-up: %d targets imported in %.1f s", rows, Date().timeIntervalSince(start)))

        start = Date()
        let scanned = try await stores.database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM targets WHERE name LIKE '%不存在的名称%'").first()?.decode(column: "n", as: Int.self)
        }
        let scan = Date().timeIntervalSince(start)
        print(String(format: "baseline: one full scan of targets (LIKE, %d found)   %8.2f ms", scanned ?? 0, scan * 1000))

        let codes = (0..<repeats).map { n -> String in
            let body = String(format: "%08d", (n * 7919) % rows)
            let individual = ((n * 7919) % rows) % 3 != 0
            return CreditCode.completing(
                (individual ? "92360202" : "91360202") + body + String(CreditCode.organisationCheckCharacter(body)!))!
        }
        func measure(_ label: String, _ count: Int, _ body: (Int) async throws -> Int) async throws {
            let begin = Date()
            var found = 0
            for n in 0..<count { found += try await body(n) }
            let each = Date().timeIntervalSince(begin) / Double(count)
            print(
                String(
                    format: "%@ %8.2f ms each  (%.3f× the scan; %d found)", label.padding(toLength: 44, withPad: " ", startingAt: 0),
                    each * 1000, each / scan, found))
        }
        try await measure("search by credit code", repeats) { try await stores.publicRecords.search(codes[$0]).count }
        try await measure("target record by credit code", repeats) { try await stores.publicRecords.record(uid: codes[$0]) == nil ? 0 : 1 }
        try await measure("search by name fragment (≤ 50 shown)", max(1, repeats / 10)) {
            try await stores.publicRecords.search("第\(($0 * 7919) % rows)陶瓷").count
        }
        await stores.database.close()
    }
}
