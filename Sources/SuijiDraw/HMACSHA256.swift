// SPDX-License-Identifier: Apache-2.0
import Crypto

/// HMAC-SHA256 (RFC 2104) with the keyed inner/outer states computed once.
///
/// Each `mac` call copies the two precomputed SHA-256 states (value semantics),
/// so one instance can be shared read-only by many threads.
public struct HMACSHA256: Sendable {
    private let inner: SHA256
    private let outer: SHA256

    /// Prepares the keyed states for `key` (any length; long keys are hashed first).
    public init<C: Collection>(key: C) where C.Element == UInt8 {
        var k = Array(key)
        if k.count > 64 { k = Array(SHA256.hash(data: k)) }
        k += [UInt8](repeating: 0, count: 64 - k.count)
        var i = SHA256()
        i.update(data: k.map { $0 ^ 0x36 })
        var o = SHA256()
        o.update(data: k.map { $0 ^ 0x5c })
        inner = i
        outer = o
    }

    /// HMAC of `message`.
    public func mac<C: Collection>(_ message: C) -> [UInt8] where C.Element == UInt8 {
        var i = inner
        i.update(data: Array(message))
        var o = outer
        i.finalize().withUnsafeBytes { o.update(bufferPointer: $0) }
        return Array(o.finalize())
    }

    /// HMAC of raw bytes, without copying them into an array (hot path).
    public func mac(_ message: UnsafeRawBufferPointer) -> SHA256Digest {
        var i = inner
        i.update(bufferPointer: message)
        var o = outer
        i.finalize().withUnsafeBytes { o.update(bufferPointer: $0) }
        return o.finalize()
    }

    /// First 8 bytes of the HMAC of raw bytes, big-endian.
    public func key64(_ message: UnsafeRawBufferPointer) -> UInt64 {
        let d = mac(message)
        return d.withUnsafeBytes { p in
            var v: UInt64 = 0
            for j in 0..<8 { v = v << 8 | UInt64(p[j]) }
            return v
        }
    }

    /// First 8 bytes of the HMAC of `message`, big-endian.
    public func key64<C: Collection>(_ message: C) -> UInt64 where C.Element == UInt8 {
        Array(message).withUnsafeBytes { key64($0) }
    }
}
