// SPDX-License-Identifier: Apache-2.0
import Crypto
import Dispatch
import Foundation
import SuijiDraw

/// Wall-clock benchmarks with in-run baselines.
enum Bench {
    static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let r = try body()
        return (r, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
    }

    static func fmt(_ x: Double) -> String { String(format: "%.3f s", x) }

    static func run(sizes: [Int]) {
        for n in sizes { draw(n) }
        matching()
    }

    /// Synthetic 18-char ids, generated in scrambled order (the pool must sort them).
    static func makePool(_ n: Int) -> CanonicalPool {
        var b = PoolBuilder(reserve: n)
        let labels = ["A", "B", "C", "D"]
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        var id = [UInt8](repeating: 48, count: 18)
        var street = Array("310115001".utf8)
        for k in 0..<n {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            var v = UInt64(k) &* 0x9E37_79B9 % 1_000_000_000_000
            id = Array("913101".utf8) + [UInt8](repeating: 48, count: 12)
            for j in stride(from: 17, through: 6, by: -1) {
                id[j] = UInt8(48 + v % 10)
                v /= 10
            }
            street[8] = UInt8(49 + (x >> 60) % 8)
            b.append(idBytes: id, stratum: labels[Int(x >> 62)], division: 310115, streetBytes: street)
        }
        return try! b.build()
    }

    static func draw(_ n: Int) {
        print("== draw, \(n) targets, 4 strata, 30‰ ceil ==")
        let (pool, tPool) = time { makePool(n) }
        print("build pool, scrambled input (validate + sort + digest): \(fmt(tPool))")
        let (_, tSorted) = time { () -> Int in
            var b = PoolBuilder(reserve: n)
            var id = Array("913101".utf8) + [UInt8](repeating: 48, count: 12)
            let labels = ["A", "B", "C", "D"]
            for k in 0..<n {
                var v = k
                for j in stride(from: 17, through: 6, by: -1) {
                    id[j] = UInt8(48 + v % 10)
                    v /= 10
                }
                b.append(idBytes: id, stratum: labels[k & 3], division: 310115, streetBytes: EmptyCollection())
            }
            return try! b.build().count
        }
        print("build pool, input already in id order (SQLite ORDER BY id): \(fmt(tSorted))")
        let rules = Dictionary(uniqueKeysWithValues: pool.stratumLabels.map { ($0, SampleRule.perMille(30, .ceil)) })
        let excluded = try! ExcludedList([])
        let params = try! DrawParameters.make(
            drawID: "D-BENCH", planID: "P", batchID: "B", batchStart: "2026-12-10", batchEnd: "2026-12-20", keyItem: false,
            pool: pool, excluded: excluded, rules: rules, departments: ["SAMR"], publicValue: nil)
        let secret = [UInt8](repeating: 7, count: 32)
        let commitment = Commitment(
            drawID: "D-BENCH", poolDigest: pool.digest, parametersDigest: params.digest,
            commits: [("SAMR", DepartmentSecret.commitment(department: "SAMR", drawID: "D-BENCH", secret: secret))])
        let reveal = Reveal(drawID: "D-BENCH", commitmentDigest: commitment.digest, secrets: [("SAMR", secret)], publicValue: nil)
        let seed = SeedKeys(reveal: reveal)
        let (keys, tKeys) = time { TargetKeys.compute(pool: pool, targetKey: seed.targetKey) }
        let (_, tSel) = time { TargetSelection(pool: pool, keys: keys, parameters: params) }
        // Baselines: naive swift-crypto HMAC per id, single thread; full sort of all keys.
        let key = SymmetricKey(data: seed.targetKey)
        let (naive, tNaive) = time { () -> UInt64 in
            var acc: UInt64 = 0
            for i in 0..<pool.count {
                let mac = HMAC<SHA256>.authenticationCode(for: pool.idBytes[pool.idOffsets[i]..<pool.idOffsets[i + 1]], using: key)
                acc &+= mac.withUnsafeBytes { p in (0..<8).reduce(UInt64(0)) { $0 << 8 | UInt64(p[$1]) } }
            }
            return acc
        }
        precondition(naive == keys.reduce(0, &+), "naive HMAC disagrees with fast path")
        let (_, tSort) = time { keys.enumerated().sorted { $0.element < $1.element }.count }
        print(
            "keys (HMAC, all cores): \(fmt(tKeys))  | baseline naive HMAC 1 thread: \(fmt(tNaive))  ratio \(String(format: "%.1fx", tNaive / tKeys))"
        )
        print(
            "selection (bounded heaps): \(fmt(tSel))  | baseline full sort of keys: \(fmt(tSort))  ratio \(String(format: "%.1fx", tSort / tSel))"
        )
        let (bundle, tAll) = time {
            try! DrawEngine.execute(pool: pool, excluded: excluded, parameters: params, commitment: commitment, reveal: reveal)
        }
        print("execute whole draw (checks + keys + selection + files + record): \(fmt(tAll))")
        print("pool + draw total: \(fmt(tPool + tAll))")
        let (report, tVer) = time { Verifier.verify(bundle: bundle) }
        precondition(report.ok, "\(report.failure!)")
        print(
            "verify bundle (parse + recompute everything): \(fmt(tVer))  | baseline execute: \(fmt(tAll))  ratio \(String(format: "%.2f", tVer / tAll))"
        )
    }

    static func matching() {
        print("== matching, 10,000 targets x 3 slots, 2,000 inspectors ==")
        let divisions = (0..<20).map { String(310101 + $0) }
        var entries = [PoolEntry]()
        for k in 0..<10_000 {
            let d = divisions[k % 20]
            entries.append(PoolEntry(id: TestVectors.targetID(k + 1), stratum: "ALL", division: d, street: d + "00" + String(k % 7 + 1)))
        }
        var x: UInt64 = 12345
        func next() -> Int {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            return Int(x >> 33)
        }
        var recs = [InspectorRecord]()
        for k in 0..<2_000 {
            let dept = k % 2 == 0 ? "SAMR" : "HEALTH"
            let a1 = divisions[next() % 20]
            let a2 = divisions[next() % 20]
            recs.append(
                InspectorRecord(
                    id: "I-" + String(10_000 + k), department: dept, areas: [a1, a2], items: ["F"],
                    available: next() % 20 != 0, certUntil: "2027-12-31"))
        }
        let table = try! InspectorTable(recs)
        let params = try! DrawParameters.make(
            drawID: "D-M", planID: "P", batchID: "B", batchStart: "2026-12-10", batchEnd: "2026-12-20", keyItem: false,
            pool: try! CanonicalPool(entries: entries), excluded: try! ExcludedList([]), rules: ["ALL": .count(10_000)],
            departments: ["SAMR", "HEALTH"], publicValue: nil,
            slots: [
                SlotSpec(name: "leader", department: "SAMR", kind: .leader),
                SlotSpec(name: "member-1", department: "SAMR", kind: .member),
                SlotSpec(name: "member-2", department: "HEALTH", kind: .member),
            ],
            inspectors: table)
        let key = [UInt8](repeating: 3, count: 32)
        let (result, t) = time {
            InspectorMatching.assign(
                targets: entries, parameters: params, inspectors: table, inspectorKey: key,
                isConflict: { _, _ in false })
        }
        let el = Eligibility(targets: entries, parameters: params, inspectors: table, isConflict: { _, _ in false })
        let edges = el.problem.eligible.reduce(0) { $0 + $1.count }
        // Baseline: one plain max-flow feasibility check from scratch (what a naive greedy would redo per slot).
        let (_, tFlow) = time { FlowCheck.maxFlow(el.problem) }
        if case .complete(let a) = result {
            print(
                "matching: \(fmt(t)) for \(a.count) slots, \(edges) eligible edges | baseline one from-scratch max-flow: \(fmt(tFlow)); naive greedy would need ~\(a.count) of those (\(fmt(tFlow * Double(a.count))) est.), ratio \(String(format: "%.0fx", tFlow * Double(a.count) / t))"
            )
        } else {
            print("matching infeasible in \(fmt(t))")
        }
    }
}
