// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore

/// Builds the oversight pages' models and charts from a report.
enum OversightPageBuilder {
    static func page(_ report: OversightReport, title: String, scoped: Bool, tables: [OversightTable]) -> OversightPage {
        let query = OversightQuery.periodQuery(report.period)
        return OversightPage(
            title: title, periodLabel: report.period.label, from: report.period.from.iso, to: report.period.to.iso,
            asOf: ChinaTime.day(report.asOf),
            scopeNote: scoped ? "部门管理员仅能查看本部门的统计。" : "",
            tables: tables.map { OversightTableModel($0, period: report.period) }, charts: charts(report),
            reportURL: OversightPaths.report.href + "?\(query)", xlsxURL: OversightPaths.workbook.href + "?\(query)",
            backURL: OversightPaths.overview.href + "?\(query)")
    }

    static let chartRates = OversightRate.allCases

    /// Rates per department and per month, each bar linking to the rows of its numerator.
    static func charts(_ report: OversightReport) -> [OversightChartModel] {
        let query = OversightQuery.periodQuery(report.period)
        func groups(_ tallies: [OversightTally], label: (OversightTally) -> String) -> [BarChart.Group] {
            tallies.map { tally in
                BarChart.Group(
                    label: label(tally),
                    bars: chartRates.map { rate in
                        BarChart.Bar(
                            value: tally.rate(rate),
                            link: OversightPaths.rows.href + "?\(query)&figure=\(rate.numerator.rawValue)&group=\(tally.key)")
                    })
            }
        }
        func describe(_ tallies: [OversightTally]) -> String {
            tallies.map { tally in
                tally.label + "：" + chartRates.map { "\($0.label) \(OversightRate.percent(tally.rate($0)))" }.joined(separator: "，")
            }.joined(separator: "；")
        }
        let series = chartRates.map(\.label)
        // Departments without inspections or follow-ups would only add empty groups.
        let active = report.byDepartment.filter { $0[.due] > 0 || $0[.followUpsOpened] > 0 }
        let shown = active.isEmpty ? report.byDepartment : active
        let departments = BarChart(
            id: "chart-departments", title: "各部门完成率、按期完成率、问题发现率、后续处置办结率（\(report.period.label)）",
            description: describe(shown), series: series, groups: groups(shown) { $0.label })
        let months = BarChart(
            id: "chart-months", title: "各月完成率、按期完成率、问题发现率、后续处置办结率（\(report.period.label)）",
            description: describe(report.byMonth), series: series,
            groups: groups(report.byMonth) { tally in YearMonth(iso: tally.key).map { "\($0.month)月" } ?? tally.label })
        return [
            OversightChartModel(title: "按部门", svg: departments.svg()), OversightChartModel(title: "按月份", svg: months.svg()),
        ]
    }

    static func rowsPage(
        _ rows: OversightRows, report: OversightReport, title: String, group: OversightGroup, departmentNames: [String: String]
    ) -> OversightRowsPage {
        func name(_ code: String) -> String { departmentNames[code] ?? code }
        let planNames = Dictionary(report.facts.plans.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let groupLabel: String
        switch group {
        case .total: groupLabel = "全部部门"
        case .department(let code): groupLabel = name(code)
        case .month(let month): groupLabel = month.label
        case .plan(let id): groupLabel = report.facts.plans.first { $0.id == id }.map { "\($0.code) \($0.name)" } ?? "计划 \(id)"
        }
        typealias Cell = OversightRowsPage.Cell
        let header: [String]
        let body: [[Cell]]
        switch rows.subject {
        case .plan:
            header = ["计划编号", "计划名称", "发起部门", "状态", "抽查时间", "已执行抽取"]
            body = rows.plans.map { plan in
                [
                    Cell(text: plan.code, url: PlanPaths.plan.href(plan.id)), Cell(text: plan.name, url: ""),
                    Cell(text: name(plan.initiator), url: ""),
                    Cell(text: plan.state.label, url: ""), Cell(text: ChinaTime.period(plan.windowStart, plan.windowEnd), url: ""),
                    Cell(text: "\(plan.executedDraws) 次", url: ""),
                ]
            }
        case .draw:
            header = ["抽取记录", "计划", "发起部门", "执行日期"]
            body = rows.draws.map { draw in
                [
                    Cell(text: draw.id, url: DrawPaths.draw.href(draw.id)),
                    Cell(text: draw.planCode, url: PlanPaths.plan.href(draw.planID)),
                    Cell(text: name(draw.initiator), url: ""), Cell(text: ChinaTime.day(draw.executedOn), url: ""),
                ]
            }
        case .inspection:
            header = ["检查对象", "计划", "发起部门", "录入截止日", "首次提交", "是否按期", "状态", "发现问题类别"]
            body = rows.inspections.map { inspection in
                let timely: String
                if inspection.submittedLate {
                    timely = "未按期完成"
                } else if inspection.firstSubmittedOn != nil {
                    timely = "按期"
                } else if let due = inspection.dueDate, report.asOf > due {
                    timely = "未按期完成（逾期未录入）"
                } else {
                    timely = "未到期"
                }
                return [
                    Cell(text: inspection.targetName, url: InspectionPaths.inspection.href(inspection.id)),
                    Cell(text: planNames[inspection.planID] ?? "联合抽查计划", url: PlanPaths.plan.href(inspection.planID)),
                    Cell(text: name(inspection.initiator), url: ""),
                    Cell(
                        text: ChinaTime.day(inspection.dueDate).map { $0 + (inspection.dueDateProvisional ? "（暂定）" : "") } ?? "—", url: ""),
                    Cell(text: ChinaTime.day(inspection.firstSubmittedOn) ?? "—", url: ""),
                    Cell(text: timely, url: ""), Cell(text: inspection.state.label, url: ""),
                    Cell(text: inspection.categories.filter(\.isProblem).map(\.label).joined(separator: "；"), url: ""),
                ]
            }
        case .followUp:
            header = ["处置类型", "检查任务", "登记部门", "登记日期", "整改期限", "状态", "办结日期"]
            body = rows.followUps.map { followUp in
                [
                    Cell(text: followUp.kind.label, url: ""),
                    Cell(text: "检查任务 \(followUp.inspectionID)", url: InspectionPaths.inspection.href(followUp.inspectionID)),
                    Cell(text: name(followUp.department), url: ""), Cell(text: ChinaTime.day(followUp.openedOn), url: ""),
                    Cell(text: ChinaTime.day(followUp.deadline) ?? "—", url: ""),
                    Cell(text: followUp.isOverdue(today: report.asOf) ? "逾期未整改" : followUp.state.label, url: ""),
                    Cell(text: ChinaTime.day(followUp.closedOn) ?? "—", url: ""),
                ]
            }
        }
        return OversightRowsPage(
            title: title, periodLabel: report.period.label, groupLabel: groupLabel, count: rows.count, header: header,
            rows: body.map { OversightRowsPage.Row(cells: $0) }, isEmpty: body.isEmpty,
            backURL: OversightPaths.overview.href + "?\(OversightQuery.periodQuery(report.period))")
    }
}
