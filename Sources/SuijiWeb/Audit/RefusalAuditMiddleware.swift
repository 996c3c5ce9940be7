// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import Logging
import SuijiCore
import SuijiStore

/// Writes an audit row for each refused request (403: a role or department that may not, a
/// form whose CSRF token is wrong) before the error goes on to be answered.
struct RefusalAuditMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let database: SuijiDatabase
    let clock: AppClock
    let trustForwardedFor: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any DomainError where error.kind == .forbidden {
            if (error as? WebError) != .passwordChangeRequired {
                await Self.record(
                    error, request: request, context: context, database: database, clock: clock, trustForwardedFor: trustForwardedFor)
            }
            throw error
        }
    }

    /// The audit row of a refusal (a failure to write it is logged, never hides the refusal).
    static func record(
        _ error: any DomainError, request: Request, context: Context, database: SuijiDatabase, clock: AppClock, trustForwardedFor: Bool
    ) async {
        let caller = context.account.map { Caller(account: $0, at: clock.now()) } ?? .anonymous(at: clock.now())
        let detail = RefusalDetail(
            code: error.code, reason: String(error.message.prefix(200)),
            address: context.clientAddress(request, trustForwardedFor: trustForwardedFor))
        do {
            try await AuditLog.record(
                database, caller: caller, action: "refuse", entity: "request",
                entityID: "\(request.method.rawValue) \(AccessLogMiddleware.path(request.uri.path).prefix(200))", detail: detail)
        } catch {
            context.logger.error("could not audit a refusal: \(error)")
        }
    }
}

struct RefusalDetail: Encodable, Sendable {
    var code: String
    var reason: String
    var address: String?
}
