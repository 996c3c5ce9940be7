// SPDX-License-Identifier: Apache-2.0

/// The keys of an import file seen so far, each with its first row, to report a key repeated
/// within the file. A million-row file keeps a million keys: an ASCII key of up to 24 bytes (a
/// credit code, most stable ids) is kept as three integers rather than as a `String` on the
/// heap — a third of the memory, and hashed as three words.
struct SeenKeys {
    private struct Packed: Hashable {
        var words: (UInt64, UInt64, UInt64)

        static func == (lhs: Packed, rhs: Packed) -> Bool { lhs.words == rhs.words }

        func hash(into hasher: inout Hasher) {
            hasher.combine(words.0)
            hasher.combine(words.1)
            hasher.combine(words.2)
        }
    }

    private var packed: [Packed: Int] = [:]
    private var others: [String: Int] = [:]

    /// The first row of `key` if it was seen before; otherwise records it at `row` and returns nil.
    mutating func firstRow(of key: String, row: Int) -> Int? {
        if let words = Self.pack(key) {
            let packedKey = Packed(words: words)
            if let first = packed[packedKey] { return first }
            packed[packedKey] = row
        } else {
            if let first = others[key] { return first }
            others[key] = row
        }
        return nil
    }

    /// The key's bytes in three words (zero-padded), when it is 1–24 bytes of ASCII without NUL
    /// (so no two such keys pack alike); nil otherwise.
    private static func pack(_ key: String) -> (UInt64, UInt64, UInt64)? {
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        for byte in key.utf8 {
            guard count < 24, byte != 0, byte < 0x80 else { return nil }
            let shifted = UInt64(byte) << (8 * UInt64(count % 8))
            switch count / 8 {
            case 0: words.0 |= shifted
            case 1: words.1 |= shifted
            default: words.2 |= shifted
            }
            count += 1
        }
        return count == 0 ? nil : words
    }
}
