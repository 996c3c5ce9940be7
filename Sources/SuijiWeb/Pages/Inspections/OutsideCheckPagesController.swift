// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

extension OutsideCheckError: HTTPResponseError {}
extension OutsideCheckImportError: HTTPResponseError {}

/// Checks outside the draw (§3): the list of a year and the form a department's staff record
/// one with (page), and the same over the API.
struct OutsideCheckPagesController {
    let stores: Stores
    let pages: PageRenderer
    let clock: AppClock
    var checks: OutsideCheckStore { stores.outsideChecks }

    func addRoutes(to routes: AppRoutes) {
        let router = routes.signedIn()
        router.get(StaffPaths.outsideChecks, use: list)
        router.post(StaffPaths.outsideChecks, use: create)
        router.get("/api/v1/outside-checks") { request, context in
            let account = context.account
            let parameters = request.uri.queryParameters
            let paging = try APIQuery.paging(parameters, defaultPerPage: 50)
            let found = try await checks.list(
                scope: AccessPolicy.readScope(account), year: try APIQuery.int(parameters, "year", in: 1...9999),
                target: parameters["target"].map(String.init), page: paging.page, perPage: paging.perPage)
            return JSONBody.response(ListBody(items: found.items, total: found.total, page: found.page, perPage: found.perPage))
        }
        router.post("/api/v1/outside-checks") { request, context in
            let caller = context.caller
            let input = try await request.decode(as: OutsideCheckInput.self, context: context)
            return JSONBody.response(try await checks.create(input, caller: caller), status: .created)
        }
    }

    struct ListBody: Encodable {
        var items: [OutsideCheck]
        var total: Int
        var page: Int
        var perPage: Int
    }

    @Sendable func list(request: Request, context: SignedInContext) async throws -> Response {
        let account = context.account
        let parameters = request.uri.queryParameters
        // Read leniently but bounded (a hand-edited address still shows a page; nothing overflows).
        let year = BoundedNumber.exact(parameters["year"], in: 2...9998) ?? CalendarDate(chinaDateOf: clock.now()).year
        let page = Paging(page: parameters["page"], defaultPerPage: 50).page
        let form = OutsideCheckInput(target: parameters["target"].map(String.init))
        return try await render(account: account, context: context, year: year, page: page, form: form, errors: [])
    }

    @Sendable func create(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let form = try await FormFields.read(request, context: context)
        let input = OutsideCheckInput(
            target: form.value("target"), kind: form.value("kind"), checkedOn: form.value("checkedOn"), source: form.value("source"),
            inspectors: form.value("inspectors"), outcome: form.value("outcome"), notes: form.value("notes"))
        do {
            let check = try await checks.create(input, caller: caller)
            return Response.redirect(to: StaffPaths.outsideChecks.href + "?year=\(check.checkedOn.year)&saved=1", type: .found)
        } catch OutsideCheckError.invalid(let issues) {
            return try await render(
                account: caller.account, context: context, year: CalendarDate(chinaDateOf: caller.at).year, page: 1, form: input,
                errors: issues.map(\.message), status: .unprocessableContent)
        }
    }

    func render(
        account: Account, context: SignedInContext, year: Int, page: Int, form: OutsideCheckInput, errors: [String],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let found = try await checks.list(scope: AccessPolicy.readScope(account), year: year, page: page)
        let names = try await stores.departments.names()
        let pageCount = Paging(page: found.page, perPage: found.perPage).pageCount(total: found.total)
        let model = OutsideChecksPage(
            year: year, total: found.total, isEmpty: found.items.isEmpty,
            rows: found.items.map { check in
                OutsideChecksPage.Row(
                    target: check.targetName, targetUID: check.targetUID, department: names[check.department] ?? check.department,
                    kind: check.kind.label, clause: check.kind.clause, checkedOn: PrintDate.text(check.checkedOn), source: check.source,
                    inspectors: check.inspectors.joined(separator: "、"), outcome: check.outcome.label, problem: check.outcome.isProblem,
                    notes: check.notes)
            },
            canRecord: (try? OutsideCheckStore.requireRecorder(account)) != nil,
            kinds: OutsideCheckKind.allCases.map {
                FieldOption(value: $0.rawValue, label: "\($0.label)（\($0.clause)）", selected: $0.rawValue == form.kind)
            },
            outcomes: OutsideCheckOutcome.allCases.map {
                FieldOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == form.outcome)
            },
            target: form.target ?? "", checkedOn: form.checkedOn ?? CalendarDate(chinaDateOf: clock.now()).iso, source: form.source ?? "",
            inspectors: form.inspectors ?? "", notes: form.notes ?? "", errors: errors, hasErrors: !errors.isEmpty,
            pageLabel: "第 \(min(page, pageCount)) / \(pageCount) 页",
            previousURL: page > 1 ? StaffPaths.outsideChecks.href + "?year=\(year)&page=\(page - 1)" : nil,
            nextURL: page < pageCount ? StaffPaths.outsideChecks.href + "?year=\(year)&page=\(page + 1)" : nil,
            previousYearURL: StaffPaths.outsideChecks.href + "?year=\(year - 1)",
            nextYearURL: StaffPaths.outsideChecks.href + "?year=\(year + 1)")
        return pages.render("outside-checks", model, account: account, csrf: context.csrfToken, status: status)
    }
}

/// View model of the outside-checks page.
struct OutsideChecksPage {
    struct Row {
        var target: String
        var targetUID: String
        var department: String
        var kind: String
        var clause: String
        var checkedOn: String
        var source: String
        var inspectors: String
        var outcome: String
        var problem: Bool
        var notes: String
    }

    var year: Int
    var total: Int
    var isEmpty: Bool
    var rows: [Row]
    var canRecord: Bool
    var kinds: [FieldOption]
    var outcomes: [FieldOption]
    var target: String
    var checkedOn: String
    var source: String
    var inspectors: String
    var notes: String
    var errors: [String]
    var hasErrors: Bool
    var pageLabel: String
    var previousURL: String?
    var nextURL: String?
    var previousYearURL: String
    var nextYearURL: String
}
