// SPDX-License-Identifier: Apache-2.0
import Dispatch

/// Permanent random numbers `key(id) = u64be(HMAC(targetKey, id)[0..<8])` (spec §8).
public enum TargetKeys {
    /// Key of one id.
    public static func key(targetKey: [UInt8], id: String) -> UInt64 {
        HMACSHA256(key: targetKey).key64(Array(id.utf8))
    }

    /// Keys of every pool target, in pool order, using all cores. The result does not
    /// depend on the number of threads: each chunk writes only its own slots.
    public static func compute(pool: CanonicalPool, targetKey: [UInt8], chunkSize: Int = 32_768) -> [UInt64] {
        let n = pool.count
        let hmac = HMACSHA256(key: targetKey)
        var keys = [UInt64](repeating: 0, count: n)
        let chunks = (n + chunkSize - 1) / chunkSize
        pool.idBytes.withUnsafeBytes { ids in
            pool.idOffsets.withUnsafeBufferPointer { offs in
                keys.withUnsafeMutableBufferPointer { out in
                    let base = out.baseAddress!
                    nonisolated(unsafe) let dst = base
                    nonisolated(unsafe) let idp = ids
                    nonisolated(unsafe) let offp = offs
                    DispatchQueue.concurrentPerform(iterations: chunks) { c in
                        let lo = c * chunkSize
                        let hi = min(n, lo + chunkSize)
                        for i in lo..<hi {
                            let slice = UnsafeRawBufferPointer(rebasing: idp[offp[i]..<offp[i + 1]])
                            dst[i] = hmac.key64(slice)
                        }
                    }
                }
            }
        }
        return keys
    }
}
