// SPDX-License-Identifier: Apache-2.0
import Crypto

/// Byte-level helpers shared by every encoder: hex, length prefixes, SHA-256.
public enum Bytes {
    /// Lowercase hexadecimal of `bytes`.
    public static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses lowercase hex; returns nil on odd length or any other character.
    public static func fromHex(_ text: String) -> [UInt8]? {
        let u = Array(text.utf8)
        guard u.count % 2 == 0 else { return nil }
        func nib(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: return c - 48
            case 97...102: return c - 87
            default: return nil
            }
        }
        var out = [UInt8]()
        out.reserveCapacity(u.count / 2)
        var i = 0
        while i < u.count {
            guard let h = nib(u[i]), let l = nib(u[i + 1]) else { return nil }
            out.append(h << 4 | l)
            i += 2
        }
        return out
    }

    /// Big-endian 4-byte encoding.
    public static func u32be(_ v: Int) -> [UInt8] {
        let x = UInt32(v)
        return [UInt8(x >> 24), UInt8((x >> 16) & 255), UInt8((x >> 8) & 255), UInt8(x & 255)]
    }

    /// `LP(x) = u32be(len(x)) || x`.
    public static func lp<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        u32be(bytes.count) + Array(bytes)
    }

    /// `LP` of a string's UTF-8 bytes.
    public static func lp(_ text: String) -> [UInt8] { lp(Array(text.utf8)) }

    /// First 8 bytes as a big-endian unsigned integer.
    public static func u64be<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var v: UInt64 = 0
        for b in bytes.prefix(8) { v = v << 8 | UInt64(b) }
        return v
    }

    /// 16-digit lowercase hex of a 64-bit key.
    public static func hex64(_ v: UInt64) -> String {
        hex((0..<8).map { UInt8((v >> (56 - 8 * UInt64($0))) & 255) })
    }

    /// SHA-256 of `bytes`.
    public static func sha256<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        if let a = bytes as? [UInt8] { return Array(SHA256.hash(data: a)) }
        return Array(SHA256.hash(data: Array(bytes)))
    }

    /// Lowercase hex SHA-256 of `bytes`.
    public static func sha256Hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        hex(sha256(bytes))
    }
}
