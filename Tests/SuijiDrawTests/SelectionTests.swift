// SPDX-License-Identifier: Apache-2.0
import SuijiDraw
import Testing

@Suite struct SelectionTests {
    static func drawIDs(pool: CanonicalPool, params: DrawParameters, seed: Int) -> [String] {
        let key = Bytes.sha256(Array("chi-square seed \(seed)".utf8))
        let keys = TargetKeys.compute(pool: pool, targetKey: key)
        return TargetSelection(pool: pool, keys: keys, parameters: params).drawn.map(\.id)
    }

    static func setup(size: Int, n: Int) throws -> (CanonicalPool, DrawParameters) {
        let pool = try CanonicalPool(entries: (1...size).map { TestVectors.entry($0, strata: ["ALL"]) })
        let p = try DrawParameters.make(
            drawID: "D", planID: "P", batchID: "B", batchStart: "2026-01-01",
            batchEnd: "2026-01-02", keyItem: false, pool: pool, excluded: ExcludedList([]),
            rules: ["ALL": .count(n)], departments: ["SAMR"], publicValue: nil)
        return (pool, p)
    }

    /// Inclusion frequencies over 4000 fixed seeds: χ² (19 df) below the α = 10⁻³ critical value 43.82.
    @Test func inclusionFrequenciesChiSquare() throws {
        let (pool, p) = try Self.setup(size: 20, n: 5)
        var counts = [String: Int]()
        for seed in 0..<4000 { for id in Self.drawIDs(pool: pool, params: p, seed: seed) { counts[id, default: 0] += 1 } }
        let expected = 4000.0 * 5 / 20
        let chi = (0..<20).map { Double(counts[pool.id(at: $0)] ?? 0) }.reduce(0.0) { $0 + ($1 - expected) * ($1 - expected) / expected }
        #expect(chi < 43.82, "χ² = \(chi)")
    }

    /// Every 2-subset of a 5-target pool is about equally likely: χ² (9 df) < 27.88.
    @Test func exhaustiveSubsetsTinyPool() throws {
        let (pool, p) = try Self.setup(size: 5, n: 2)
        var counts = [String: Int]()
        for seed in 0..<5000 { counts[Self.drawIDs(pool: pool, params: p, seed: seed).sorted().joined(separator: ","), default: 0] += 1 }
        #expect(counts.count == 10)
        let chi = counts.values.reduce(0.0) { $0 + (Double($1) - 500) * (Double($1) - 500) / 500 }
        #expect(chi < 27.88, "χ² = \(chi)")
    }

    /// Input order (registration order, list position) does not change the draw.
    @Test func independentOfInputOrder() throws {
        var entries = (1...200).map { TestVectors.entry($0, strata: ["A", "B", "C", "D"]) }
        let a = try CanonicalPool(entries: entries)
        var rng = SplitMix64(state: 42)
        for i in stride(from: entries.count - 1, to: 0, by: -1) { entries.swapAt(i, rng.int(i + 1)) }
        let b = try CanonicalPool(entries: entries)
        #expect(a.fileBytes() == b.fileBytes())
        #expect(a.digest == b.digest)
        let key = Bytes.sha256(Array("x".utf8))
        let p = try DrawParameters.make(
            drawID: "D", planID: "P", batchID: "B", batchStart: "2026-01-01", batchEnd: "2026-01-02",
            keyItem: false, pool: a, excluded: ExcludedList([]),
            rules: ["A": .count(3), "B": .count(3), "C": .count(3), "D": .perMille(100, .ceil)],
            departments: ["SAMR"], publicValue: nil)
        let sa = TargetSelection(pool: a, keys: TargetKeys.compute(pool: a, targetKey: key), parameters: p)
        let sb = TargetSelection(pool: b, keys: TargetKeys.compute(pool: b, targetKey: key, chunkSize: 7), parameters: p)
        #expect(sa == sb)
    }

    /// The heap selection equals a full sort by (key, id).
    @Test func heapSelectionMatchesFullSort() throws {
        let pool = try CanonicalPool(entries: (1...500).map { TestVectors.entry($0, strata: ["A", "B"]) })
        let p = try DrawParameters.make(
            drawID: "D", planID: "P", batchID: "B", batchStart: "2026-01-01", batchEnd: "2026-01-02",
            keyItem: false, pool: pool, excluded: ExcludedList([]),
            rules: ["A": .perMille(37, .roundHalfUp), "B": .count(40)], departments: ["SAMR"], publicValue: nil)
        let key = Bytes.sha256(Array("y".utf8))
        let keys = TargetKeys.compute(pool: pool, targetKey: key)
        let sel = TargetSelection(pool: pool, keys: keys, parameters: p)
        for s in p.strata {
            let all = (0..<pool.count).filter { pool.stratumLabels[Int(pool.stratumIndex[$0])] == s.label }
                .sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : pool.id(at: $0) < pool.id(at: $1) }
            #expect(sel.drawn.filter { $0.stratum == s.label }.map(\.id) == all.prefix(s.n).map { pool.id(at: $0) })
            #expect(
                sel.replacements.filter { $0.stratum == s.label }.map(\.id)
                    == all.dropFirst(s.n).prefix(s.r).map { pool.id(at: $0) })
        }
    }

    @Test func sampleSizeRules() {
        #expect(SampleRule.perMille(30, .ceil).sampleSize(stratumSize: 101) == 4)
        #expect(SampleRule.perMille(30, .floor).sampleSize(stratumSize: 101) == 3)
        #expect(SampleRule.perMille(50, .roundHalfUp).sampleSize(stratumSize: 10) == 1)
        #expect(SampleRule.perMille(50, .roundHalfUp).sampleSize(stratumSize: 9) == 0)
        #expect(SampleRule.count(10).sampleSize(stratumSize: 4) == 4)
        #expect(SampleRule.replacementCount(stratumSize: 1000, sample: 120) == 12)
        #expect(SampleRule.replacementCount(stratumSize: 10, sample: 8) == 2)
        #expect(SampleRule(text: "permille:30:ceil") == .perMille(30, .ceil))
        #expect(SampleRule(text: "permille:1001:ceil") == nil)
    }

    @Test func poolValidation() throws {
        #expect(throws: DrawError.duplicate(file: "pool.txt", line: 2, value: "A1")) {
            try CanonicalPool(entries: [
                PoolEntry(id: "A1", stratum: "A", division: "310115", street: ""),
                PoolEntry(id: "A1", stratum: "B", division: "310115", street: ""),
            ])
        }
        #expect(throws: DrawError.self) {
            try CanonicalPool(entries: [PoolEntry(id: "a1", stratum: "A", division: "310115", street: "")])
        }
        let err = DrawError.duplicate(file: "pool.txt", line: 3, value: "X")
        #expect(err.message == "池文件第 3 行：标识重复（X）")
        #expect(err.code == "duplicate")
        let pool = try CanonicalPool(entries: (1...30).map { TestVectors.entry($0, strata: ["A", "B"]) })
        let parsed = try PoolFile.parse(pool.fileBytes())
        #expect(parsed.digest == pool.digest)
        #expect(pool.index(of: TestVectors.targetID(7)) != nil)
        #expect(pool.index(of: "NOPE") == nil)
    }
}
