// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// The exchange file of a year's published plans and results (§8, docs/exchange.md), for the
/// upload to the national enterprise credit publicity system: a staff page with the downloads,
/// the files, and the API. A department admin gets its own department's file; the office and
/// overseers any department's or the whole district's.
struct ExchangeController {
    let stores: Stores
    let pages: PageRenderer
    let clock: AppClock
    var exporter: ExchangeExporter { stores.exchange }

    func addRoutes(to routes: AppRoutes) {
        let router = routes.signedIn(.exchangers)
        router.get(StaffPaths.exchange, use: page)
        router.get(StaffPaths.exchangeJSON) { request, context in try await file(.json, request: request, context: context) }
        router.get(StaffPaths.exchangeXLSX) { request, context in try await file(.xlsx, request: request, context: context) }
        router.get("/api/v1/exchange") { request, context in
            let format = try request.uri.queryParameters["format"].map { text in
                guard let format = ExchangeExporter.Format(rawValue: String(text)) else {
                    throw WebError.badRequest(field: "format", message: "格式应为 json 或 xlsx")
                }
                return format
            }
            return try await file(format ?? .json, request: request, context: context)
        }
    }

    /// The year (this year by default, 2000–2100) and the department the caller may export.
    func query(_ request: Request, account: Account) async throws -> (year: Int, department: String?) {
        let parameters = request.uri.queryParameters
        let year =
            try parameters["year"].map { text in
                guard let year = Int(String(text)), (2000...2100).contains(year) else {
                    throw WebError.badRequest(field: "year", message: "年度应为 2000–2100 之间的年份")
                }
                return year
            } ?? CalendarDate(chinaDateOf: clock.now()).year
        var department = parameters["department"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        if account.role == .departmentAdmin { department = account.departmentCode }
        if let department, try await stores.departments.all().contains(where: { $0.code == department }) == false {
            throw WebError.badRequest(field: "department", message: "未知部门“\(department)”")
        }
        return (year, department)
    }

    func file(_ format: ExchangeExporter.Format, request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let (year, department) = try await query(request, account: caller.account)
        let document = try await exporter.document(year: year, department: department, at: caller.at)
        let name = "抽查计划及结果交换-\(year)" + (document.department.map { "-\($0.name)" } ?? "") + ".\(format.rawValue)"
        return Download.response(try exporter.encoded(document, format: format), name: name, mediaType: format.contentType)
    }

    @Sendable func page(request: Request, context: SignedInContext) async throws -> Response {
        let account = context.account
        let (year, department) = try await query(request, account: account)
        let document = try await exporter.document(year: year, department: department, at: clock.now())
        let query = "year=\(year)" + (department.map { "&department=\($0)" } ?? "")
        let departments = account.role == .departmentAdmin ? [] : try await stores.departments.all()
        let model = ExchangePage(
            year: year, department: document.department?.name ?? "全部成员单位", plans: document.plans.count, results: document.results.count,
            jsonURL: StaffPaths.exchangeJSON.href + "?\(query)", xlsxURL: StaffPaths.exchangeXLSX.href + "?\(query)",
            canChoose: account.role != .departmentAdmin,
            departments: departments.map { FieldOption(value: $0.code, label: $0.name, selected: $0.code == department) })
        return pages.render("exchange", model, account: account, csrf: context.csrfToken)
    }
}

/// View model of the exchange page.
struct ExchangePage {
    var year: Int
    var department: String
    var plans: Int
    var results: Int
    var jsonURL: String
    var xlsxURL: String
    var canChoose: Bool
    var departments: [FieldOption]
}
