// SPDX-License-Identifier: Apache-2.0

import HTTPTypes
import Hummingbird
import SuijiCore

/// Routes only a signed-in account reaches, optionally only some roles (`RouteAccess`). The
/// group's context, `SignedInContext`, cannot be built without an account (401 under `/api/`,
/// the login page elsewhere, through `ErrorMiddleware`); its middleware then checks every form
/// write's CSRF token (`FormCSRFMiddleware`) and the role (`RouteAccessMiddleware`) — all before
/// the handler runs, so a route added here cannot forget a check. The handler reads
/// `context.account` / `context.caller`. Each route is recorded in the `RouteTable` with its
/// access (`RouteInventoryTests` checks that every route is either here or explicitly public).
/// See docs/architecture.md.
struct SignedInRoutes {
    let group: RouterGroup<SignedInContext>
    let access: RouteAccess
    let table: RouteTable
    /// Prepended to each path added through this value.
    let prefix: String

    init(_ router: Router<AppRequestContext>, access: RouteAccess, table: RouteTable) {
        group = router.group(context: SignedInContext.self)
            .add(middleware: FormCSRFMiddleware())
            .add(middleware: RouteAccessMiddleware(access: access))
        self.access = access
        self.table = table
        prefix = ""
    }

    private init(group: RouterGroup<SignedInContext>, access: RouteAccess, table: RouteTable, prefix: String) {
        self.group = group
        self.access = access
        self.table = table
        self.prefix = prefix
    }

    /// The same group with `path` prepended to the routes added through it.
    func group(_ path: String) -> SignedInRoutes {
        SignedInRoutes(group: group, access: access, table: table, prefix: prefix + path)
    }

    typealias Handler<Output: ResponseGenerator> = @Sendable (Request, SignedInContext) async throws -> Output

    @discardableResult
    func on<Output: ResponseGenerator>(_ path: String, method: HTTPRequest.Method, use handler: @escaping Handler<Output>) -> Self {
        let full = RouterPath(prefix + path)
        table.signedIn(method: method, path: full.description, access: access)
        group.on(full, method: method, use: handler)
        return self
    }

    @discardableResult
    func get<Output: ResponseGenerator>(_ path: String = "", use handler: @escaping Handler<Output>) -> Self {
        on(path, method: .get, use: handler)
    }

    @discardableResult
    func post<Output: ResponseGenerator>(_ path: String = "", use handler: @escaping Handler<Output>) -> Self {
        on(path, method: .post, use: handler)
    }

    @discardableResult
    func put<Output: ResponseGenerator>(_ path: String = "", use handler: @escaping Handler<Output>) -> Self {
        on(path, method: .put, use: handler)
    }

    @discardableResult
    func delete<Output: ResponseGenerator>(_ path: String = "", use handler: @escaping Handler<Output>) -> Self {
        on(path, method: .delete, use: handler)
    }
}

/// The route groups a controller registers into: `open` for the explicitly public routes (the
/// portal, logging in and out, static answers), `signedIn(_:)` for everything else.
struct AppRoutes {
    let open: Router<AppRequestContext>
    let table: RouteTable

    /// The routes any signed-in account (or, with `access`, only some roles) reaches.
    func signedIn(_ access: RouteAccess = .signedIn) -> SignedInRoutes {
        SignedInRoutes(open, access: access, table: table)
    }
}
