// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import SuijiCore

/// Routes only a signed-in account reaches. The group's `RequireAccountMiddleware` refuses an
/// anonymous request (401 under `/api/`, the login page elsewhere, through `ErrorMiddleware`)
/// before any handler runs, so a route added here cannot forget the check; the handler receives
/// the account. Used by `HistoryAPIController`; see docs/architecture.md.
struct SignedInRoutes {
    let group: RouterGroup<AppRequestContext>

    /// The routes under `prefix` (e.g. `/api/v1`) added through this value.
    init(_ router: Router<AppRequestContext>, under prefix: RouterPath) {
        group = router.group(prefix).add(middleware: RequireAccountMiddleware())
    }

    typealias Handler = @Sendable (Request, AppRequestContext, Account) async throws -> Response

    func get(_ path: RouterPath, _ handler: @escaping Handler) {
        group.get(path) { request, context in try await handler(request, context, try context.requireAccount()) }
    }

    func post(_ path: RouterPath, _ handler: @escaping Handler) {
        group.post(path) { request, context in try await handler(request, context, try context.requireAccount()) }
    }
}

/// Refuses a request without a signed-in account (`WebError.loginRequired`).
struct RequireAccountMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        _ = try context.requireAccount()
        return try await next(request, context)
    }
}
