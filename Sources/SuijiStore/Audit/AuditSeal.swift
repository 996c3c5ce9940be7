// SPDX-License-Identifier: Apache-2.0

import Crypto
import Foundation
import SuijiDraw

/// The secret that signs the audit log's checkpoints: 32 random bytes kept in a file outside
/// the database (`--audit-key FILE`, readable by the server only), so whoever can write the
/// database still cannot sign a head of their own.
public struct AuditKey: Sendable {
    let key: SymmetricKey
    /// First 16 hex digits of SHA-256 of the key: names the key in each checkpoint.
    public let id: String

    init(bytes: [UInt8]) {
        key = SymmetricKey(data: bytes)
        id = String(Bytes.sha256Hex(bytes).prefix(16))
    }

    /// Reads a key file: 64 or more hex digits (what `suiji audit keygen` writes), or 32 or more raw bytes.
    public static func load(path: String) throws -> AuditKey {
        guard let data = FileManager.default.contents(atPath: path) else { throw AuditSealError.unreadableKey(path) }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count >= 64, let bytes = Bytes.fromHex(text) { return AuditKey(bytes: bytes) }
        guard data.count >= 32 else { throw AuditSealError.weakKey(path) }
        return AuditKey(bytes: Array(data))
    }

    /// Writes a new random key to `path` (mode 0600); refuses to overwrite a file.
    public static func generate(path: String) throws -> AuditKey {
        guard !FileManager.default.fileExists(atPath: path) else { throw AuditSealError.keyExists(path) }
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        guard
            FileManager.default.createFile(
                atPath: path, contents: Data((Bytes.hex(bytes) + "\n").utf8), attributes: [.posixPermissions: 0o600])
        else { throw AuditSealError.unwritable(path) }
        return AuditKey(bytes: bytes)
    }

    func mac(_ message: String) -> String {
        Bytes.hex(Array(HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: key)))
    }

    func isValid(mac: String, for message: String) -> Bool {
        guard let code = Bytes.fromHex(mac) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: Data(message.utf8), using: key)
    }
}

/// A signed statement "the audit log had `seq` rows and its last row's hash was `head` at `at`".
public struct AuditCheckpoint: Sendable, Codable, Equatable {
    public var seq: Int64
    public var head: String
    public var at: String
    public var keyID: String
    /// HMAC-SHA256 of `message` under the audit key, hex.
    public var mac: String

    enum CodingKeys: String, CodingKey {
        case seq, head, at, mac
        case keyID = "keyId"
    }

    /// What is signed.
    var message: String { "suiji-audit-checkpoint/1\n\(seq)\n\(head)\n\(at)" }

    static func signed(seq: Int64, head: String, at: String, key: AuditKey) -> AuditCheckpoint {
        var checkpoint = AuditCheckpoint(seq: seq, head: head, at: at, keyID: key.id, mac: "")
        checkpoint.mac = key.mac(checkpoint.message)
        return checkpoint
    }

    func isSigned(by key: AuditKey) -> Bool {
        keyID == key.id && key.isValid(mac: mac, for: message)
    }

    /// The anchor file's one line.
    var line: String { ["suiji-audit-anchor/1", String(seq), head, at, keyID, mac].joined(separator: " ") }

    init(seq: Int64, head: String, at: String, keyID: String, mac: String) {
        self.seq = seq
        self.head = head
        self.at = at
        self.keyID = keyID
        self.mac = mac
    }

    init?(line: String) {
        let parts = line.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ").map(String.init)
        guard parts.count == 6, parts[0] == "suiji-audit-anchor/1", let seq = Int64(parts[1]) else { return nil }
        self.init(seq: seq, head: parts[2], at: parts[3], keyID: parts[4], mac: parts[5])
    }
}

/// The audit key and where the newest checkpoint is also kept outside the database (the
/// anchor file): deleting the newest rows, or rewriting the whole chain, no longer goes unseen.
public struct AuditSeal: Sendable {
    public let key: AuditKey
    /// The anchor file (default: the key file's path + `.anchor`).
    public let anchorPath: String

    public init(key: AuditKey, anchorPath: String) {
        self.key = key
        self.anchorPath = anchorPath
    }

    /// Loads the key at `keyPath`; the anchor defaults to `keyPath.anchor`.
    public static func load(keyPath: String, anchorPath: String? = nil) throws -> AuditSeal {
        AuditSeal(key: try AuditKey.load(path: keyPath), anchorPath: anchorPath ?? keyPath + ".anchor")
    }

    /// The checkpoint in the anchor file, if any (a damaged file is an error, not "none").
    public func anchor() throws -> AuditCheckpoint? {
        guard let data = FileManager.default.contents(atPath: anchorPath) else { return nil }
        guard let checkpoint = AuditCheckpoint(line: String(decoding: data, as: UTF8.self)) else {
            throw AuditSealError.damagedAnchor(anchorPath)
        }
        return checkpoint
    }

    /// Replaces the anchor file with `checkpoint`, atomically and durably.
    func writeAnchor(_ checkpoint: AuditCheckpoint) throws {
        let temporary = anchorPath + ".tmp"
        guard
            FileManager.default.createFile(
                atPath: temporary, contents: Data((checkpoint.line + "\n").utf8), attributes: [.posixPermissions: 0o600])
        else { throw AuditSealError.unwritable(temporary) }
        if let handle = FileHandle(forUpdatingAtPath: temporary) {
            try handle.synchronize()
            try handle.close()
        }
        guard rename(temporary, anchorPath) == 0 else { throw AuditSealError.unwritable(anchorPath) }
    }
}

/// Problems with the audit key or anchor files (operator errors: English, with the path).
public enum AuditSealError: Error, CustomStringConvertible, Equatable {
    case unreadableKey(String)
    case weakKey(String)
    case keyExists(String)
    case unwritable(String)
    case damagedAnchor(String)
    /// The chain does not check out from the last checkpoint on: nothing is signed.
    case unsignable(String)

    public var description: String {
        switch self {
        case .unreadableKey(let path): "cannot read the audit key file \(path)"
        case .weakKey(let path): "the audit key file \(path) holds fewer than 32 bytes (make one with `suiji audit keygen FILE`)"
        case .keyExists(let path): "\(path) exists already; a key is never overwritten"
        case .unwritable(let path): "cannot write \(path)"
        case .damagedAnchor(let path): "the audit anchor file \(path) is damaged"
        case .unsignable(let reason): "refusing to sign the audit log: \(reason); run `suiji audit verify`"
        }
    }
}
