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
    let router = Router(context: AppRequestContext.self)
    if let logger = configuration.accessLogger {
        router.add(middleware: AccessLogMiddleware(logger: logger, trustForwardedFor: configuration.trustForwardedFor))
    }
    let routes = RouteTable()
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: MethodNotAllowedMiddleware(routes: routes, pages: pages))
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

    let logins = LoginGuard()
    AuthController(
        accounts: stores.accounts, pages: pages, clock: clock, secureCookies: configuration.secureCookies, logins: logins,
        trustForwardedFor: configuration.trustForwardedFor
    ).addRoutes(to: router)
    AccountAdminController(stores: stores, pages: pages, clock: clock, logins: logins).addRoutes(to: router)
    AccountPagesController(stores: stores, pages: pages, clock: clock, logins: logins).addRoutes(to: router)
    InspectorLoginsController(stores: stores, pages: pages, clock: clock).addRoutes(to: router)
    HomeController(stores: stores, pages: pages, clock: clock).addRoutes(to: router)

    LibraryAPIController(resource: stores.items, clock: clock).addRoutes(to: router)
    LibraryAPIController(resource: stores.targets, clock: clock).addRoutes(to: router)
    LibraryAPIController(resource: stores.inspectors, clock: clock).addRoutes(to: router)
    LibraryAPIController(resource: stores.experts, clock: clock).addRoutes(to: router)
    LibraryPagesController(resource: stores.items, stores: stores, pages: pages, clock: clock).addRoutes(to: router)
    LibraryPagesController(resource: stores.targets, stores: stores, pages: pages, clock: clock).addRoutes(to: router)
    LibraryPagesController(resource: stores.inspectors, stores: stores, pages: pages, clock: clock).addRoutes(to: router)
    LibraryPagesController(resource: stores.experts, stores: stores, pages: pages, clock: clock).addRoutes(to: router)

    ImportExportController(stores: stores, clock: clock).addRoutes(to: router)
    ImportPagesController(stores: stores, pages: pages, clock: clock).addRoutes(to: router)
    HistoryAPIController(stores: stores, clock: clock).addRoutes(to: router)
    AdminAPIController(stores: stores, clock: clock).addRoutes(to: router)
    AdminPagesController(stores: stores, pages: pages, clock: clock).addRoutes(to: router)
    PlanAPIController(stores: stores, clock: clock).addRoutes(to: router)
    DrawAPIController(stores: stores, clock: clock).addRoutes(to: router)
    InspectionAPIController(stores: stores, clock: clock).addRoutes(to: router)
    FollowUpAPIController(stores: stores, clock: clock).addRoutes(to: router)
    CreditAPIController(stores: stores, clock: clock).addRoutes(to: router)
    PublicDrawController(stores: stores, pages: pages, clock: clock).addRoutes(to: router)
    AnnualPlanAPIController(stores: stores, clock: clock).addRoutes(to: router)
    AnnualPlanPagesController(stores: stores, pages: pages, clock: clock).addRoutes(to: router)
    PublicPortalController(stores: stores, pages: pages).addRoutes(to: router)
    PublicOpenDataController(stores: stores, pages: pages).addRoutes(to: router)
    PlanPagesController(stores: stores, pages: pages, clock: clock).addRoutes(to: router)
    DrawPagesController(stores: stores, pages: pages, clock: clock).addRoutes(to: router)
    InspectionPagesController(stores: stores, pages: pages, clock: clock).addRoutes(to: router)
    InspectionRecordsAPIController(stores: stores, pages: pages, clock: clock).addRoutes(to: router)
    FollowUpPagesController(stores: stores, pages: pages, clock: clock).addRoutes(to: router)
    OversightAPIController(stores: stores, clock: clock).addRoutes(to: router)
    OversightPagesController(stores: stores, pages: pages, clock: clock).addRoutes(to: router)
    CalendarPagesController(stores: stores, pages: pages, clock: clock).addRoutes(to: router)
    OutsideCheckPagesController(stores: stores, pages: pages, clock: clock).addRoutes(to: router)
    ExchangeController(stores: stores, pages: pages, clock: clock).addRoutes(to: router)
    routes.record(router.routes.map { ($0.path.description, $0.method) })
    return router
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
