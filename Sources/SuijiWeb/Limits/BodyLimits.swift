// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import SuijiCore

/// How many bytes a request body may have, by route and caller (issue 11.2): a few KB for a
/// caller without an account (login, `/api/v1/auth/token`), a small limit for the JSON and form
/// bodies of signed-in users, and a large one only for a signed-in user's upload (imports,
/// attachments). One table, applied by `BodyLimitMiddleware` before any handler reads a byte.
enum BodyLimits {
    /// Any request of a caller without an account: the login form and the token request.
    static let anonymous = 8 * 1024
    /// JSON and form bodies of a signed-in user (a finding's notes, a plan, a batch …).
    static let form = 64 * 1024
    /// An attachment (photo, scan, PDF) with its form fields.
    static let attachment = AttachmentRules.maxBytes + 64 * 1024
    /// A library import (CSV or XLSX of hundreds of thousands of targets), spooled to disk.
    static let importFile = 256 * 1024 * 1024

    /// The upload routes: method POST and a path matching one of these (`*` matches one segment).
    static let uploads: [(pattern: [Substring], limit: Int)] = [
        (["api", "v1", "imports", "*"], importFile),
        (["imports"], importFile),
        (["api", "v1", "inspections", "*", "attachments"], attachment),
        (["inspections", "*", "attachments"], attachment),
    ]

    /// The limit of a request to `path` with `method`, by a caller signed in or not, and whether
    /// it is an upload (read as a stream, refused by its reader with a message naming the field).
    static func limit(method: HTTPRequest.Method, path: String, signedIn: Bool) -> (bytes: Int, upload: Bool) {
        guard signedIn else { return (anonymous, false) }
        guard method == .post else { return (form, false) }
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        for upload in uploads where upload.pattern.count == segments.count {
            if zip(upload.pattern, segments).allSatisfy({ $0 == "*" || $0 == $1 }) { return (upload.limit, true) }
        }
        return (form, false)
    }

    /// "8 KB", "64 KB", "10 MB", for messages.
    static func text(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 ? "\(bytes / (1024 * 1024)) MB" : "\(max(1, bytes / 1024)) KB"
    }
}

/// A request body over its route's limit (HTTP 413), with the limit in the message.
struct BodyTooLarge: DomainError, HTTPResponseError {
    var limit: Int
    var code: String { "body_too_large" }
    var field: String? { nil }
    var message: String { "请求内容超过 \(BodyLimits.text(limit)) 的上限，已拒绝" }
    var kind: ErrorKind { .invalid }
    var status: HTTPResponse.Status { .contentTooLarge }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONBody.response(
            ErrorEnvelope(error: ErrorBody(code: code, message: message, field: nil, status: status, details: nil)), status: status)
    }
}
