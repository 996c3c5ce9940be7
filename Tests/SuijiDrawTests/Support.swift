// SPDX-License-Identifier: Apache-2.0
import SuijiDraw

/// SplitMix64: the tests' own deterministic generator.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

func hex(_ s: String) -> [UInt8] { Bytes.fromHex(s)! }

/// A small complete draw with chosen secrets, for commit/reveal and tamper tests.
struct Fixture {
    let pool: CanonicalPool
    let excluded: ExcludedList
    let params: DrawParameters
    let commitment: Commitment
    let secrets: [String: [UInt8]]

    init(size: Int = 30, publicValue: Bool = true) throws {
        pool = try CanonicalPool(entries: (1...size).map { TestVectors.entry($0, strata: ["A", "B", "C", "D"]) })
        excluded = try ExcludedList([ExcludedEntry(id: TestVectors.targetID(size + 1), stratum: "B", reason: .deregistered)])
        params = try DrawParameters.make(
            drawID: "D-FIX", planID: "P-1", batchID: "B-1", batchStart: "2026-12-01", batchEnd: "2026-12-31",
            keyItem: false, pool: pool, excluded: excluded,
            rules: ["A": .count(2), "B": .count(2), "C": .perMille(300, .ceil), "D": .count(1)],
            departments: ["SAMR", "TAX"],
            publicValue: publicValue ? PublicValueAnnouncement(date: "2026-12-05", source: "福彩3D") : nil)
        secrets = ["SAMR": TestVectors.secret("SAMR"), "TAX": TestVectors.secret("TAX")]
        let s = secrets
        commitment = Commitment(
            drawID: "D-FIX", poolDigest: pool.digest, parametersDigest: params.digest,
            commits: ["SAMR", "TAX"].map { ($0, DepartmentSecret.commitment(department: $0, drawID: "D-FIX", secret: s[$0]!)) })
    }

    func reveal(tax: [UInt8]?? = .none, publicValue: String = "372") -> Reveal {
        let taxSecret: [UInt8]? = tax ?? secrets["TAX"]
        return Reveal(
            drawID: "D-FIX", commitmentDigest: commitment.digest,
            secrets: [("SAMR", secrets["SAMR"]), ("TAX", taxSecret)],
            publicValue: params.publicValue == nil ? nil : PublicValue(value: publicValue, source: "福彩3D"))
    }

    func bundle(_ r: Reveal? = nil) throws -> DrawBundle {
        try DrawEngine.execute(pool: pool, excluded: excluded, parameters: params, commitment: commitment, reveal: r ?? reveal())
    }
}
