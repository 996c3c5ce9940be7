// SPDX-License-Identifier: Apache-2.0

import SuijiCore

/// Errors of the HTTP layer itself.
public enum WebError: DomainError, Equatable {
    case loginRequired
    case csrfMismatch
    case badRequest(field: String?, message: String)
    case notFound

    public var code: String {
        switch self {
        case .loginRequired: "login_required"
        case .csrfMismatch: "csrf_mismatch"
        case .badRequest: "bad_request"
        case .notFound: "not_found"
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
        }
    }

    public var kind: ErrorKind {
        switch self {
        case .loginRequired: .unauthenticated
        case .csrfMismatch: .forbidden
        case .badRequest: .invalid
        case .notFound: .notFound
        }
    }
}
