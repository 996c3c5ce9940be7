// SPDX-License-Identifier: Apache-2.0

/// Byte-order helpers over flat id buffers.
enum PoolSorting {
    /// memcmp-style comparison of id `[a, b)` in `buf` with `key`.
    static func compare(_ buf: [UInt8], _ a: Int, _ b: Int, _ key: [UInt8]) -> Int {
        buf.withUnsafeBufferPointer { p in
            key.withUnsafeBufferPointer { k in
                compareRaw(p, a, b, k, 0, k.count)
            }
        }
    }

    @inline(__always)
    static func compareRaw(
        _ p: UnsafeBufferPointer<UInt8>, _ a0: Int, _ a1: Int, _ q: UnsafeBufferPointer<UInt8>, _ b0: Int, _ b1: Int
    ) -> Int {
        let la = a1 - a0
        let lb = b1 - b0
        let m = min(la, lb)
        var i = 0
        while i < m {
            let x = p[a0 + i]
            let y = q[b0 + i]
            if x != y { return x < y ? -1 : 1 }
            i += 1
        }
        return la == lb ? 0 : (la < lb ? -1 : 1)
    }

    static func isSorted(_ ids: [UInt8], _ offs: [Int]) -> Bool {
        ids.withUnsafeBufferPointer { p in
            for i in stride(from: 1, to: offs.count - 1, by: 1)
            where compareRaw(p, offs[i - 1], offs[i], p, offs[i], offs[i + 1]) > 0 {
                return false
            }
            return true
        }
    }

    /// First index `i` whose id equals id `i-1` (ids already sorted).
    static func firstDuplicate(_ ids: [UInt8], _ offs: [Int]) -> Int? {
        ids.withUnsafeBufferPointer { p in
            for i in stride(from: 1, to: offs.count - 1, by: 1)
            where compareRaw(p, offs[i - 1], offs[i], p, offs[i], offs[i + 1]) == 0 {
                return i
            }
            return nil
        }
    }

    /// The order of the ids by bytes: sorted on their first 16 bytes packed into two integers
    /// (padded with zero bytes, which no id contains, so a shorter id sorts first as by bytes),
    /// comparing whole ids only on ties — no closure call chasing offsets per comparison.
    static func permutation(_ ids: [UInt8], _ offs: [Int]) -> [Int32] {
        struct Key {
            var high: UInt64
            var low: UInt64
            var index: Int32
        }
        let n = offs.count - 1
        var keys = [Key]()
        keys.reserveCapacity(n)
        ids.withUnsafeBufferPointer { p in
            for i in 0..<n {
                let a = offs[i]
                let b = offs[i + 1]
                var high: UInt64 = 0
                var low: UInt64 = 0
                for k in 0..<8 { high = high << 8 | UInt64(a + k < b ? p[a + k] : 0) }
                for k in 8..<16 { low = low << 8 | UInt64(a + k < b ? p[a + k] : 0) }
                keys.append(Key(high: high, low: low, index: Int32(i)))
            }
            keys.sort { x, y in
                if x.high != y.high { return x.high < y.high }
                if x.low != y.low { return x.low < y.low }
                let a = Int(x.index)
                let b = Int(y.index)
                return compareRaw(p, offs[a], offs[a + 1], p, offs[b], offs[b + 1]) < 0
            }
        }
        return keys.map(\.index)
    }

    static func gather(_ buf: [UInt8], _ offs: [Int], _ perm: [Int32]) -> ([UInt8], [Int]) {
        var out = [UInt8]()
        out.reserveCapacity(buf.count)
        var o = [0]
        o.reserveCapacity(offs.count)
        for j in perm {
            out.append(contentsOf: buf[offs[Int(j)]..<offs[Int(j) + 1]])
            o.append(out.count)
        }
        return (out, o)
    }
}
