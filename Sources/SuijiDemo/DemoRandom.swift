// SPDX-License-Identifier: Apache-2.0

/// SplitMix64: a tiny, fast, deterministic generator for demo data. Its output depends only on
/// the seed, never on the platform, the process or the Swift version.
struct DemoRandom: Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// An independent stream for one purpose (e.g. one department), so that changing the size of
    /// one part of the demo does not shift every number drawn after it.
    func fork(_ label: String) -> DemoRandom {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in label.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        var copy = DemoRandom(seed: state ^ hash)
        _ = copy.next()
        return copy
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (bound > 0).
    mutating func int(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    /// A uniform integer in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + int(range.upperBound - range.lowerBound + 1)
    }

    /// A uniform double in `[0, 1)`.
    mutating func unit() -> Double {
        Double(next() >> 11) / 9_007_199_254_740_992.0
    }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// One element of a non-empty array.
    mutating func pick<T>(_ values: [T]) -> T {
        values[int(values.count)]
    }

    /// `count` distinct elements in their original order (all when `count >= values.count`).
    mutating func subset<T>(_ values: [T], count: Int) -> [T] {
        guard count < values.count else { return values }
        var indices = Array(values.indices)
        for index in 0..<count {
            indices.swapAt(index, index + int(indices.count - index))
        }
        return indices.prefix(count).sorted().map { values[$0] }
    }

    /// An index chosen with the given (non-negative, not all zero) weights.
    mutating func weighted(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var point = unit() * total
        for (index, weight) in weights.enumerated() {
            if point < weight { return index }
            point -= weight
        }
        return weights.count - 1
    }
}

/// Precomputed cumulative weights for many draws from the same table.
struct WeightedTable: Sendable {
    private let cumulative: [Double]

    init(_ weights: [Double]) {
        var sum = 0.0
        cumulative = weights.map { weight in
            sum += weight
            return sum
        }
    }

    /// The index of the chosen entry.
    func draw(_ random: inout DemoRandom) -> Int {
        let point = random.unit() * (cumulative.last ?? 0)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > point { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
