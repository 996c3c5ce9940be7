// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// `/api/v1/{items,targets,inspectors,experts}`: list, show, create, update — scoped to the
/// caller's department.
struct LibraryAPIController<Resource: LibraryResource> {
    let resource: Resource
    let clock: AppClock

    func addRoutes(to routes: AppRoutes) {
        let router = routes.signedIn()
        let group = router.group("/api/v1/\(Resource.path)")
        group.get(use: list)
        group.post(use: create)
        group.get("/:id", use: show)
        group.put("/:id", use: update)
    }

    @Sendable func list(request: Request, context: SignedInContext) async throws -> Response {
        let account = context.account
        var query = ListQueryParameters.parse(request.uri.queryParameters, filters: Resource.filters)
        query.paging = try APIQuery.paging(request.uri.queryParameters, defaultPerPage: 50)
        let page = try await resource.list(scope: AccessPolicy.readScope(account), query: query)
        return JSONBody.response(PageDTO(items: page.items, total: page.total, page: page.page, perPage: page.perPage))
    }

    @Sendable func show(request: Request, context: SignedInContext) async throws -> Response {
        let account = context.account
        let id = try context.parameters.require("id", as: Int64.self)
        return JSONBody.response(try await resource.get(id: id, scope: AccessPolicy.readScope(account)))
    }

    @Sendable func create(request: Request, context: SignedInContext) async throws -> Response {
        let input = try await request.decode(as: Resource.Input.self, context: context)
        let record = try await resource.create(input, caller: context.caller)
        return JSONBody.response(record, status: .created)
    }

    @Sendable func update(request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.parameters.require("id", as: Int64.self)
        let input = try await request.decode(as: Resource.Input.self, context: context)
        return JSONBody.response(try await resource.update(id: id, input, caller: context.caller))
    }
}

/// A page of a listing in the API.
struct PageDTO<Item: Encodable & Sendable>: Encodable, Sendable {
    var items: [Item]
    var total: Int
    var page: Int
    var perPage: Int
}

/// `?q=&department=&page=&perPage=` plus the resource's filters.
enum ListQueryParameters {
    static func parse(_ parameters: Parameters, filters: [FilterSpec]) -> ListQuery {
        var values: [String: String] = [:]
        for filter in filters {
            if let value = parameters[Substring(filter.column)] ?? parameters[Substring(camel(filter.column))] {
                values[filter.column] = String(value)
            }
        }
        return ListQuery(
            search: parameters["q"].map(String.init) ?? "",
            department: parameters["department"].map(String.init).flatMap { $0.isEmpty ? nil : $0 },
            filters: values,
            paging: Paging(page: parameters["page"], perPage: parameters["perPage"] ?? parameters["per_page"], defaultPerPage: 50))
    }

    /// `risk_class` → `riskClass`, so API clients can use either spelling.
    static func camel(_ column: String) -> String {
        let parts = column.split(separator: "_")
        return parts.enumerated().map { $0.offset == 0 ? String($0.element) : $0.element.capitalized }.joined()
    }
}
