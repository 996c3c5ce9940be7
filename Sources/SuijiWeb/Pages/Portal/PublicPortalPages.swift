// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore

/// One department on the portal.
struct PublicDepartment {
    var code: String
    var name: String
    var selected = false
}

/// A published plan in a list.
struct PublicPlanRow {
    var id: Int64
    var code: String
    var name: String
    var year: Int
    var departments: String
    var window: String
    var state: String
    var planURL: String

    init(_ plan: Plan, names: [String: String]) {
        id = plan.id
        code = plan.code
        name = plan.name
        year = plan.year
        departments = plan.departments.map { names[$0] ?? $0 }.joined(separator: "、")
        window = ChinaTime.period(plan.windowStart, plan.windowEnd)
        state = plan.state.label
        planURL = PublicPaths.plan.href(plan.id)
    }
}

/// The portal's first page.
struct PublicHomePage {
    var departments: [PublicDepartment]
    var plans: [PublicPlanRow]
}

/// A department's published check items (抽查事项清单).
struct PublicItemsPage {
    struct Item {
        var code: String
        var name: String
        var subItems: String
        var legalBasis: String
        var kinds: String
        var methods: String
        var isKeyItem: Bool

        init(_ item: CheckItem) {
            code = item.code
            name = item.name
            subItems = item.subItems.joined(separator: "；")
            legalBasis = item.legalBasis
            kinds = item.targetKinds.map(\.label).joined(separator: "、")
            methods = item.methods.map(\.label).joined(separator: "、")
            isKeyItem = item.isKeyItem
        }
    }

    var departments: [PublicDepartment]
    var department: String
    var items: [Item]
    var count: Int
    var isEmpty: Bool
}

/// The list of published plans.
struct PublicPlansPage {
    var plans: [PublicPlanRow]
    var isEmpty: Bool
}

/// One published plan: departments, items, scope, batches and their draws.
struct PublicPlanPage {
    struct Item {
        var department: String
        var code: String
        var name: String
    }

    struct Draw {
        var id: String
        var batch: String
        var state: String
        var url: String
    }

    struct BatchRow {
        var code: String
        var window: String
        var size: String
    }

    var plan: PublicPlanRow
    var notes: String?
    var scope: String
    var items: [Item]
    var batches: [BatchRow]
    var draws: [Draw]
    var hasDraws: Bool

    init(plan: Plan, names: [String: String], itemNames: [PlanItem: String], batches: [Batch], draws: [DrawSummary], scope: String) {
        self.plan = PublicPlanRow(plan, names: names)
        notes = plan.notes.isEmpty ? nil : plan.notes
        self.scope = scope
        items = plan.items.map { Item(department: names[$0.department] ?? $0.department, code: $0.code, name: itemNames[$0] ?? $0.code) }
        let batchCodes = Dictionary(batches.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
        self.batches = batches.map {
            BatchRow(code: $0.code, window: ChinaTime.period($0.start, $0.end), size: PlanPagesController.describe($0.size))
        }
        self.draws = draws.map {
            Draw(id: $0.id, batch: batchCodes[$0.batchID] ?? "", state: $0.state.label, url: PublicPaths.draw.href($0.id))
        }
        hasDraws = !draws.isEmpty
    }
}

/// The search of targets by name or credit code.
struct PublicTargetsPage {
    struct Row {
        var uid: String
        var name: String
        var kind: String
        var street: String
        var results: Int
        var url: String

        init(_ target: PublicTarget) {
            uid = target.uid
            name = target.name
            kind = target.kind.label
            street = target.street
            results = target.publishedResults
            url = PublicPaths.target.href(target.uid)
        }
    }

    var query: String
    var searched: Bool
    var targets: [Row]
    var isEmpty: Bool
    var total: Int
    /// More rows matched than one search groups: the visitor should narrow it.
    var truncated: Bool
    var pager: Pager
}

/// One target's published results and the draws that selected it.
struct PublicTargetPage: PageModel {
    struct Entry: Encodable {
        var department: String
        var item: String
        var result: String
        /// Nil when there is none (an empty string would count as true in Mustache).
        var nonCooperation: String?
        var online: Bool
    }

    struct Result: Encodable {
        var planName: String
        var planURL: String
        var drawURL: String
        var departments: String
        var window: String
        var publishedOn: String
        var late: Bool
        var entries: [Entry]
    }

    struct Selection: Encodable {
        var drawID: String
        var planName: String
        var year: Int
        var url: String
    }

    var uid: String
    var name: String
    var kind: String
    var street: String
    var industry: String?
    var results: [Result]
    var hasResults: Bool
    var selections: [Selection]
    var hasSelections: Bool

    init(_ record: PublicTargetRecord, names: [String: String]) {
        uid = record.target.uid
        name = record.target.name
        kind = record.target.kind.label
        street = record.target.street
        industry = record.target.industry.isEmpty ? nil : record.target.industry
        results = record.results.map { result in
            Result(
                planName: result.planName, planURL: PublicPaths.plan.href(result.planID), drawURL: PublicPaths.draw.href(result.drawID),
                departments: result.departments.map { names[$0] ?? $0 }.joined(separator: "、"),
                window: ChinaTime.period(result.windowStart, result.windowEnd), publishedOn: ChinaTime.day(result.publishedOn) ?? "",
                late: result.late,
                entries: result.entries.map {
                    Entry(
                        department: names[$0.department] ?? $0.department, item: $0.item, result: $0.result,
                        nonCooperation: $0.nonCooperation.isEmpty ? nil : $0.nonCooperation.joined(separator: "、"),
                        online: $0.settledOnline)
                })
        }
        hasResults = !results.isEmpty
        selections = record.selections.map {
            Selection(
                drawID: $0.drawID, planName: $0.planName, year: $0.year,
                url: PublicPaths.draw.href($0.drawID) + "?code=\(record.target.uid)")
        }
        hasSelections = !selections.isEmpty
    }
}
