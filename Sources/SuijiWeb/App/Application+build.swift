// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import SuijiCore
import SuijiStore

/// The one composition root: `serve`, `demo` and the tests all build the app here.
public func buildRouter(stores: Stores, pages: PageRenderer, clock: AppClock, configuration: AppConfiguration) -> Router<AppRequestContext>
{
    buildRoutes(stores: stores, pages: pages, clock: clock, configuration: configuration).router
}

/// The router and its route table (which routes are behind `SignedInRoutes`, for the tests).
func buildRoutes(stores: Stores, pages: PageRenderer, clock: AppClock, configuration: AppConfiguration) -> (
    router: Router<AppRequestContext>, table: RouteTable
) {
    let router = Router(context: AppRequestContext.self)
    if let logger = configuration.accessLogger {
        router.add(middleware: AccessLogMiddleware(logger: logger, trustForwardedFor: configuration.trustForwardedFor))
    }
    let table = RouteTable()
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: MethodNotAllowedMiddleware(routes: table, pages: pages))
    router.add(
        middleware: ErrorMiddleware(
            pages: pages, showInternalErrors: configuration.showInternalErrors, accounts: stores.accounts, clock: clock))
    router.add(middleware: StaticFilesMiddleware())
    router.add(middleware: SessionMiddleware(accounts: stores.accounts, clock: clock, trustForwardedFor: configuration.trustForwardedFor))
    router.add(
        middleware: RefusalAuditMiddleware(database: stores.database, clock: clock, trustForwardedFor: configuration.trustForwardedFor))
    router.add(middleware: BodyLimitMiddleware())
    router.add(middleware: DepartmentNamesMiddleware(departments: stores.departments, cache: pages.departments))
    router.get("/health") { _, _ in "ok" }
    let routes = AppRoutes(open: router, table: table)

    let logins = LoginGuard()
    AuthController(
        accounts: stores.accounts, pages: pages, clock: clock, secureCookies: configuration.secureCookies, logins: logins,
        trustForwardedFor: configuration.trustForwardedFor
    ).addRoutes(to: routes)
    AccountAdminController(stores: stores, pages: pages, clock: clock, logins: logins).addRoutes(to: routes)
    AccountPagesController(stores: stores, pages: pages, clock: clock, logins: logins).addRoutes(to: routes)
    InspectorLoginsController(stores: stores, pages: pages, clock: clock).addRoutes(to: routes)
    HomeController(stores: stores, pages: pages, clock: clock).addRoutes(to: routes)

    LibraryAPIController(resource: stores.items, clock: clock).addRoutes(to: routes)
    LibraryAPIController(resource: stores.targets, clock: clock).addRoutes(to: routes)
    LibraryAPIController(resource: stores.inspectors, clock: clock).addRoutes(to: routes)
    LibraryAPIController(resource: stores.experts, clock: clock).addRoutes(to: routes)
    LibraryPagesController(resource: stores.items, stores: stores, pages: pages, clock: clock).addRoutes(to: routes)
    LibraryPagesController(resource: stores.targets, stores: stores, pages: pages, clock: clock).addRoutes(to: routes)
    LibraryPagesController(resource: stores.inspectors, stores: stores, pages: pages, clock: clock).addRoutes(to: routes)
    LibraryPagesController(resource: stores.experts, stores: stores, pages: pages, clock: clock).addRoutes(to: routes)

    ImportExportController(stores: stores, clock: clock).addRoutes(to: routes)
    ImportPagesController(stores: stores, pages: pages, clock: clock).addRoutes(to: routes)
    HistoryAPIController(stores: stores, clock: clock).addRoutes(to: routes)
    AdminAPIController(stores: stores, clock: clock).addRoutes(to: routes)
    AdminPagesController(stores: stores, pages: pages, clock: clock).addRoutes(to: routes)
    PlanAPIController(stores: stores, clock: clock).addRoutes(to: routes)
    DrawAPIController(stores: stores, clock: clock).addRoutes(to: routes)
    InspectionAPIController(stores: stores, clock: clock).addRoutes(to: routes)
    FollowUpAPIController(stores: stores, clock: clock).addRoutes(to: routes)
    CreditAPIController(stores: stores, clock: clock).addRoutes(to: routes)
    PublicDrawController(stores: stores, pages: pages, clock: clock).addRoutes(to: routes)
    AnnualPlanAPIController(stores: stores, clock: clock).addRoutes(to: routes)
    AnnualPlanPagesController(stores: stores, pages: pages, clock: clock).addRoutes(to: routes)
    PublicPortalController(stores: stores, pages: pages).addRoutes(to: routes)
    PublicOpenDataController(stores: stores, pages: pages).addRoutes(to: routes)
    PlanPagesController(stores: stores, pages: pages, clock: clock).addRoutes(to: routes)
    DrawPagesController(stores: stores, pages: pages, clock: clock).addRoutes(to: routes)
    InspectionPagesController(stores: stores, pages: pages, clock: clock).addRoutes(to: routes)
    InspectionRecordsAPIController(stores: stores, pages: pages, clock: clock).addRoutes(to: routes)
    FollowUpPagesController(stores: stores, pages: pages, clock: clock).addRoutes(to: routes)
    OversightAPIController(stores: stores, clock: clock).addRoutes(to: routes)
    OversightPagesController(stores: stores, pages: pages, clock: clock).addRoutes(to: routes)
    CalendarPagesController(stores: stores, pages: pages, clock: clock).addRoutes(to: routes)
    OutsideCheckPagesController(stores: stores, pages: pages, clock: clock).addRoutes(to: routes)
    ExchangeController(stores: stores, pages: pages, clock: clock).addRoutes(to: routes)
    table.record(router.routes.map { ($0.path.description, $0.method) })
    return (router, table)
}

/// The HTTP application over `stores`, with its background `services` (the daily risk-class
/// lowering of `suiji serve`) run beside the server and shut down with it.
public func buildApplication(
    stores: Stores, configuration: AppConfiguration, clock: AppClock = .system, logger: Logger, services: [any Service] = []
) async throws -> some ApplicationProtocol {
    let pages = try await PageRenderer.bundled()
    let router = buildRouter(stores: stores, pages: pages, clock: clock, configuration: configuration)
    var application = Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "suiji"),
        services: services, logger: logger)
    if let seal = stores.auditSeal {
        application.addServices(
            AuditCheckpointService(database: stores.database, seal: seal, interval: .seconds(60), clock: clock, logger: logger))
    }
    return application
}
