// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import SuijiCore
import SuijiStore

/// Who may reach a group of signed-in routes: any account (`signedIn`) or only some roles. A
/// role group refuses everyone else with the error the area's own policy gives (same status,
/// code and Chinese message as the store would answer), before the handler runs; the store
/// still applies the finer rules (department, record state).
struct RouteAccess: Sendable {
    /// A short name for the route inventory (`RouteTable.signedIn`).
    let name: String
    /// The roles let through (an active account of one of them).
    let roles: Set<Role>
    /// Throws the area's refusal unless `account` may reach the group.
    let check: @Sendable (Account) throws -> Void

    /// Any signed-in account.
    static let signedIn = RouteAccess(name: "signed-in", roles: Set(Role.allCases)) { _ in }

    /// The joint-meeting office: departments, accounts, lockouts, document prefixes.
    static let office = RouteAccess(name: "office", roles: [.office]) { try AccessPolicy.requireOffice($0) }

    /// The audit log's readers: the office and overseers.
    static let auditReaders = RouteAccess(name: "audit readers", roles: [.office, .overseer]) {
        try AccessPolicy.requireAuditReader($0)
    }

    /// Who imports into the libraries: a department admin, into its own department's.
    static let importers = RouteAccess(name: "importers", roles: [.departmentAdmin]) {
        try AccessPolicy.requireWrite($0, department: $0.departmentCode ?? "")
    }

    /// Oversight statistics' readers: the office, overseers and department admins (their own
    /// department, scoped by the store); not inspectors.
    static let oversightReaders = RouteAccess(name: "oversight readers", roles: [.office, .overseer, .departmentAdmin]) {
        _ = try OversightPolicy.scope($0)
    }

    /// Who exports the exchange data: everyone but inspectors.
    static let exchangers = RouteAccess(name: "exchangers", roles: [.office, .overseer, .departmentAdmin]) { account in
        guard account.active, account.role != .inspector else { throw LibraryError.forbidden("执法检查人员不能导出交换数据") }
    }

    /// The working-day calendar's readers: the office and overseers.
    static let calendarReaders = RouteAccess(name: "calendar readers", roles: [.office, .overseer]) { account in
        guard account.role == .office || account.role == .overseer else { throw HolidayNoticeError.forbidden }
    }

    /// Who loads a holiday notice: the office.
    static let calendarLoaders = RouteAccess(name: "calendar loaders", roles: [.office]) { account in
        guard account.active, account.role == .office else { throw HolidayNoticeError.forbidden }
    }
}

/// Refuses a caller outside the group's `RouteAccess` (the refusal is audited by
/// `RefusalAuditMiddleware`, as every 403).
struct RouteAccessMiddleware: RouterMiddleware {
    typealias Context = SignedInContext
    let access: RouteAccess

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try access.check(context.account)
        return try await next(request, context)
    }
}
