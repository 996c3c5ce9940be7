// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import Synchronization

/// Answers a request whose path exists with another method 405 Method Not Allowed with an
/// `Allow` header (HTTP semantics, found by schemathesis: `TRACE /api/v1/me` answered 404),
/// instead of the router's 404. The routes are known once the router is built (`RouteTable`).
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let routes: RouteTable
    let pages: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        // Only the router's own "no such route" (not a record that is not found).
        guard response.status == .notFound, context.coreContext.endpointPath.value == "NotFound" else { return response }
        let allowed = routes.methods(for: request.uri.path)
        guard !allowed.isEmpty, !allowed.contains(request.method) else { return response }
        let methods = allowed.map(\.rawValue).sorted()
        let body = ErrorBody(
            code: "method_not_allowed", message: "不支持的请求方法 \(request.method.rawValue)：该地址只接受 \(methods.joined(separator: "、"))", field: nil,
            status: .methodNotAllowed, details: nil)
        var refused =
            request.uri.path.hasPrefix("/api/")
            ? JSONBody.response(ErrorEnvelope(error: body), status: .methodNotAllowed)
            : pages.errorPage(body, account: context.account)
        refused.headers[.allow] = methods.joined(separator: ", ")
        return refused
    }
}

/// The router's routes (path templates by method), recorded once every route is added, and
/// which of them are behind `SignedInRoutes` (with their access), recorded as they are added.
final class RouteTable: Sendable {
    private let table = Mutex<[(segments: [Substring], method: HTTPRequest.Method)]>([])
    private let guarded = Mutex<[String: String]>([:])

    /// Records a route added through `SignedInRoutes`.
    func signedIn(method: HTTPRequest.Method, path: String, access: RouteAccess) {
        guarded.withLock { $0["\(method.rawValue) \(path)"] = access.name }
    }

    /// `METHOD /path` of each signed-in route, with its access's name.
    var signedInRoutes: [String: String] { guarded.withLock { $0 } }

    /// Records `routes` (`/api/v1/items/:id`, `/public/data/{file}` …).
    func record(_ routes: [(path: String, method: HTTPRequest.Method)]) {
        table.withLock { $0 = routes.map { ($0.path.split(separator: "/"), $0.method) } }
    }

    /// The methods of the routes whose template matches `path`.
    func methods(for path: String) -> Set<HTTPRequest.Method> {
        let segments = path.split(separator: "/")
        return table.withLock { table in
            Set(
                table.filter { route in
                    route.segments.count == segments.count
                        && zip(route.segments, segments).allSatisfy { template, segment in
                            template == segment || template.hasPrefix(":") || template.hasPrefix("{") || template.hasPrefix("*")
                        }
                }.map(\.method))
        }
    }
}
