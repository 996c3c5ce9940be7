// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import SuijiCore
import SuijiDraw
import SuijiStore

/// Each area's error enum is an `HTTPResponseError`, so it answers correctly even where the
/// error middleware does not run; `ErrorMiddleware` renders the same body (or an HTML page).
extension DomainError {
    var httpStatus: HTTPResponse.Status { kind.status }

    func jsonResponse() -> Response {
        JSONBody.response(
            ErrorEnvelope(error: ErrorBody(code: code, message: message, field: field, status: kind.status, details: nil)),
            status: kind.status)
    }
}

extension LibraryError: HTTPResponseError {
    public var status: HTTPResponse.Status { httpStatus }
    public func response(from request: Request, context: some RequestContext) throws -> Response { jsonResponse() }
}

extension AuthError: HTTPResponseError {
    public var status: HTTPResponse.Status { httpStatus }
    public func response(from request: Request, context: some RequestContext) throws -> Response { jsonResponse() }
}

extension ImportError: HTTPResponseError {
    public var status: HTTPResponse.Status { httpStatus }
    public func response(from request: Request, context: some RequestContext) throws -> Response { jsonResponse() }
}

extension CreditCodeError: HTTPResponseError {
    public var status: HTTPResponse.Status { httpStatus }
    public func response(from request: Request, context: some RequestContext) throws -> Response { jsonResponse() }
}

extension WebError: HTTPResponseError {
    public var status: HTTPResponse.Status { httpStatus }
    public func response(from request: Request, context: some RequestContext) throws -> Response { jsonResponse() }
}

extension PlanError: HTTPResponseError {
    public var status: HTTPResponse.Status { httpStatus }
    public func response(from request: Request, context: some RequestContext) throws -> Response { jsonResponse() }
}

extension DrawError: HTTPResponseError {
    public var status: HTTPResponse.Status { httpStatus }
    public func response(from request: Request, context: some RequestContext) throws -> Response { jsonResponse() }
}

extension InspectionError: HTTPResponseError {
    public var status: HTTPResponse.Status { httpStatus }
    public func response(from request: Request, context: some RequestContext) throws -> Response { jsonResponse() }
}

extension FollowUpError: HTTPResponseError {
    public var status: HTTPResponse.Status { httpStatus }
    public func response(from request: Request, context: some RequestContext) throws -> Response { jsonResponse() }
}
