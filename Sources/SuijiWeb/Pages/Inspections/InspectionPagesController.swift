// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// Staff pages of inspections: the list ("我的检查任务" for inspectors), one inspection with the
/// team's notice and item forms and the reviewer's buttons, and the printable 抽查通知书 and
/// 检查记录表. Every rule is the store's (`InspectionPolicy`); the pages only offer what the
/// viewer may do, and show a domain error next to the kept input.
struct InspectionPagesController {
    let stores: Stores
    let pages: PageRenderer
    let clock: AppClock
    var inspections: InspectionStore { stores.inspections }
    static let perPage = 20

    func addRoutes(to routes: AppRoutes) {
        let router = routes.signedIn()
        router.get(InspectionPaths.list, use: list)
        router.get(InspectionPaths.inspection, use: show)
        addPrintRoutes(to: router)
        router.post(InspectionPaths.notice, use: notice)
        router.post(InspectionPaths.schedule, use: schedule)
        router.post(InspectionPaths.findings, use: finding)
        router.post(InspectionPaths.submit, use: submit)
        router.post(InspectionPaths.review, use: review)
        router.post(InspectionPaths.attachments, use: attach)
        router.post(InspectionPaths.entrustments, use: entrust)
        router.get(InspectionPaths.dossier, use: dossier)
        router.get(InspectionPaths.dossierZIP, use: dossierArchive)
    }

    var today: CalendarDate { CalendarDate(chinaDateOf: clock.now()) }

    @Sendable func list(request: Request, context: SignedInContext) async throws -> Response {
        let account = context.account
        let parameters = request.uri.queryParameters
        let state = parameters["state"].flatMap { InspectionState(rawValue: String($0)) }
        let overdueOnly = !(parameters["overdue"].map(String.init) ?? "").isEmpty
        let paging = Paging(page: parameters["page"], defaultPerPage: Self.perPage, maxPerPage: Self.perPage)
        let query = InspectionQuery(state: state, overdueOn: overdueOnly ? today : nil, limit: nil)
        var found = try await inspections.list(for: account, query)
        let day = today
        let isToday = { (inspection: Inspection) in inspection.windowStart <= day && day <= inspection.windowEnd }
        if account.role == .inspector {
            // The day's inspections first, each group by due date.
            found = found.filter(isToday) + found.filter { !isToday($0) }
        }
        let plans = try await stores.names.plans()
        let links = TableLinks(path: InspectionPaths.list.href, parameters: parameters)
        let sort = links.sort(allowed: Self.sortKeys.compactMap { $0 })
        if let sort { found = Self.sorted(found, by: sort, planNames: plans.mapValues(\.name)) }
        let pageCount = paging.pageCount(total: found.count)
        let page = min(paging.page, pageCount)
        let shown = found.dropFirst((page - 1) * paging.perPage).prefix(paging.perPage)
        // The day's visits carry the address and phone, for the inspector on the way.
        let contacts = try await stores.names.contacts(
            Set(shown.filter { isToday($0) && $0.state.isOutstanding }.map(\.target.uid)), preferring: account.departmentCode)
        let model = InspectionsPage(
            title: account.role == .inspector ? "我的检查任务" : "检查任务",
            rows: shown.map { inspection in
                let (remark, overdue) = InspectionPageBuilder.remaining(inspection, today: day, calendar: stores.database.calendar)
                return InspectionsPage.Row(
                    url: InspectionPaths.inspection.href(inspection.id), target: inspection.target.name,
                    plan: plans[inspection.planID]?.name ?? "联合抽查计划",
                    planURL: PlanPaths.plan.href(inspection.planID), window: InspectionPageBuilder.window(inspection),
                    due: DueDateText.of(inspection), remaining: remark, overdue: overdue, state: inspection.state.label,
                    today: isToday(inspection), contact: WorkQueuePage.contact(contacts[inspection.target.uid]))
            }, isEmpty: found.isEmpty,
            states: InspectionState.allCases.map { FieldOption(value: $0.rawValue, label: $0.label, selected: $0 == state) },
            overdueOnly: overdueOnly, columns: links.columns(Self.columns, keys: Self.sortKeys, current: sort),
            pager: links.pager(page: page, pageCount: pageCount, total: found.count))
        return pages.render("inspections", model, account: account, csrf: context.csrfToken)
    }

    static let columns = ["检查对象", "计划", "检查期间", "结果录入截止日", "状态"]
    static let sortKeys: [String?] = ["target", "plan", "window", "due", "state"]

    /// The list in the order asked for; ties keep the list's own order.
    static func sorted(_ found: [Inspection], by sort: ListSort, planNames: [Int64: String]) -> [Inspection] {
        let states = InspectionState.allCases
        func ordered(_ a: Inspection, _ b: Inspection) -> Bool? {
            switch sort.key {
            case "target": return a.target.name == b.target.name ? nil : a.target.name < b.target.name
            case "plan":
                let (x, y) = (planNames[a.planID] ?? "", planNames[b.planID] ?? "")
                return x == y ? nil : x < y
            case "window": return a.windowStart == b.windowStart ? nil : a.windowStart < b.windowStart
            case "due":
                // Unknown due dates last.
                let (x, y) = (
                    a.resultDueDate ?? CalendarDate(dayNumber: Int(Int32.max)), b.resultDueDate ?? CalendarDate(dayNumber: Int(Int32.max))
                )
                return x == y ? nil : x < y
            case "state":
                let (x, y) = (states.firstIndex(of: a.state) ?? 0, states.firstIndex(of: b.state) ?? 0)
                return x == y ? nil : x < y
            default: return nil
            }
        }
        let indexed = Array(found.enumerated())
        return indexed.sorted { lhs, rhs in
            guard let less = ordered(lhs.element, rhs.element) else { return lhs.offset < rhs.offset }
            return sort.descending ? !less : less
        }.map(\.element)
    }

    @Sendable func show(request: Request, context: SignedInContext) async throws -> Response {
        try await detail(id: context.parameters.require("id", as: Int64.self), account: context.account, context: context)
    }

    /// The detail page, optionally with a rejected form kept and its errors.
    func detail(
        id: Int64, account: Account, context: SignedInContext, rejected: InspectionPageBuilder.Rejected? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let inspection = try await inspections.get(id: id, for: account)
        let records = InspectionPageBuilder.Records(
            attachments: try await inspections.attachments(id: id, for: account),
            entrustments: try await inspections.entrustments(id: id, for: account),
            followUps: try await stores.followUps.list(inspectionID: id, for: account),
            experts: try await experts(inspection, account: account),
            planName: try await stores.names.plans()[inspection.planID]?.name ?? "",
            people: try await stores.names.accounts(),
            contact: try await stores.names.contacts([inspection.target.uid], preferring: inspection.initiator)[inspection.target.uid])
        let model = InspectionPageBuilder.detail(
            inspection, trail: try await inspections.trail(id: id, for: account), account: account, today: today,
            catalog: try await catalog(inspection), vocabulary: try await inspections.vocabulary(),
            departmentNames: try await stores.departments.names(), rejected: rejected, calendar: stores.database.calendar, records: records)
        return pages.render("inspection", model, account: account, csrf: context.csrfToken, status: status)
    }

    /// The check items of the inspection's departments, by `department:code`.
    func catalog(_ inspection: Inspection) async throws -> [String: CheckItem] {
        try await stores.itemCatalog(inspection)
    }

    /// The experts the team may entrust: the expert libraries of the plan's departments (only
    /// loaded for a team member who may record).
    func experts(_ inspection: Inspection, account: Account) async throws -> [Expert] {
        guard (try? InspectionPolicy.requireEntry(account, inspection)) != nil else { return [] }
        var found: [Expert] = []
        for department in inspection.departments {
            found += try await stores.experts.list(scope: .only(department), query: ListQuery(perPage: 500)).items
        }
        return found
    }
}
