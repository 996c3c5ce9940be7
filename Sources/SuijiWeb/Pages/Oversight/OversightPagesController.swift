// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// Oversight and evaluation pages (§21): the statistics of a period with charts, the rows
/// behind every figure, the printable evaluation report (考评) and its workbook. Read-only:
/// there is no POST route here.
struct OversightPagesController {
    let stores: Stores
    let pages: PageRenderer
    let clock: AppClock
    var statistics: StatisticsStore { stores.statistics }
    var today: CalendarDate { CalendarDate(chinaDateOf: clock.now()) }

    func addRoutes(to routes: AppRoutes) {
        let router = routes.signedIn(.oversightReaders)
        router.get(OversightPaths.overview, use: overview)
        router.get(OversightPaths.rows, use: rows)
        router.get(OversightPaths.report, use: report)
        router.get(OversightPaths.workbook, use: workbook)
    }

    func load(_ request: Request, _ context: SignedInContext) async throws -> (Account, OversightQuery, OversightReport) {
        let account = context.account
        let query = try OversightQuery(request, today: today)
        return (account, query, try await statistics.report(query.period, asOf: today, for: account))
    }

    @Sendable func overview(request: Request, context: SignedInContext) async throws -> Response {
        let (account, _, report) = try await load(request, context)
        let model = OversightPageBuilder.page(
            report, title: "监督考评统计", scoped: account.role == .departmentAdmin,
            tables: [report.departmentTable, report.planTable, report.monthTable, report.categoryTable])
        return pages.render("oversight", model, account: account, csrf: context.csrfToken)
    }

    @Sendable func report(request: Request, context: SignedInContext) async throws -> Response {
        let (account, _, report) = try await load(request, context)
        let model = OversightPageBuilder.page(
            report, title: "部门联合“双随机、一公开”监管工作考评表", scoped: account.role == .departmentAdmin, tables: report.tables)
        return pages.render("oversight-report", model, account: account, csrf: context.csrfToken)
    }

    @Sendable func rows(request: Request, context: SignedInContext) async throws -> Response {
        let (account, query, report) = try await load(request, context)
        let rows = try OversightQuery.rows(report, figure: query.figure, category: query.category, group: query.group)
        let names = try await stores.departments.names()
        let title = query.category.map { "发现问题：\($0.label)" } ?? query.figure?.label ?? ""
        let model = OversightPageBuilder.rowsPage(rows, report: report, title: title, group: query.group, departmentNames: names)
        return pages.render("oversight-rows", model, account: account, csrf: context.csrfToken)
    }

    @Sendable func workbook(request: Request, context: SignedInContext) async throws -> Response {
        let (_, _, report) = try await load(request, context)
        return try Self.xlsx(report)
    }

    static func xlsx(_ report: OversightReport) throws -> Response {
        let data = try OversightWorkbook.encode(report)
        return Download.response(
            data, name: OversightWorkbook.fileName(report.period),
            mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    }
}
