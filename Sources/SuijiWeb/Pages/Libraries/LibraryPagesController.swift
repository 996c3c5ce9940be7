// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// Staff pages of one library: list with search, filters and paging; detail; create and edit forms.
struct LibraryPagesController<Resource: LibraryResource> {
    let resource: Resource
    /// The other stores a detail page reads (credit records under a target).
    let stores: Stores
    let pages: PageRenderer
    let clock: AppClock
    var paths: LibraryPaths { LibraryPaths(Resource.path) }

    func addRoutes(to routes: AppRoutes) {
        let router = routes.signedIn()
        router.get(paths.list, use: list)
        router.get(paths.new, use: newForm)
        router.post(paths.list, use: create)
        router.get(paths.record, use: show)
        router.get(paths.edit, use: editForm)
        router.post(paths.record, use: update)
    }

    @Sendable func list(request: Request, context: SignedInContext) async throws -> Response {
        let account = context.account
        let parameters = request.uri.queryParameters
        let links = TableLinks(path: request.uri.path, parameters: parameters)
        var query = ListQueryParameters.parse(parameters, filters: Resource.filters)
        query.sort = links.sort(allowed: Resource.sortKeys.compactMap { $0 })
        let page = try await resource.list(scope: AccessPolicy.readScope(account), query: query)
        let names = try await LibraryNames.load(stores)
        let model = ListPage(
            title: Resource.title, path: Resource.path, listURL: paths.list.href, newURL: paths.new.href, search: query.search,
            columns: links.columns(Resource.listColumns, keys: Resource.sortKeys, current: query.sort),
            rows: page.items.map {
                ListPage.Row(url: paths.record.href(Resource.id(of: $0)), cells: Resource.listCells($0, names: names))
            },
            filters: Resource.filters.map { filter in
                ListPage.Filter(
                    name: filter.column, label: filter.label,
                    options: filter.options.map {
                        FieldOption(value: $0.value, label: $0.label, selected: query.filters[filter.column] == $0.value)
                    })
            },
            total: page.total, pager: links.pager(page: page.page, pageCount: page.pageCount, total: page.total),
            canCreate: AccessPolicy.writableDepartment(account) != nil,
            exportURL: APIPaths.export.href("\(Resource.path).xlsx"), isEmpty: page.items.isEmpty)
        return pages.render("list", model, account: account, csrf: context.csrfToken)
    }

    @Sendable func show(request: Request, context: SignedInContext) async throws -> Response {
        let account = context.account
        let id = try context.parameters.require("id", as: Int64.self)
        let record = try await resource.get(id: id, scope: AccessPolicy.readScope(account))
        let names = try await LibraryNames.load(stores)
        let model = DetailPage(
            title: Resource.title, path: Resource.path, listURL: paths.list.href,
            fields: Resource.detail(record, names: names).map { DetailPage.Field(label: $0.0, value: $0.1.isEmpty ? "—" : $0.1) },
            editURL: AccessPolicy.writableDepartment(account) == Resource.department(of: record) ? paths.edit.href(id) : nil,
            sections: try await DetailSections.sections(
                for: record, id: id, resource: resource, account: account, names: names, stores: stores))
        return pages.render("detail", model, account: account, csrf: context.csrfToken)
    }

    @Sendable func newForm(request: Request, context: SignedInContext) async throws -> Response {
        let account = context.account
        try AccessPolicy.requireWrite(account, department: account.departmentCode ?? "")
        return form(title: "新增\(Resource.title)", action: paths.list.href, values: [:], issues: [], account: account, context: context)
    }

    @Sendable func editForm(request: Request, context: SignedInContext) async throws -> Response {
        let account = context.account
        let id = try context.parameters.require("id", as: Int64.self)
        let record = try await resource.get(id: id, scope: AccessPolicy.readScope(account))
        try AccessPolicy.requireWrite(account, department: Resource.department(of: record))
        let values = Resource.values(of: Resource.input(from: record))
        return form(
            title: "修改\(Resource.title)", action: paths.record.href(id), values: values, issues: [], account: account, context: context)
    }

    @Sendable func create(request: Request, context: SignedInContext) async throws -> Response {
        let (input, values) = try await decodeForm(request, context: context)
        do {
            let unsafe = FormText.issues(values, labels: Resource.labels)
            guard unsafe.isEmpty else { throw LibraryError.invalid(unsafe) }
            let record = try await resource.create(input, caller: context.caller)
            return Response.redirect(to: paths.record.href(Resource.id(of: record)), type: .found)
        } catch let error as LibraryError {
            return form(
                title: "新增\(Resource.title)", action: paths.list.href, values: values, issues: Self.issues(error),
                account: context.account, context: context, status: .unprocessableContent)
        }
    }

    @Sendable func update(request: Request, context: SignedInContext) async throws -> Response {
        let id = try context.parameters.require("id", as: Int64.self)
        let (input, values) = try await decodeForm(request, context: context)
        do {
            let unsafe = FormText.issues(values, labels: Resource.labels)
            guard unsafe.isEmpty else { throw LibraryError.invalid(unsafe) }
            _ = try await resource.update(id: id, input, caller: context.caller)
            return Response.redirect(to: paths.record.href(id), type: .found)
        } catch let error as LibraryError {
            if case .notFound = error { throw error }
            if case .forbidden = error { throw error }
            return form(
                title: "修改\(Resource.title)", action: paths.record.href(id), values: values, issues: Self.issues(error),
                account: context.account, context: context, status: .unprocessableContent)
        }
    }

    private func decodeForm(_ request: Request, context: SignedInContext) async throws -> (Resource.Input, [String: String]) {
        let values = try await URLEncodedFormDecoder().decode([String: String].self, from: request, context: context)
        var fields = values
        fields["_csrf"] = nil
        let data = try JSONSerialization.data(withJSONObject: fields)
        return (try JSONDecoder().decode(Resource.Input.self, from: data), fields)
    }

    private func form(
        title: String, action: String, values: [String: String], issues: [FieldIssue], account: Account?,
        context: SignedInContext, status: HTTPResponse.Status = .ok
    ) -> Response {
        let model = FormPage(
            title: title, action: action, cancelURL: paths.list.href,
            errors: issues.map(\.message),
            fields: Resource.labels.map { field, label in
                let value = values[field] ?? ""
                let options = Resource.options[field]?.map { FieldOption(value: $0, label: $0, selected: $0 == value) }
                return FormPage.Field(
                    name: field, label: label, value: value, options: options ?? [], isSelect: options != nil,
                    error: issues.first(where: { $0.field == field })?.message)
            }, hasErrors: !issues.isEmpty)
        return pages.render("form", model, account: account, csrf: context.csrfToken, status: status)
    }

    static func issues(_ error: LibraryError) -> [FieldIssue] {
        switch error {
        case .invalid(let issues): issues
        default: [FieldIssue(field: error.field ?? "", message: error.message)]
        }
    }

}
