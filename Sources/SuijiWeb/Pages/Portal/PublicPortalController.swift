// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import Hummingbird
import SuijiCore
import SuijiStore

/// The public portal ("一公开", no login): item lists per department, published joint plans with
/// their draws, and each target's published results, searchable by name or credit code. Personal
/// data is masked by `PersonalDataMask` in the store.
struct PublicPortalController {
    let stores: Stores
    let pages: PageRenderer

    func addRoutes(to routes: AppRoutes) {
        let router = routes.open
        router.get(PublicPaths.home, use: home)
        router.get(PublicPaths.items, use: items)
        router.get(PublicPaths.plans, use: plans)
        router.get(PublicPaths.plan, use: plan)
        router.get(PublicPaths.targets, use: targets)
        router.get(PublicPaths.target, use: target)
        router.get("/api/v1/public/targets") { request, _ in
            let parameters = request.uri.queryParameters
            let paging = try APIQuery.paging(parameters, defaultPerPage: Self.perPage, maxPerPage: PublicRecordStore.maxPerPage)
            let found = try await stores.publicRecords.search(Self.query(request), page: paging.page, perPage: paging.perPage)
            var response = JSONBody.response(found.targets)
            response.headers[Self.totalCount] = "\(found.total)"
            return response
        }
        router.get("/api/v1/public/targets/:uid") { _, context in
            guard let record = try await stores.publicRecords.record(uid: try context.parameters.require("uid")) else {
                throw WebError.notFound
            }
            return JSONBody.response(record)
        }
    }

    /// Targets per page of the public search.
    static let perPage = 50
    /// The number of targets the public search API matched, over all its pages.
    static let totalCount = HTTPField.Name("X-Total-Count")!

    static func query(_ request: Request) -> String { (request.uri.queryParameters["q"].map(String.init) ?? "").trimmed }

    /// Published plans (approved or later, and published by the office), newest first.
    func publicPlans() async throws -> [Plan] {
        try await stores.publicRecords.portalPlans()
    }

    @Sendable func home(request: Request, context: AppRequestContext) async throws -> Response {
        let departments = try await stores.departments.all()
        let names = Dictionary(departments.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let model = PublicHomePage(
            departments: departments.map { .init(code: $0.code, name: $0.name) },
            plans: try await publicPlans().prefix(20).map { PublicPlanRow($0, names: names) })
        return pages.render("public-home", model, account: context.account, csrf: context.csrfToken)
    }

    @Sendable func items(request: Request, context: AppRequestContext) async throws -> Response {
        let departments = try await stores.departments.all()
        let chosen = request.uri.queryParameters["department"].map(String.init) ?? departments.first?.code ?? ""
        guard departments.contains(where: { $0.code == chosen }) || departments.isEmpty else { throw WebError.notFound }
        let found = try await stores.items.list(scope: .only(chosen), query: ListQuery(filters: ["published": "1"], perPage: 1000)).items
        let model = PublicItemsPage(
            departments: departments.map { .init(code: $0.code, name: $0.name, selected: $0.code == chosen) },
            department: departments.first { $0.code == chosen }?.name ?? chosen, items: found.map(PublicItemsPage.Item.init),
            count: found.count, isEmpty: found.isEmpty)
        return pages.render("public-items", model, account: context.account, csrf: context.csrfToken)
    }

    @Sendable func plans(request: Request, context: AppRequestContext) async throws -> Response {
        let names = try await stores.departments.names()
        let found = try await publicPlans()
        let model = PublicPlansPage(plans: found.map { PublicPlanRow($0, names: names) }, isEmpty: found.isEmpty)
        return pages.render("public-plans", model, account: context.account, csrf: context.csrfToken)
    }

    @Sendable func plan(request: Request, context: AppRequestContext) async throws -> Response {
        guard let id = Int64(try context.parameters.require("id")) else { throw WebError.notFound }
        guard let plan = try await stores.publicRecords.portalPlan(id: id) else { throw WebError.notFound }
        let library = try await LibraryNames.load(stores)
        let names = library.departments
        let itemNames = library.items
        let batches = try await stores.publicRecords.batches(planID: id)
        let draws = try await stores.publicRecords.draws(planID: id)
        let model = PublicPlanPage(
            plan: plan, names: names, itemNames: itemNames, batches: batches, draws: draws, scope: library.scope(plan.scope))
        return pages.render("public-plan", model, account: context.account, csrf: context.csrfToken)
    }

    @Sendable func targets(request: Request, context: AppRequestContext) async throws -> Response {
        let query = Self.query(request)
        let parameters = request.uri.queryParameters
        let paging = Paging(page: parameters["page"], defaultPerPage: Self.perPage, maxPerPage: Self.perPage)
        let found = try await stores.publicRecords.search(query, page: paging.page, perPage: paging.perPage)
        let links = TableLinks(path: PublicPaths.targets.href, parameters: parameters)
        let model = PublicTargetsPage(
            query: query, searched: !query.isEmpty, targets: found.targets.map(PublicTargetsPage.Row.init), isEmpty: found.targets.isEmpty,
            total: found.total, truncated: found.truncated,
            pager: links.pager(page: found.page, pageCount: found.pageCount, total: found.total))
        return pages.render("public-targets", model, account: context.account, csrf: context.csrfToken)
    }

    @Sendable func target(request: Request, context: AppRequestContext) async throws -> Response {
        let uid = try context.parameters.require("uid")
        return try await pages.publicPage(
            "public-target \(uid)", template: "public-target", account: context.account, csrf: context.csrfToken,
            stamp: stores.database.dataStamp()
        ) {
            guard let record = try await stores.publicRecords.record(uid: uid) else { throw WebError.notFound }
            return PublicTargetPage(record, names: try await stores.departments.names())
        }
    }
}
