// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import NIOCore

/// Sets each request's body limit (`BodyLimits`) once the caller is known, and refuses a body
/// whose declared length is over it before reading any of it (an upload's own reader streams it
/// to disk and refuses it at the limit, naming the field). Every body reader goes through
/// `context.maxUploadSize`, so a body without a declared length (chunked) is cut at the limit
/// too; reading past it answers 413 instead of an internal error.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let (limit, upload) = BodyLimits.limit(method: request.method, path: request.uri.path, signedIn: context.account != nil)
        context.bodyLimit = limit
        if !upload, let declared = request.headers[.contentLength], let length = Int(declared), length > limit {
            // Without an account, an API call other than logging in or the public search would be
            // refused anyway: say so (401) rather than that the body is too large.
            let path = request.uri.path
            if context.account == nil, path.hasPrefix("/api/"), !path.hasPrefix("/api/v1/auth/"), !path.hasPrefix("/api/v1/public/") {
                throw WebError.loginRequired
            }
            throw BodyTooLarge(limit: limit)
        }
        do {
            return try await next(request, context)
        } catch is NIOTooManyBytesError {
            throw BodyTooLarge(limit: limit)
        }
    }
}
