// SPDX-License-Identifier: Apache-2.0

/// Rounding of a per-mille sample size (spec §4): the one type that holds the rule (`apply`),
/// its name in the draw's files and the API (`rawValue`), its Chinese label and the default.
/// Plans (`SampleSize.ratios` in SuijiCore), forms and the draw all use it.
public enum Rounding: String, Sendable, Equatable, Codable, CaseIterable {
    /// Round up — for "不低于" ratios.
    case ceil
    /// Round down.
    case floor
    /// Round half up.
    case roundHalfUp = "round-half-up"

    /// The rounding of a batch that names none: ratios are minimums ("不低于").
    public static let `default` = Rounding.ceil

    /// Chinese name, shown on forms and plan pages.
    public var label: String {
        switch self {
        case .ceil: "向上取整（不低于）"
        case .floor: "向下取整"
        case .roundHalfUp: "四舍五入"
        }
    }

    /// `permille` ‰ of `size`, rounded (integer arithmetic only).
    public func apply(permille: Int, of size: Int) -> Int {
        switch self {
        case .ceil: (size * permille + 999) / 1000
        case .floor: (size * permille) / 1000
        case .roundHalfUp: (size * permille + 500) / 1000
        }
    }
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
        case .perMille(let p, let rounding): return min(size, rounding.apply(permille: p, of: size))
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
