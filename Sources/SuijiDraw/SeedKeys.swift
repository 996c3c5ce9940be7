// SPDX-License-Identifier: Apache-2.0

/// Keys derived by HKDF-SHA256 from every committed and revealed input (spec §7).
public struct SeedKeys: Sendable, Equatable {
    /// `HKDF-Extract("suiji-draw/1 seed", IKM)`.
    public let prk: [UInt8]
    /// Key for target permanent random numbers.
    public let targetKey: [UInt8]
    /// Key for inspector priorities.
    public let inspectorKey: [UInt8]

    /// `IKM = LP(V) || LP(commitment digest raw) || LP(secret)* || LP(public value)`.
    public static func inputKeyMaterial(commitmentDigest: String, secrets: [[UInt8]?], publicValue: String?) -> [UInt8] {
        var ikm = Bytes.lp(DrawSpec.version) + Bytes.lp(Bytes.fromHex(commitmentDigest) ?? [])
        for s in secrets { ikm += Bytes.lp(s ?? []) }
        ikm += Bytes.lp(Array((publicValue ?? "").utf8))
        return ikm
    }

    /// Derives the keys from the reveal (missing secrets count as empty).
    public init(reveal: Reveal) {
        self.init(
            commitmentDigest: reveal.commitmentDigest, secrets: reveal.secrets.map(\.secret),
            publicValue: reveal.publicValue?.value)
    }

    /// Derives the keys from raw inputs.
    public init(commitmentDigest: String, secrets: [[UInt8]?], publicValue: String?) {
        let ikm = Self.inputKeyMaterial(commitmentDigest: commitmentDigest, secrets: secrets, publicValue: publicValue)
        prk = HKDFSHA256.extract(salt: Array("suiji-draw/1 seed".utf8), ikm: ikm)
        targetKey = HKDFSHA256.expand(prk: prk, info: Array("suiji-draw/1 target".utf8), length: 32)
        inspectorKey = HKDFSHA256.expand(prk: prk, info: Array("suiji-draw/1 inspector".utf8), length: 32)
    }

    /// Key for the `q`-th inspector replacement (q ≥ 1).
    public func replacementKey(_ q: Int) -> [UInt8] {
        HKDFSHA256.expand(prk: prk, info: Array("suiji-draw/1 replacement/\(q)".utf8), length: 32)
    }
}

/// Exact uniform integers in `[0, bound)` by rejection sampling from an HMAC stream (spec §8.1).
public enum BoundedRandom {
    /// The first accepted value for `key`, `label` and `bound` (≥ 1).
    public static func uniform(key: [UInt8], label: String, bound: UInt64) -> UInt64 {
        precondition(bound >= 1)
        let h = HMACSHA256(key: key)
        let limit = UInt64.max - (UInt64.max % bound + 1) % bound  // accept x <= limit  ⇔  x < 2^64 - (2^64 mod b)
        var i = 0
        while true {
            let block = h.mac(Bytes.lp(label) + Bytes.u32be(i))
            for w in 0..<4 {
                let x = Bytes.u64be(block[(8 * w)..<(8 * w + 8)])
                if x <= limit { return x % bound }
            }
            i += 1
        }
    }
}
