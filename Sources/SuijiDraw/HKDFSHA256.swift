// SPDX-License-Identifier: Apache-2.0

/// HKDF with HMAC-SHA256 (RFC 5869), written out so the spec's steps are visible.
public enum HKDFSHA256 {
    /// `HKDF-Extract(salt, ikm)`: a 32-byte pseudorandom key.
    public static func extract(salt: [UInt8], ikm: [UInt8]) -> [UInt8] {
        HMACSHA256(key: salt).mac(ikm)
    }

    /// `HKDF-Expand(prk, info, length)`; `length` ≤ 255 × 32.
    public static func expand(prk: [UInt8], info: [UInt8], length: Int) -> [UInt8] {
        precondition(length >= 0 && length <= 255 * 32, "HKDF length out of range")
        let h = HMACSHA256(key: prk)
        var out = [UInt8]()
        var t = [UInt8]()
        var counter: UInt8 = 1
        while out.count < length {
            t = h.mac(t + info + [counter])
            out += t
            counter &+= 1
        }
        return Array(out.prefix(length))
    }
}
