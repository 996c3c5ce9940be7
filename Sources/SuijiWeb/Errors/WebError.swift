// SPDX-License-Identifier: Apache-2.0

import SuijiCore

/// Errors of the HTTP layer itself.
public enum WebError: DomainError, Equatable {
    case loginRequired
    case csrfMismatch
    case badRequest(field: String?, message: String)
    case notFound
    /// The account still has its one-time password: only changing it is allowed.
    case passwordChangeRequired

    public var code: String {
        switch self {
        case .loginRequired: "login_required"
        case .csrfMismatch: "csrf_mismatch"
        case .badRequest: "bad_request"
        case .notFound: "not_found"
        case .passwordChangeRequired: "password_change_required"
        }
    }

    public var field: String? {
        if case .badRequest(let field, _) = self { return field }
        return nil
    }

    public var message: String {
        switch self {
        case .loginRequired: "请先登录"
        case .csrfMismatch: "表单已过期，请刷新页面后重试"
        case .badRequest(_, let message): message
        case .notFound: "页面不存在"
        case .passwordChangeRequired: "请先修改初始密码（POST /api/v1/me/password，或登录后在“我的账号”页面修改）"
        }
    }

    public var kind: ErrorKind {
        switch self {
        case .loginRequired: .unauthenticated
        case .csrfMismatch, .passwordChangeRequired: .forbidden
        case .badRequest: .invalid
        case .notFound: .notFound
        }
    }
}
