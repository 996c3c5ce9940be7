// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// `GET /api/v1/oversight`: the figures of a period per department, per month and in total;
/// `/rows` the rows behind one figure; `/report.xlsx` the evaluation workbook. Read-only.
struct OversightAPIController {
    let stores: Stores
    let clock: AppClock
    var statistics: StatisticsStore { stores.statistics }
    var today: CalendarDate { CalendarDate(chinaDateOf: clock.now()) }

    func addRoutes(to routes: AppRoutes) {
        let router = routes.signedIn(.oversightReaders)
        router.get("/api/v1/oversight", use: figures)
        router.get("/api/v1/oversight/rows", use: rows)
        router.get("/api/v1/oversight/report.xlsx", use: workbook)
    }

    func load(_ request: Request, _ context: SignedInContext) async throws -> (OversightQuery, OversightReport) {
        let account = context.account
        let query = try OversightQuery(request, today: today)
        return (query, try await statistics.report(query.period, asOf: today, for: account))
    }

    @Sendable func figures(request: Request, context: SignedInContext) async throws -> Response {
        let (_, report) = try await load(request, context)
        return JSONBody.response(OversightBody(report))
    }

    @Sendable func rows(request: Request, context: SignedInContext) async throws -> Response {
        let (query, report) = try await load(request, context)
        return JSONBody.response(try OversightQuery.rows(report, figure: query.figure, category: query.category, group: query.group))
    }

    @Sendable func workbook(request: Request, context: SignedInContext) async throws -> Response {
        let (_, report) = try await load(request, context)
        return try OversightPagesController.xlsx(report)
    }
}

/// The JSON body of `GET /api/v1/oversight`.
struct OversightBody: Encodable {
    struct Tally: Encodable {
        var key: String
        var label: String
        var counts: [String: Int]
        /// Missing when the denominator is 0.
        var rates: [String: Double]
        var categories: [String: Int]

        init(_ tally: OversightTally) {
            key = tally.key
            label = tally.label
            counts = Dictionary(uniqueKeysWithValues: tally.counts.map { ($0.key.rawValue, $0.value) })
            rates = Dictionary(
                uniqueKeysWithValues: OversightRate.allCases.compactMap { rate in tally.rate(rate).map { (rate.rawValue, $0) } })
            categories = Dictionary(uniqueKeysWithValues: tally.categories.map { ($0.key.rawValue, $0.value) })
        }
    }

    var from: String
    var to: String
    var asOf: String
    var departments: [Tally]
    var months: [Tally]
    var plans: [Tally]
    var total: Tally

    init(_ report: OversightReport) {
        from = report.period.from.iso
        to = report.period.to.iso
        asOf = report.asOf.iso
        departments = report.byDepartment.map(Tally.init)
        months = report.byMonth.map(Tally.init)
        plans = report.byPlan.map(Tally.init)
        total = Tally(report.total)
    }
}
