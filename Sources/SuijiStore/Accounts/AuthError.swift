// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore

/// Errors of authentication.
public enum AuthError: DomainError, Equatable {
    case badCredentials
    case sessionExpired
    case invalidAccount(field: String, message: String)
    /// Too many failed logins: the account name is locked for a while (the office can lift it).
    case locked
    /// Too many logins are being checked at once: try again in a moment.
    case busy
    /// Too many failed attempts from this name or address: wait this many seconds.
    case throttled(seconds: Int)

    public var code: String {
        switch self {
        case .badCredentials: "bad_credentials"
        case .sessionExpired: "session_expired"
        case .invalidAccount: "invalid_account"
        case .locked: "account_locked"
        case .busy: "busy"
        case .throttled: "too_many_attempts"
        }
    }

    public var field: String? {
        switch self {
        case .invalidAccount(let field, _): field
        default: nil
        }
    }

    public var message: String {
        switch self {
        case .badCredentials: "用户名或密码错误"
        case .sessionExpired: "登录已过期，请重新登录"
        case .invalidAccount(_, let message): message
        case .locked: "该账号因连续多次登录失败已被暂时锁定，请一小时后再试，或请联席会议办公室解锁"
        case .busy: "登录请求过多，请稍后再试"
        case .throttled(let seconds): "登录尝试过于频繁，请 \(seconds) 秒后再试"
        }
    }

    public var kind: ErrorKind {
        switch self {
        case .badCredentials, .sessionExpired, .locked, .throttled: .unauthenticated
        case .invalidAccount: .invalid
        case .busy: .conflict
        }
    }
}
