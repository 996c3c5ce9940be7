// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// The home page per role: the libraries' state and the work waiting.
struct HomeController {
    let stores: Stores
    let pages: PageRenderer
    let clock: AppClock

    func addRoutes(to routes: AppRoutes) {
        let router = routes.signedIn()
        router.get(StaffPaths.home, use: home)
    }

    @Sendable func home(request: Request, context: SignedInContext) async throws -> Response {
        let account = context.account
        let scope = AccessPolicy.readScope(account)
        let departments = try await stores.departments.all()
        let names = Dictionary(departments.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let counts = try await stores.summary.counts(scope: scope)
        let today = CalendarDate(chinaDateOf: clock.now())
        let soon = today.adding(days: 60)
        let expiring = try await stores.summary.certificatesExpiring(scope: scope, by: soon)
        let queue = try await stores.workQueue.queue(for: account, today: today, now: clock.now())
        let queueNames = WorkQueuePage.Names(
            targets: try await stores.names.targets(Set(queue.overdueRectifications.map(\.targetUID))),
            items: queue.overdueRectifications.contains { $0.item != nil } ? try await stores.items.currentNames() : [:],
            contacts: try await stores.names.contacts(Set(queue.visitsToday.map(\.target.uid)), preferring: account.departmentCode))
        let reminders = account.role == .departmentAdmin ? try await stores.annualPlans.reminders(for: account, limit: 5) : []
        let model = HomePage(
            work: WorkQueuePage(queue, today: today, account: account, names: queueNames),
            greeting: "\(account.displayName)，您好",
            roleNote: Self.roleNote(account.role),
            rows: counts.map {
                HomePage.Row(
                    department: names[$0.department] ?? $0.department, code: $0.department, targets: $0.targets,
                    operating: $0.operatingTargets, items: $0.items, inspectors: $0.inspectors, active: $0.activeInspectors,
                    experts: $0.experts)
            },
            expiring: expiring.map {
                HomePage.Expiring(
                    name: $0.name, department: names[$0.departmentCode] ?? $0.departmentCode, certificate: $0.certificateNumber,
                    expiry: ChinaTime.day($0.certificateExpiry),
                    expired: $0.certificateExpiry < today, url: LibraryPaths.inspectors.record.href($0.id))
            }, hasExpiring: !expiring.isEmpty,
            reminders: reminders.map { HomePage.Notice(message: $0.message, sentBy: $0.sentBy, sentAt: ChinaTime.text(stamp: $0.sentAt)) },
            hasReminders: !reminders.isEmpty)
        return pages.render("home", model, account: account, csrf: context.csrfToken)
    }

    static func roleNote(_ role: Role) -> String {
        switch role {
        case .office: "联席会议办公室：可查看全部成员单位的“一单两库”，管理部门和账号。"
        case .departmentAdmin: "部门管理员：维护本部门的抽查事项清单、检查对象库、执法检查人员库和专家库（谁监管、谁建设、谁维护）。"
        case .inspector: "执法检查人员：可查看本部门名录库，录入本人承担的检查任务结果。"
        case .overseer: "监督考评：可查看全部数据，不能修改。"
        }
    }
}

/// View model of the home page.
struct HomePage: PageModel {
    var work: WorkQueuePage
    struct Row: Encodable {
        var department: String
        var code: String
        var targets: Int
        var operating: Int
        var items: Int
        var inspectors: Int
        var active: Int
        var experts: Int
    }

    struct Expiring: Encodable {
        var name: String
        var department: String
        var certificate: String
        var expiry: String
        var expired: Bool
        var url: String
    }

    /// A reminder from the office.
    struct Notice: Encodable {
        var message: String
        var sentBy: String
        var sentAt: String
    }

    var greeting: String
    var roleNote: String
    var rows: [Row]
    var expiring: [Expiring]
    var hasExpiring: Bool
    var reminders: [Notice]
    var hasReminders: Bool
}
