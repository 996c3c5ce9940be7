// SPDX-License-Identifier: Apache-2.0

/// Rounding of a per-mille sample size (spec §4).
public enum Rounding: String, Sendable, Equatable, CaseIterable {
    /// Round up — for "不低于" ratios.
    case ceil
    /// Round down.
    case floor
    /// Round half up.
    case roundHalfUp = "round-half-up"
}

/// How many targets a stratum draws: a fixed count or a per-mille ratio.
public enum SampleRule: Sendable, Equatable {
    /// Exactly `k` (or the whole stratum if smaller).
    case count(Int)
    /// `permille` ‰ of the stratum size with the given rounding.
    case perMille(Int, Rounding)

    /// Sample size `n` for a stratum of `size` targets (integer arithmetic only).
    public func sampleSize(stratumSize size: Int) -> Int {
        switch self {
        case .count(let k): return min(k, size)
        case .perMille(let p, .ceil): return min(size, (size * p + 999) / 1000)
        case .perMille(let p, .floor): return min(size, (size * p) / 1000)
        case .perMille(let p, .roundHalfUp): return min(size, (size * p + 500) / 1000)
        }
    }

    /// Replacement-list length `r = min(size - n, max(5, ceil(n / 10)))`.
    public static func replacementCount(stratumSize size: Int, sample n: Int) -> Int {
        min(size - n, max(5, (n + 9) / 10))
    }

    /// Canonical text: `count:<k>` or `permille:<p>:<rounding>`.
    public var text: String {
        switch self {
        case .count(let k): return "count:\(k)"
        case .perMille(let p, let r): return "permille:\(p):\(r.rawValue)"
        }
    }

    /// Parses the canonical text.
    public init?(text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 2, parts[0] == "count", let k = TextFile.int(parts[1]) {
            self = .count(k)
        } else if parts.count == 3, parts[0] == "permille", let p = TextFile.int(parts[1]), p <= 1000,
            let r = Rounding(rawValue: parts[2])
        {
            self = .perMille(p, r)
        } else {
            return nil
        }
    }
}
