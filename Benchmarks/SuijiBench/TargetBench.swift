// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import SuijiCore
import SuijiDraw
import SuijiStore

/// "Was this firm drawn, and why?" over a draw of N targets: `suiji verify DIR --target CODE`
/// (`BundleDirectory.explain`) and the public page's 查询 box (`DrawStore.explain`), each
/// against the way they answered before in the same run (the whole bundle read, verified and
/// searched). Goal: ≤ 10 ms per answer on 10⁶ targets.
struct TargetBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "target", abstract: "One target explained from a draw of N targets: verify --target and the public 查询 box.")

    @Option(help: "Number of targets.") var rows = 1_000_000
    @Option(help: "Scratch directory.") var dir = "/tmp/suiji-bench"
    @Option(help: "Look-ups per kind of target.") var repeats = 20

    func run() async throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let (stores, drawID) = try await Self.executedDraw(rows: rows, path: "\(dir)/target.sqlite")
        let files = try await stores.draws.publishedFiles(drawID)
        let bundleDir = "\(dir)/target-bundle"
        try? FileManager.default.removeItem(atPath: bundleDir)
        try FileManager.default.createDirectory(atPath: bundleDir, withIntermediateDirectories: true)
        for (name, bytes) in files { try Data(bytes).write(to: URL(fileURLWithPath: "\(bundleDir)/\(name)")) }
        print(String(format: "bundle: pool.txt %.1f MB, %d files", Double(files["pool.txt"]?.count ?? 0) / 1e6, files.count))

        // Ids of every fate: drawn, on the replacement list, not drawn, excluded, unknown.
        func ids(_ name: String, _ column: Int) -> [String] {
            String(decoding: files[name] ?? [], as: UTF8.self).split(separator: "\n").map {
                String($0.split(separator: "\t", omittingEmptySubsequences: false)[column])
            }
        }
        let pool = ids("pool.txt", 0)
        let drawn = Set(ids("selection.txt", 2))
        let replacements = ids("replacements.txt", 2)
        let notDrawn = stride(from: 0, to: pool.count, by: max(1, pool.count / repeats)).map { pool[$0] }.filter { !drawn.contains($0) }
        let cases: [(String, [String])] = [
            ("drawn", Array(ids("selection.txt", 2).prefix(repeats))), ("replacement", Array(replacements.prefix(repeats))),
            ("not drawn", Array(notDrawn.prefix(repeats))), ("excluded", Array(ids("excluded.txt", 0).prefix(repeats))),
            ("not in the pool", ["P-NO-SUCH-TARGET"]),
        ]

        // Baselines, once each: what both paths did before (read and parse the whole bundle; the
        // command also recomputed all of it first).
        var start = Date()
        let whole = try BundleDirectory.read(bundleDir)
        let report = Verifier.verify(bundle: whole)
        _ = try Verifier.explain(bundle: whole, id: pool[0])
        let cliBaseline = Date().timeIntervalSince(start)
        start = Date()
        _ = try Verifier.explain(bundle: try await stores.draws.bundle(drawID), id: pool[0])
        let webBaseline = Date().timeIntervalSince(start)
        print(
            String(
                format: "baseline verify DIR + explain (the old --target):      %8.1f ms  (%@)", cliBaseline * 1000,
                report.ok ? "OK" : "MISMATCH"))
        print(String(format: "baseline whole bundle from the database + explain:     %8.1f ms", webBaseline * 1000))

        for (label, list) in cases where !list.isEmpty {
            var worst = (cli: 0.0, web: 0.0)
            var total = (cli: 0.0, web: 0.0)
            var fates = Set<String>()
            for id in list {
                start = Date()
                let cli = try BundleDirectory.explain(bundleDir, id: id)
                let cliTime = Date().timeIntervalSince(start)
                start = Date()
                let web = try await stores.draws.explain(drawID, target: id)
                let webTime = Date().timeIntervalSince(start)
                guard cli == web else { throw ValidationError("the two look-ups disagree on \(id)") }
                fates.insert("\(cli.fate)".components(separatedBy: "(").first ?? "")
                worst = (max(worst.cli, cliTime), max(worst.web, webTime))
                total = (total.cli + cliTime, total.web + webTime)
            }
            let n = Double(list.count)
            print(
                String(
                    format:
                        "%@ verify --target %6.2f ms (max %6.2f; %.6f× the baseline) · 查询 box %6.2f ms (max %6.2f; %.4f× the baseline)  [%@]",
                    label.padding(toLength: 16, withPad: " ", startingAt: 0), total.cli / n * 1000, worst.cli * 1000,
                    total.cli / n / cliBaseline, total.web / n * 1000, worst.web * 1000, total.web / n / webBaseline,
                    fates.sorted().joined(separator: ",")))
        }
        await stores.database.close()
    }

    /// A fresh SQLite file with `rows` targets (exclusions included) and one executed draw of
    /// 4 risk strata, through the same ceremony as the demo.
    static func executedDraw(rows: Int, path: String) async throws -> (Stores, String) {
        let stores = try await ImportBench.fresh(path)
        let now = Date()
        let admin = Caller(
            account: Account(username: "bench", displayName: "bench", role: .departmentAdmin, departmentCode: "SAMR"), at: now)
        let office = Caller(account: Account(username: "office", displayName: "office", role: .office), at: now)
        let start = Date()
        _ = try await stores.importer.run(.items, data: Data("事项编码,事项名称,检查方式\nSAMR-003,登记事项的检查,实地核查\n".utf8), caller: admin)
        _ = try await stores.importer.run(.targets, data: BenchData.targetsCSV(rows: rows, withExclusions: true), caller: admin)
        var sheet = "姓名,执法证号,执法证有效期至,执法区域,可检查事项\n"
        for n in 1...400 { sheet += "检查员\(n),SAMR-\(n),2030-12-31,360202,SAMR-003\n" }
        _ = try await stores.importer.run(.inspectors, data: Data(sheet.utf8), caller: admin)
        let today = CalendarDate(chinaDateOf: now)
        let year = today.year
        let plan = try await stores.plans.create(
            Plan(
                code: "\(year)-BENCH", name: "bench", year: year, initiator: "SAMR",
                items: [PlanItem(department: "SAMR", code: "SAMR-003")],
                windowStart: CalendarDate(year: year, month: 1, day: 1)!, windowEnd: CalendarDate(year: year, month: 12, day: 31)!),
            caller: admin)
        _ = try await stores.plans.apply(.submit, to: plan.id, caller: admin)
        _ = try await stores.plans.apply(.approve, to: plan.id, caller: office)
        let batch = try await stores.plans.addBatch(
            Batch(
                planID: plan.id, code: "B1", start: CalendarDate(year: year, month: 1, day: 1)!,
                end: CalendarDate(year: year, month: 12, day: 31)!, size: .ratios(a: 1, b: 2, c: 5, d: 10, rounding: .ceil)),
            caller: admin)
        let committed = Caller(account: admin.account, at: today.adding(days: -3).chinaStart.addingTimeInterval(9 * 3_600))
        let draw = try await stores.draws.prepare(
            batchID: batch.id, caller: committed,
            announcement: DrawAnnouncement(
                revealDeadline: committed.at.addingTimeInterval(8 * 3_600),
                publicValue: PublicValueAnnouncement(date: today.adding(days: -1).iso, source: "中国福利彩票3D 开奖号码")))
        let secret = [UInt8](repeating: 42, count: 32)
        _ = try await stores.draws.commit(
            draw.id, department: "SAMR", commitment: DepartmentSecret.commitment(department: "SAMR", drawID: draw.id, secret: secret),
            caller: committed)
        _ = try await stores.draws.reveal(
            draw.id, department: "SAMR", secret: Bytes.hex(secret),
            caller: Caller(account: admin.account, at: committed.at.addingTimeInterval(3_600)))
        _ = try await stores.draws.enterPublicValue(
            draw.id, value: "372", note: "bench",
            caller: Caller(account: admin.account, at: today.adding(days: -1).chinaStart.addingTimeInterval(79_200)))
        _ = try await stores.draws.execute(draw.id, caller: admin)
        print(String(format: "set-up: %d targets imported and drawn in %.1f s", rows, Date().timeIntervalSince(start)))
        return (stores, draw.id)
    }
}
