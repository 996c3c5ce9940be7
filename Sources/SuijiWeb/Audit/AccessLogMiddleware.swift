// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import Logging

/// One structured line per request (swift-log, level `notice`): method, path without the query
/// (queries may carry search terms or tokens), status, duration, account id and client address.
/// Bodies, cookies, passwords and tokens are never logged.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let logger: Logger
    let trustForwardedFor: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context: context, status: response.status.code, since: started)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            log(request, context: context, status: status, since: started)
            throw error
        }
    }

    private func log(_ request: Request, context: Context, status: Int, since started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15
        var metadata: Logger.Metadata = [
            "method": "\(request.method.rawValue)", "path": "\(Self.path(request.uri.path))", "status": "\(status)",
            "ms": "\(String(format: "%.1f", milliseconds))",
        ]
        if let account = context.trace.accountID { metadata["account"] = "\(account)" }
        if let address = context.clientAddress(request, trustForwardedFor: trustForwardedFor) { metadata["client"] = "\(address)" }
        logger.notice("request", metadata: metadata)
    }

    /// The path as logged: bounded, control characters escaped.
    static func path(_ path: String) -> String {
        String(
            path.prefix(300).unicodeScalars.map {
                $0.value < 0x20 || $0.value == 0x7F ? "%" + String(format: "%02X", $0.value) : String($0)
            }
            .joined())
    }
}
