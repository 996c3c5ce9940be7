// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// The public portal's annual plans and open data (no login): `/public/annual-plans` with every
/// published version, and `/public/data/...` files in CSV, XLSX and JSON (docs/open-data.md).
struct PublicOpenDataController {
    let stores: Stores
    let pages: PageRenderer

    func addRoutes(to routes: AppRoutes) {
        let router = routes.open
        router.get(PublicPaths.annualPlans, use: years)
        router.get(PublicPaths.annualPlan, use: annualPlan)
        router.get(PublicPaths.data, use: index)
        router.get(PublicPaths.annualPlanFile, use: annualPlanFile)
        router.get(PublicPaths.dataFile, use: file)
    }

    @Sendable func years(request: Request, context: AppRequestContext) async throws -> Response {
        let years = try await stores.annualPlans.publishedYears()
        var rows: [PublicAnnualPlansPage.Year] = []
        for year in years {
            let latest = try await stores.annualPlans.versions(year: year).last
            rows.append(
                PublicAnnualPlansPage.Year(
                    year: year, url: PublicPaths.annualPlan.href(year), version: latest?.version ?? 0, plans: latest?.entries.count ?? 0,
                    publishedAt: ChinaTime.text(stamp: latest?.publishedAt) ?? ""))
        }
        return pages.render(
            "public-annual-plans", PublicAnnualPlansPage(years: rows, isEmpty: rows.isEmpty), account: context.account,
            csrf: context.csrfToken)
    }

    @Sendable func annualPlan(request: Request, context: AppRequestContext) async throws -> Response {
        guard let year = BoundedNumber.exact(context.parameters.get("year"), in: 1...9999) else { throw WebError.notFound }
        let versions = try await stores.annualPlans.versions(year: year)
        let asked = BoundedNumber.exact(request.uri.queryParameters["version"], in: 1...Int(Int32.max))
        guard let latest = versions.last, let shown = asked.map({ v in versions.first { $0.version == v } }) ?? versions.last else {
            throw WebError.notFound
        }
        return pages.render(
            "public-annual-plan", PublicAnnualPlanPage.make(shown, versions: versions, latest: latest.version), account: context.account,
            csrf: context.csrfToken)
    }

    @Sendable func index(request: Request, context: AppRequestContext) async throws -> Response {
        let datasets = OpenDataset.allCases.filter { $0 != .annualPlan }.map { dataset in
            PublicDataPage.Dataset(
                name: dataset.rawValue, title: dataset.title, columns: PublicDataPage.columns(dataset.columns),
                links: OpenDataFormat.allCases.map {
                    PublicDataPage.Link(
                        label: $0.rawValue.uppercased(), url: PublicPaths.dataFile.href("\(dataset.rawValue).\($0.rawValue)"))
                })
        }
        let years = try await stores.annualPlans.publishedYears().map { year in
            PublicDataPage.Dataset(
                name: "annual-plans/\(year)", title: "\(year) 年度部门联合抽查计划（最新版）",
                columns: PublicDataPage.columns(OpenDataset.annualPlan.columns),
                links: OpenDataFormat.allCases.map {
                    PublicDataPage.Link(label: $0.rawValue.uppercased(), url: PublicPaths.annualPlanFile.href("\(year).\($0.rawValue)"))
                })
        }
        let model = PublicDataPage(
            datasets: datasets + years, kinds: TargetKind.allCases.map { PublicDataPage.Column(name: $0.rawValue, meaning: $0.label) },
            logHead: PublicLogHead(try await stores.publicLog.head()))
        return pages.render("public-data", model, account: context.account, csrf: context.csrfToken)
    }

    @Sendable func file(request: Request, context: AppRequestContext) async throws -> Response {
        guard let (name, format) = OpenDataFormat.split(try context.parameters.require("file")),
            let dataset = OpenDataset(rawValue: name), dataset != .annualPlan
        else { throw WebError.notFound }
        let query = request.uri.queryParameters
        let year = try APIQuery.int(query, "year", in: 1...9999)
        let department = query["department"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        let table = try await stores.openData.table(dataset, year: year, department: department)
        return try Self.download(table, name: dataset.title, format: format)
    }

    @Sendable func annualPlanFile(request: Request, context: AppRequestContext) async throws -> Response {
        guard let (name, format) = OpenDataFormat.split(try context.parameters.require("file")),
            let year = BoundedNumber.exact(name, in: 1...9999)
        else {
            throw WebError.notFound
        }
        let version = try APIQuery.int(request.uri.queryParameters, "version", in: 1...Int(Int32.max))
        let table = try await stores.openData.table(.annualPlan, year: year, version: version)
        return try Self.download(table, name: "\(year)年度部门联合抽查计划" + (version.map { "（第\($0)版）" } ?? ""), format: format)
    }

    static func download(_ table: OpenDataTable, name: String, format: OpenDataFormat) throws -> Response {
        let data = try table.encoded(format)
        return Download.response(
            data, name: "\(name).\(format.rawValue)", mediaType: format.contentType, inline: format == .json,
            headers: [.accessControlAllowOrigin: "*"])
    }
}

/// `/public/annual-plans`: the years with a published annual plan.
struct PublicAnnualPlansPage {
    struct Year {
        var year: Int
        var url: String
        var version: Int
        var plans: Int
        var publishedAt: String
    }

    var years: [Year]
    var isEmpty: Bool
}

/// `/public/data`: the open datasets and their files.
struct PublicDataPage {
    struct Link {
        var label: String
        var url: String
    }

    /// A column's stable name and what it holds.
    struct Column {
        var name: String
        var meaning: String
    }

    struct Dataset {
        var name: String
        var title: String
        var columns: [Column]
        var links: [Link]
    }

    var datasets: [Dataset]
    /// The target kind codes of the results, with their Chinese names.
    var kinds: [Column]

    static func columns(_ names: [String]) -> [Column] {
        names.map { Column(name: $0, meaning: OpenDataset.columnMeanings[$0] ?? "") }
    }
    var logHead: PublicLogHead?
}
