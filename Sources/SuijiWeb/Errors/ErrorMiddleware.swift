// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import Logging
import SuijiCore
import SuijiStore

/// Turns every thrown error into a response: JSON `{error: {code, message, field?}}` under
/// `/api`, a Chinese error page elsewhere. Unexpected errors never show their text outside
/// development.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let pages: PageRenderer
    let showInternalErrors: Bool
    /// To keep the signed-in header on error pages (the session is resolved inside this middleware).
    let accounts: AccountStore
    let clock: AppClock

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let body = describe(error, context: context)
            if request.uri.path.hasPrefix("/api/") {
                return JSONBody.response(ErrorEnvelope(error: body), status: body.status)
            }
            if body.status == .unauthorized {
                let target = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
                return Response.redirect(
                    to: StaffPaths.login.href + "?next="
                        + (target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? StaffPaths.home.href))
            }
            var account = context.account
            var csrf = context.csrfToken
            if account == nil, let token = request.cookies[SessionMiddleware.cookieName]?.value,
                let session = try? await accounts.session(token: token, now: clock.now())
            {
                (account, csrf) = (session.0, session.csrfToken)
            }
            return pages.errorPage(body, account: account, csrf: csrf)
        }
    }

    func describe(_ error: any Error, context: Context) -> ErrorBody {
        switch error {
        case let error as any DomainError:
            let status = (error as? any HTTPResponseError)?.status ?? error.kind.status
            return ErrorBody(code: error.code, message: error.message, field: error.field, status: status, details: Self.details(error))
        case let error as HTTPError:
            return ErrorBody(
                code: "http_\(error.status.code)", message: Self.chineseReason(error.status), field: nil, status: error.status, details: nil
            )
        case let error as DecodingError:
            return ErrorBody(
                code: "bad_request", message: "请求内容格式有误：\(Self.describe(error))", field: Self.field(error), status: .badRequest,
                details: nil)
        default:
            context.logger.error("unexpected error: \(String(reflecting: error))")
            let message = showInternalErrors ? "服务器内部错误：\(error)" : "服务器内部错误，请稍后重试"
            return ErrorBody(code: "internal", message: message, field: nil, status: .internalServerError, details: nil)
        }
    }

    static func details(_ error: any DomainError) -> [RowIssue]? {
        if case ImportError.rejected(let report) = error { return report.issues }
        return nil
    }

    static func chineseReason(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 404: "页面不存在"
        case 405: "不支持的请求方法"
        case 413: "上传的文件过大"
        case 400: "请求有误"
        default: "请求失败（\(status.code)）"
        }
    }

    static func field(_ error: DecodingError) -> String? {
        switch error {
        case .keyNotFound(let key, _): key.stringValue
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            context.codingPath.last?.stringValue
        @unknown default: nil
        }
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): "缺少字段 \(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            "字段 \(context.codingPath.map(\.stringValue).joined(separator: ".")) 类型不对"
        case .dataCorrupted(let context): context.debugDescription
        @unknown default: "无法解析"
        }
    }
}

/// The body of an API error.
struct ErrorBody: Encodable, Sendable {
    var code: String
    var message: String
    var field: String?
    var status: HTTPResponse.Status
    /// Per-row issues of a refused import.
    var details: [RowIssue]?

    enum CodingKeys: String, CodingKey { case code, message, field, details }
}

struct ErrorEnvelope: Encodable, Sendable {
    var error: ErrorBody
}

extension ErrorKind {
    /// The HTTP status of the outcome class.
    var status: HTTPResponse.Status {
        switch self {
        case .invalid: .unprocessableContent
        case .unauthenticated: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict: .conflict
        }
    }
}

/// JSON responses with a fixed encoder (sorted keys, ISO dates).
enum JSONBody {
    /// JSON with sorted keys and ISO 8601 timestamps (`createdAt`, `enteredAt`, …). A value that
    /// cannot be encoded (a non-finite number, a failing `encode(to:)`) answers 500 with the
    /// error envelope, never an empty object that looks like success.
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        do {
            return json(try encoder.encode(value), status: status)
        } catch {
            let body = ErrorBody(
                code: "internal", message: "服务器内部错误：应答无法编码为 JSON", field: nil, status: .internalServerError, details: nil)
            // An envelope of strings and a status always encodes.
            return json((try? encoder.encode(ErrorEnvelope(error: body))) ?? Data(), status: .internalServerError)
        }
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    static func json(_ data: Data, status: HTTPResponse.Status) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A JSON request body that may be absent: an empty body is nil, a malformed one an error.
    static func optional<Body: Decodable>(_ type: Body.Type, _ request: Request, context: some RequestContext) async throws -> Body? {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let bytes = Data(buffer.readableBytesView)
        guard !bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return nil }
        return try AppRequestDecoder.decode(Body.self, from: bytes)
    }
}
