// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// The query of an oversight page or API call: the period (`from`, `to` as `YYYY-MM`), and for
/// the rows behind a figure the `figure` or `category` and the `group` (`total`, a department
/// code or `YYYY-MM`).
struct OversightQuery {
    var period: OversightPeriod
    var figure: OversightFigure?
    var category: ProblemCategory?
    var group: OversightGroup

    init(_ request: Request, today: CalendarDate) throws {
        let parameters = request.uri.queryParameters
        func text(_ name: Substring) -> String? { parameters[name].map(String.init) }
        period = try OversightPeriod.parse(from: text("from"), to: text("to"), today: today)
        figure = nil
        category = nil
        if let name = text("figure"), !name.isEmpty {
            guard let value = OversightFigure(rawValue: name) else {
                throw OversightError.invalid([FieldIssue(field: "figure", message: "未知的统计指标“\(name)”")])
            }
            figure = value
        }
        if let name = text("category"), !name.isEmpty {
            guard let value = ProblemCategory(rawValue: name) else {
                throw OversightError.invalid([FieldIssue(field: "category", message: "未知的问题类别“\(name)”")])
            }
            category = value
        }
        group = Self.group(text("group") ?? "total")
    }

    static func group(_ key: String) -> OversightGroup { OversightGroup(key: key) }

    /// `from=…&to=…`.
    static func periodQuery(_ period: OversightPeriod) -> String { "from=\(period.from.iso)&to=\(period.to.iso)" }

    /// The page listing the rows behind a cell, or nil for a cell that counts nothing.
    static func rowsURL(_ cell: OversightCell, period: OversightPeriod) -> String? {
        guard let group = cell.group else { return nil }
        if let figure = cell.figure { return OversightPaths.rows.href + "?\(periodQuery(period))&figure=\(figure.rawValue)&group=\(group)" }
        if let category = cell.category {
            return OversightPaths.rows.href + "?\(periodQuery(period))&category=\(category.rawValue)&group=\(group)"
        }
        return nil
    }

    /// The rows `query` selects, with what they are (a figure or a category).
    static func rows(_ report: OversightReport, figure: OversightFigure?, category: ProblemCategory?, group: OversightGroup) throws
        -> OversightRows
    {
        if let category {
            return OversightRows(subject: .inspection, inspections: report.inspections(category: category, in: group))
        }
        guard let figure else { throw OversightError.invalid([FieldIssue(field: "figure", message: "请指定统计指标（figure）或问题类别（category）")]) }
        switch figure.subject {
        case .plan: return OversightRows(subject: .plan, plans: report.plans(figure, in: group))
        case .draw: return OversightRows(subject: .draw, draws: report.draws(figure, in: group))
        case .inspection: return OversightRows(subject: .inspection, inspections: report.inspections(figure, in: group))
        case .followUp: return OversightRows(subject: .followUp, followUps: report.followUps(figure, in: group))
        }
    }
}

/// The rows behind one figure (the API's body as well).
struct OversightRows: Encodable {
    var subject: OversightSubject
    var plans: [PlanFact] = []
    var draws: [DrawFact] = []
    var inspections: [InspectionFact] = []
    var followUps: [FollowUp] = []

    var count: Int { plans.count + draws.count + inspections.count + followUps.count }
}
