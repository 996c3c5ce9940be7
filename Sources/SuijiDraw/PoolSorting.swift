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

    static func permutation(_ ids: [UInt8], _ offs: [Int]) -> [Int32] {
        var perm = (0..<Int32(offs.count - 1)).map { $0 }
        ids.withUnsafeBufferPointer { p in
            perm.sort { x, y in
                let a = Int(x)
                let b = Int(y)
                return compareRaw(p, offs[a], offs[a + 1], p, offs[b], offs[b + 1]) < 0
            }
        }
        return perm
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
