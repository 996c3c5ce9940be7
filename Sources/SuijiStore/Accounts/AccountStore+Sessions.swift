// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// A live session or API token, as its owner and the office see it (never the token itself).
public struct SessionInfo: Sendable, Codable, Equatable {
    /// The first 16 hex digits of the token's SHA-256: enough to name it, useless to use it.
    public var id: String
    public var username: String
    /// `cookie` (a browser session) or `api` (a bearer token).
    public var kind: String
    public var createdAt: String
    public var expiresAt: String
    public var lastSeenAt: String?
}

/// The state of a session token at one request.
public struct SessionState: Sendable {
    public var account: Account
    public var csrfToken: String
    public var kind: String
    /// The account still has its one-time password.
    public var mustChangePassword: Bool
}

/// Sessions: the idle timeout of browser sessions, listing and revoking tokens.
extension AccountStore {
    /// A browser session unused for this long ends.
    public static let idleTimeout: TimeInterval = 30 * 60
    /// How stale `last_seen_at` may get before a request refreshes it (one write a minute at most).
    static let touchInterval: TimeInterval = 60

    /// The public id of a session token (as `SessionInfo.id`).
    public static func sessionID(token: String) -> String {
        String(hashToken(token).prefix(16))
    }

    /// The live session of `token`: nil when unknown, expired, idle too long or its account is
    /// disabled. Refreshes the session's last use.
    public func sessionState(token: String, now: Date) async throws -> SessionState? {
        let hash = Self.hashToken(token)
        let row = try await database.read { db in
            try await db.raw(
                """
                SELECT a.id, a.username, a.display_name, a.role, a.department_code, a.inspector_id, a.active,
                  a.must_change_password, s.csrf_token, s.expires_at, s.kind, s.created_at, s.last_seen_at
                FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = \(bind: hash)
                """
            ).first(decoding: SessionRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        let stamp = Timestamp.format(now)
        guard let row, row.owner.active != 0, row.session.expiresAt > stamp else { return nil }
        let session = row.session
        let lastSeen = Timestamp.parse(session.lastSeenAt ?? session.createdAt) ?? now
        if session.kind == "cookie", now.timeIntervalSince(lastSeen) > Self.idleTimeout {
            try await database.write { db in try await db.raw("DELETE FROM sessions WHERE token_hash = \(bind: hash)").run() }
            return nil
        }
        if now.timeIntervalSince(lastSeen) > Self.touchInterval {
            try await database.write { db in
                try await db.raw("UPDATE sessions SET last_seen_at = \(bind: stamp) WHERE token_hash = \(bind: hash)").run()
            }
        }
        return SessionState(
            account: row.owner.account, csrfToken: session.csrfToken, kind: session.kind,
            mustChangePassword: session.mustChangePassword == 1)
    }

    /// The live sessions and tokens of `username` (its owner, the office, or its department's admin).
    public func sessions(of username: String, caller: Caller) async throws -> [SessionInfo] {
        if username != caller.account.username { _ = try await managed(username, by: caller) }
        return try await database.read { db in
            try await db.raw(
                """
                SELECT s.token_hash, a.username, s.kind, s.created_at, s.expires_at, s.last_seen_at
                FROM sessions s JOIN accounts a ON a.id = s.account_id
                WHERE a.username = \(bind: username) AND s.expires_at > \(bind: Timestamp.format(caller.at)) ORDER BY s.created_at DESC
                """
            ).all().map { row in
                SessionInfo(
                    id: String(try row.decode(column: "token_hash", as: String.self).prefix(16)),
                    username: try row.decode(column: "username", as: String.self), kind: try row.decode(column: "kind", as: String.self),
                    createdAt: try row.decode(column: "created_at", as: String.self),
                    expiresAt: try row.decode(column: "expires_at", as: String.self),
                    lastSeenAt: try row.decode(column: "last_seen_at", as: String?.self))
            }
        }
    }

    /// Ends one session or token by its id: the caller's own, or one the caller may manage.
    public func revoke(sessionID: String, caller: Caller) async throws {
        let id = sessionID.lowercased()
        guard id.count == 16, id.allSatisfy(\.isHexDigit) else { throw LibraryError.notFound(entity: "令牌", id: sessionID) }
        let owner = try await database.read { db in
            try await db.raw(
                """
                SELECT a.username FROM sessions s JOIN accounts a ON a.id = s.account_id
                WHERE substr(s.token_hash, 1, 16) = \(bind: id)
                """
            ).first()?.decode(column: "username", as: String.self)
        }
        guard let owner else { throw LibraryError.notFound(entity: "令牌", id: sessionID) }
        if owner != caller.account.username { _ = try await managed(owner, by: caller) }
        try await database.write { db in
            try await db.raw("DELETE FROM sessions WHERE substr(token_hash, 1, 16) = \(bind: id)").run()
            try await AuditLog.append(
                db, caller: caller, action: "revoke-token", entity: "session", entityID: id, detail: ["account": owner])
        }
    }

    /// Ends every API token of `username` (the office, or its department's admin); returns how many.
    @discardableResult
    public func revokeTokens(of username: String, caller: Caller) async throws -> Int {
        let account = try await managed(username, by: caller)
        return try await database.write { db in
            let count =
                try await db.raw(
                    "SELECT COUNT(*) AS n FROM sessions WHERE account_id = \(bind: account.id) AND kind = 'api'"
                ).first()?.decode(column: "n", as: Int.self) ?? 0
            try await db.raw("DELETE FROM sessions WHERE account_id = \(bind: account.id) AND kind = 'api'").run()
            try await AuditLog.append(
                db, caller: caller, action: "revoke-token", entity: "account", entityID: username, detail: ["tokens": String(count)])
            return count
        }
    }
}

/// A session joined with its account, read from one row: the account's columns as an
/// `AccountRow`, the session's as `Fields`.
struct SessionRow: Decodable {
    struct Fields: Decodable {
        var mustChangePassword: Int
        var csrfToken: String
        var expiresAt: String
        var kind: String
        var createdAt: String
        var lastSeenAt: String?
    }

    var owner: AccountRow
    var session: Fields

    init(from decoder: any Decoder) throws {
        owner = try AccountRow(from: decoder)
        session = try Fields(from: decoder)
    }
}
