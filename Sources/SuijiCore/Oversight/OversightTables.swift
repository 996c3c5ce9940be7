// SPDX-License-Identifier: Apache-2.0

/// One cell of an oversight table: its text and, for a count, what it counts (so a page can
/// link it to the rows behind it).
public struct OversightCell: Sendable, Equatable {
    public var text: String
    public var figure: OversightFigure?
    public var category: ProblemCategory?
    /// The group of a count: `total`, a department code or `YYYY-MM`.
    public var group: String?

    /// Creates a cell.
    public init(text: String, figure: OversightFigure? = nil, category: ProblemCategory? = nil, group: String? = nil) {
        self.text = text
        self.figure = figure
        self.category = category
        self.group = group
    }
}

/// A table of the evaluation report (考评): the page shows it, the workbook has one sheet each.
public struct OversightTable: Sendable, Equatable {
    /// Also the sheet name.
    public var title: String
    public var header: [String]
    public var rows: [[OversightCell]]

    /// Creates a table.
    public init(title: String, header: [String], rows: [[OversightCell]]) {
        self.title = title
        self.header = header
        self.rows = rows
    }

    /// The header and rows as text.
    public var text: [[String]] { [header] + rows.map { $0.map(\.text) } }
}

extension OversightReport {
    /// The figures of the department table, in column order.
    public static let departmentFigures = OversightFigure.allCases
    /// The figures of the month table (plans span months).
    public static let monthFigures = OversightFigure.allCases.filter(\.isMonthly)

    /// The tables of the evaluation report: by department, by plan, by month, problems by
    /// category, the checks outside the draw (§3), and the definitions.
    public var tables: [OversightTable] {
        [departmentTable, planTable, monthTable, categoryTable, outsideCheckTable, definitionTable]
    }

    /// The figures of the plan table (each row is one plan).
    public static let planFigures = OversightFigure.allCases.filter { $0.subject != .plan }

    /// 按计划统计: one row per plan and the total.
    public var planTable: OversightTable {
        figureTable(title: "按计划统计", first: "计划", figures: Self.planFigures, rows: byPlan + [total])
    }

    /// 部门考评汇总: one row per department and the total.
    public var departmentTable: OversightTable {
        figureTable(title: "部门考评汇总", first: "部门", figures: Self.departmentFigures, rows: byDepartment + [total])
    }

    /// 按月统计: one row per month (by due date, draw day or opening day) and the total.
    public var monthTable: OversightTable {
        figureTable(title: "按月统计", first: "月份", figures: Self.monthFigures, rows: byMonth + [total])
    }

    /// 发现问题分类: published inspections with a finding in each problem category.
    public var categoryTable: OversightTable {
        OversightTable(
            title: "发现问题分类", header: ["部门", OversightFigure.published.label] + ProblemCategory.allCases.map(\.label),
            rows: (byDepartment + [total]).map { tally in
                [
                    OversightCell(text: tally.label),
                    OversightCell(text: String(tally[.published]), figure: .published, group: tally.key),
                ]
                    + ProblemCategory.allCases.map { category in
                        OversightCell(text: String(tally.categories[category] ?? 0), category: category, group: tally.key)
                    }
            })
    }

    /// "2026年12月5日", as the 考评表 writes dates.
    static func day(_ date: CalendarDate) -> String { "\(date.year)年\(date.month)月\(date.day)日" }

    /// 指标说明: the period, the counting day, and what every figure and rate counts.
    public var definitionTable: OversightTable {
        OversightTable(
            title: "指标说明", header: ["指标", "口径"],
            rows: [
                [OversightCell(text: "统计期间"), OversightCell(text: "\(Self.day(period.start)) 至 \(Self.day(period.end))（\(period.label)）")],
                [OversightCell(text: "统计日"), OversightCell(text: "\(Self.day(asOf))（逾期、办理中等状态截至当日）")],
                [
                    OversightCell(text: "录入截止日（暂定）"),
                    OversightCell(text: "截止日计算涉及尚无国务院办公厅节假日安排通知的年度时，按法定节假日推算（无法预知调休上班日），标注“暂定”；通知载入后重新计算"),
                ],
                [
                    OversightCell(text: "随机抽查以外的检查"),
                    OversightCell(text: "依《工作细则》第三条不纳入双随机的检查（投诉举报、转办交办、数据监测、专项检查等），检查日期在统计期间内；单独统计，不计入以上随机抽查指标"),
                ],
            ]
                + OversightFigure.allCases.map { [OversightCell(text: $0.label), OversightCell(text: $0.definition)] }
                + OversightRate.allCases.map {
                    [OversightCell(text: $0.label), OversightCell(text: "\($0.numerator.label) ÷ \($0.denominator.label)；分母为 0 时记“—”")]
                })
    }

    func figureTable(title: String, first: String, figures: [OversightFigure], rows: [OversightTally]) -> OversightTable {
        OversightTable(
            title: title, header: [first] + figures.map(\.label) + OversightRate.allCases.map(\.label),
            rows: rows.map { tally in
                [OversightCell(text: tally.label)]
                    + figures.map { OversightCell(text: String(tally[$0]), figure: $0, group: tally.key) }
                    + OversightRate.allCases.map { OversightCell(text: OversightRate.percent(tally.rate($0))) }
            })
    }
}

extension OversightFigure {
    /// What the figure counts, in Chinese (the workbook's 指标说明 and docs/oversight.md).
    public var definition: String {
        switch self {
        case .plans: "本部门发起、已提交（非草稿）且抽查时间与统计期间有交叉的联合抽查计划"
        case .plansExecuted: "计划数中已执行过抽取（有已抽取记录）的计划"
        case .draws: "本部门发起计划的抽取中，执行日期（北京时间）在统计期间内的次数"
        case .due: "本部门发起计划的检查任务中，结果录入截止日（检查结束之日起 20 个工作日）在统计期间内且早于统计日（已届满）的任务；尚在录入期限内的不计入"
        case .submitted: "应完成检查中已提交过检查结果的任务"
        case .onTime: "应完成检查中首次提交日期不晚于录入截止日的任务"
        case .notOnTime: "应完成检查中首次提交晚于录入截止日，或截至统计日仍未提交且已过截止日的任务（视为未完成检查任务）"
        case .overdue: "未按期完成中截至统计日仍未提交结果的任务"
        case .published: "应完成检查中结果已公示的任务"
        case .problems: "已公示任务中，至少一个事项的检查结果属于发现问题类别的任务"
        case .nonCooperation: "已公示任务中记录了不配合检查情节严重情形的任务"
        case .followUpsOpened: "本部门登记、责令改正（登记）日期在统计期间内的后续处置"
        case .followUpsClosed: "新增后续处置中截至统计日已办结的"
        case .followUpsOpen: "新增后续处置中截至统计日仍在办理的"
        case .followUpsOverdue: "办理中的责令限期改正，整改期限早于统计日的"
        }
    }
}
