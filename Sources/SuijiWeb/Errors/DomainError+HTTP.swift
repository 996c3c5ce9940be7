// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import SuijiCore
import SuijiDraw
import SuijiStore

/// Each area's error enum is an `HTTPResponseError`, so it answers correctly even where the
/// error middleware does not run; `ErrorMiddleware` renders the same body (or an HTML page).
extension HTTPResponseError where Self: DomainError {
    public var status: HTTPResponse.Status { kind.status }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        JSONBody.response(
            ErrorEnvelope(error: ErrorBody(code: code, message: message, field: field, status: kind.status, details: nil)),
            status: kind.status)
    }
}

extension LibraryError: HTTPResponseError {}
extension AuthError: HTTPResponseError {}
extension ImportError: HTTPResponseError {}
extension CreditCodeError: HTTPResponseError {}
extension WebError: HTTPResponseError {}
extension StateMachineError: HTTPResponseError {}
extension DrawError: HTTPResponseError {}
