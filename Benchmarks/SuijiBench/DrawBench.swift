// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import SQLKit
import SuijiCore
import SuijiDraw
import SuijiStore

/// A draw over a large pool on one SQLite file, against `ORDER BY random() LIMIT k` per stratum
/// on the same file (the unverifiable shortcut of today's platforms).
struct DrawBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draw", abstract: "Draw over N targets in 4 risk strata with exclusions, against ORDER BY random() per stratum.")

    @Option(help: "Number of targets.") var rows = 1_000_000
    @Option(help: "Scratch directory.") var dir = "/tmp/suiji-bench"
    @Option(help: "Inspectors in the plan's department.") var inspectors = 400

    /// The same eligibility as the draw: the department's operating targets not inspected this year.
    static let eligible =
        "department_code = 'SAMR' AND status = 'operating' AND (last_random_inspection IS NULL OR last_random_inspection NOT LIKE '2026-%')"

    func run() async throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let stores = try await ImportBench.fresh("\(dir)/draw.sqlite")
        let now = Date()
        let admin = Caller(
            account: Account(username: "bench", displayName: "bench", role: .departmentAdmin, departmentCode: "SAMR"), at: now)
        let office = Caller(account: Account(username: "office", displayName: "office", role: .office), at: now)
        var start = Date()
        _ = try await stores.importer.run(.items, data: Data("事项编码,事项名称,检查方式\nSAMR-003,登记事项的检查,实地核查\n".utf8), caller: admin)
        _ = try await stores.importer.run(.targets, data: BenchData.targetsCSV(rows: rows, withExclusions: true), caller: admin)
        var sheet = "姓名,执法证号,执法证有效期至,执法区域,可检查事项\n"
        for n in 1...inspectors { sheet += "检查员\(n),SAMR-\(n),2030-12-31,360202,SAMR-003\n" }
        _ = try await stores.importer.run(.inspectors, data: Data(sheet.utf8), caller: admin)
        try await stores.database.checkpoint()
        print(String(format: "set-up: %d targets imported in %.1f s", rows, Date().timeIntervalSince(start)))

        let ratios = ["A": 1, "B": 2, "C": 5, "D": 10]  // per mille
        // Baseline: the unverifiable shortcut, same filters, same file.
        let counts = try await stores.database.read { db in
            try await db.raw("SELECT risk_class, COUNT(*) AS n FROM targets WHERE \(unsafeRaw: Self.eligible) GROUP BY risk_class").all()
                .reduce(into: [String: Int]()) {
                    $0[try $1.decode(column: "risk_class", as: String.self)] = try $1.decode(column: "n", as: Int.self)
                }
        }
        start = Date()
        let baselineDrawn = try await stores.database.read { db in
            var drawn = 0
            for (risk, permille) in ratios.sorted(by: { $0.key < $1.key }) {
                let k = ((counts[risk] ?? 0) * permille + 999) / 1000
                drawn += try await db.raw(
                    "SELECT uid FROM targets WHERE \(unsafeRaw: Self.eligible) AND risk_class = \(bind: risk) ORDER BY random() LIMIT \(bind: k)"
                ).all().count
            }
            return drawn
        }
        let baseline = Date().timeIntervalSince(start)
        print(String(format: "baseline ORDER BY random() LIMIT k ×4:  %6.3f s  (%d drawn, unverifiable)", baseline, baselineDrawn))

        let plan = try await stores.plans.create(
            Plan(
                code: "2026-BENCH", name: "bench", year: 2026, initiator: "SAMR", items: [PlanItem(department: "SAMR", code: "SAMR-003")],
                windowStart: CalendarDate(iso: "2026-06-01")!, windowEnd: CalendarDate(iso: "2026-12-31")!), caller: admin)
        _ = try await stores.plans.apply(.submit, to: plan.id, caller: admin)
        _ = try await stores.plans.apply(.approve, to: plan.id, caller: office)
        let batch = try await stores.plans.addBatch(
            Batch(
                planID: plan.id, code: "B1", start: CalendarDate(iso: "2026-12-01")!, end: CalendarDate(iso: "2026-12-20")!,
                size: .ratios(a: ratios["A"]!, b: ratios["B"]!, c: ratios["C"]!, d: ratios["D"]!, rounding: .ceil)),
            caller: admin)
        // The target draw: extract the pool with its exclusions from the same file, digest it,
        // compute every target's key, select per stratum.
        start = Date()
        let preview = try await stores.draws.previewPool(batchID: batch.id, for: admin.account)
        let extracted = Date()
        let parameters = try DrawParameters.make(
            drawID: "bench", planID: "bench", batchID: "B1", batchStart: "2026-12-01", batchEnd: "2026-12-20", keyItem: false,
            pool: preview.pool, excluded: preview.excluded, rules: preview.rules, departments: ["SAMR"], publicValue: nil)
        let keys = TargetKeys.compute(pool: preview.pool, targetKey: [UInt8](repeating: 7, count: 32))
        let selected = TargetSelection(pool: preview.pool, keys: keys, parameters: parameters)
        let targetDraw = Date().timeIntervalSince(start)
        print(
            String(
                format:
                    "suiji target draw (extract %d + %d excluded, digest, every key, select): %6.3f s  (extract %.3f s; %d drawn) — %.2f× the baseline",
                preview.pool.count, preview.excluded.entries.count, targetDraw, extracted.timeIntervalSince(start), selected.drawn.count,
                targetDraw / baseline))

        // The ceremony as the demo records it: announced and committed three days ago, the secret
        // an hour later, the public value (a 3D draw of yesterday) entered last night.
        let today = CalendarDate(chinaDateOf: now)
        let committed = Caller(account: admin.account, at: today.adding(days: -3).chinaStart.addingTimeInterval(9 * 3_600))
        let announcement = DrawAnnouncement(
            revealDeadline: committed.at.addingTimeInterval(8 * 3_600),
            publicValue: PublicValueAnnouncement(date: today.adding(days: -1).iso, source: "中国福利彩票3D 开奖号码"))
        start = Date()
        let draw = try await stores.draws.prepare(batchID: batch.id, caller: committed, announcement: announcement)
        let prepare = Date().timeIntervalSince(start)
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
        start = Date()
        _ = try await stores.draws.execute(draw.id, caller: admin)
        let execute = Date().timeIntervalSince(start)
        let bundle = try await stores.draws.bundle(draw.id)
        // The published, verifiable core alone: pool file → digest → every key → selection.
        start = Date()
        let pool = try PoolFile.parse(bundle.files["pool.txt"]!)
        let published = try DrawParameters.parse(bundle.files["parameters.txt"]!)
        let reveal = try Reveal.parse(bundle.files["reveal.txt"]!)
        let (_, _, selection) = DrawEngine.drawTargets(pool: pool, parameters: published, reveal: reveal)
        let core = Date().timeIntervalSince(start)
        start = Date()
        let report = Verifier.verify(bundle: bundle)
        let verify = Date().timeIntervalSince(start)
        print("the whole recorded draw, as the product runs it:")
        print(String(format: "suiji prepare (extract pool, exclusions, digest, inspectors, store files): %6.3f s", prepare))
        print(
            String(
                format: "suiji execute (parse, keys for all %d, selection, matching, store bundle): %6.3f s  (%d drawn)", pool.count,
                execute, selection.drawn.count))
        print(String(format: "  of which parse pool file + keys + selection alone:                  %6.3f s", core))
        print(
            String(
                format: "prepare + execute vs baseline: %.2f×;  verify: %6.3f s (%@), %.2f× the draw", (prepare + execute) / baseline,
                verify, report.ok ? "OK" : "MISMATCH", verify / (prepare + execute)))
        await stores.database.close()
    }
}
