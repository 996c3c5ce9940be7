// SPDX-License-Identifier: Apache-2.0

import Synchronization

/// Where the stores' random bytes come from (a draw's conflict salt): passed in when the
/// database is opened — the system's generator when serving, a seeded stream in tests, so a run
/// can be repeated byte for byte.
public struct RandomSource: Sendable {
    private let next: @Sendable (Int) -> [UInt8]

    /// A source that answers `count` bytes with `next(count)`.
    public init(_ next: @escaping @Sendable (Int) -> [UInt8]) {
        self.next = next
    }

    /// `count` random bytes.
    public func bytes(_ count: Int) -> [UInt8] { next(count) }

    /// The system's cryptographically secure generator.
    public static let system = RandomSource { count in
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// A deterministic stream from `seed` (SplitMix64): equal seeds give equal bytes.
    public static func seeded(_ seed: UInt64) -> RandomSource {
        let state = SplitMix(seed)
        return RandomSource { count in state.bytes(count) }
    }

    private final class SplitMix: Sendable {
        private let state: Mutex<UInt64>

        init(_ seed: UInt64) { state = Mutex(seed) }

        func bytes(_ count: Int) -> [UInt8] {
            state.withLock { state in
                (0..<count).map { _ in
                    state &+= 0x9E37_79B9_7F4A_7C15
                    var z = state
                    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                    return UInt8(truncatingIfNeeded: z ^ (z >> 31))
                }
            }
        }
    }
}
