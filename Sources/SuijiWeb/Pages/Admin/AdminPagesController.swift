// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// Office pages: departments and accounts; the audit log for the office and overseers.
struct AdminPagesController {
    let stores: Stores
    let pages: PageRenderer
    let clock: AppClock

    func addRoutes(to routes: AppRoutes) {
        let office = routes.signedIn(.office)
        office.get(AdminPaths.accounts, use: accounts)
        routes.signedIn().post(AdminPaths.accounts, use: createAccount)
        office.post(AdminPaths.departments, use: createDepartment)
        office.post(AdminPaths.documentPrefix, use: setDocumentPrefix)
        routes.signedIn(.auditReaders).get(AdminPaths.audit, use: audit)
    }

    @Sendable func accounts(request: Request, context: SignedInContext) async throws -> Response {
        try await accountsPage(account: context.account, context: context, message: nil)
    }

    private func accountsPage(account: Account, context: SignedInContext, message: String?, status: HTTPResponse.Status = .ok)
        async throws -> Response
    {
        let departments = try await stores.departments.all()
        let names = Dictionary(departments.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let locked = try await stores.accounts.lockedUntil(now: clock.now())
        let prefixes = try await stores.departments.documentPrefixes()
        let model = AccountsPage(
            message: message,
            departments: departments.map {
                AccountsPage.Department(
                    code: $0.code, name: $0.name, prefix: prefixes[$0.code] ?? "", prefixURL: AdminPaths.documentPrefix.href($0.code))
            },
            accounts: try await stores.accounts.all().map {
                AccountsPage.Row(
                    username: $0.username, name: $0.displayName, role: $0.role.label,
                    department: $0.departmentCode.map { names[$0] ?? $0 } ?? "全区",
                    active: $0.active ? "启用" : "停用", isActive: $0.active, lockedUntil: locked[$0.username].map { ChinaTime.text($0) },
                    urls: AccountLinks($0.username))
            },
            roles: Role.allCases.map { FieldOption(value: $0.rawValue, label: $0.label, selected: false) })
        return pages.render("accounts", model, account: account, csrf: context.csrfToken, status: status)
    }

    @Sendable func createAccount(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let form = try await URLEncodedFormDecoder().decode([String: String].self, from: request, context: context)
        try FormText.check(form.map { ($0.key, $0.value) })
        guard let role = Role(rawValue: form["role"] ?? "") else { throw WebError.badRequest(field: "role", message: "请选择角色") }
        let department = (form["departmentCode"] ?? "").isEmpty ? nil : form["departmentCode"]
        do {
            try await stores.accounts.create(
                Account(username: form["username"] ?? "", displayName: form["displayName"] ?? "", role: role, departmentCode: department),
                password: form["password"] ?? "", inspectorCertificate: form["inspectorCertificate"] ?? "", caller: caller)
            return Response.redirect(to: AdminPaths.accounts.href, type: .found)
        } catch let error as any DomainError where error.kind == .invalid || error.kind == .conflict {
            return try await accountsPage(account: caller.account, context: context, message: error.message, status: .unprocessableContent)
        }
    }

    @Sendable func createDepartment(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let form = try await URLEncodedFormDecoder().decode([String: String].self, from: request, context: context)
        try FormText.check(form.map { ($0.key, $0.value) })
        do {
            try await stores.departments.create(
                Department(code: (form["code"] ?? "").uppercased(), name: form["name"] ?? ""), caller: caller)
            return Response.redirect(to: AdminPaths.accounts.href, type: .found)
        } catch let error as LibraryError where error.kind == .invalid || error.kind == .conflict {
            return try await accountsPage(account: caller.account, context: context, message: error.message, status: .unprocessableContent)
        }
    }

    /// The 文号代字 of a department's printed notices (office).
    @Sendable func setDocumentPrefix(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let form = try await FormFields.read(request, context: context)
        do {
            try await stores.departments.setDocumentPrefix(
                form.value("prefix"), of: try context.parameters.require("code"), caller: caller)
            return Response.redirect(to: AdminPaths.accounts.href, type: .found)
        } catch let error as LibraryError where error.kind == .invalid {
            return try await accountsPage(account: caller.account, context: context, message: error.message, status: .unprocessableContent)
        }
    }

    @Sendable func audit(request: Request, context: SignedInContext) async throws -> Response {
        let account = context.account
        let paging = Paging(page: request.uri.queryParameters["page"], defaultPerPage: 100, maxPerPage: 100)
        let entries = try await AuditLog.recent(stores.database, limit: paging.perPage, offset: paging.offset)
        let report = try await AuditLog.check(stores.database, seal: stores.auditSeal)
        let verdict = report.summary
        var intact = true
        if case .broken = report.verification { intact = false }
        let people = try await stores.names.accounts()
        let departments = try await stores.departments.names()
        let plans = Dictionary(try await stores.names.plans().values.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let targets = try await stores.names.targets(Set(entries.filter { $0.entity == "target" }.map(\.entityID)))
        let model = AuditPage(
            verdict: verdict, intact: intact,
            rows: entries.map { entry in
                let name: String? =
                    switch entry.entity {
                    case "department", "targets", "inspectors", "experts", "check-item", "items": departments[entry.entityID]
                    case "account", "session": people[entry.entityID]
                    case "plan": plans[entry.entityID]
                    case "target": targets[entry.entityID]
                    default: nil
                    }
                return AuditPage.Row(
                    seq: entry.seq, at: ChinaTime.text(stamp: entry.at), actor: people[entry.actor] ?? entry.actor, login: entry.actor,
                    action: AuditLabels.action(entry.action, entity: entry.entity) ?? entry.action,
                    entity: AuditLabels.entity(entry.entity) ?? entry.entity, name: name, entityID: entry.entityID,
                    digest: String(entry.digest.prefix(16)))
            },
            nextURL: entries.count == paging.perPage && paging.page < Paging.maxPage
                ? AdminPaths.audit.href + "?page=\(paging.page + 1)" : nil)
        return pages.render("audit", model, account: account, csrf: context.csrfToken)
    }
}

/// View model of the accounts page.
struct AccountsPage {
    struct Row {
        var username: String
        var name: String
        var role: String
        var department: String
        var active: String
        var isActive: Bool
        /// China time until which repeated failed logins lock the account.
        var lockedUntil: String?
        var urls: AccountLinks
    }

    struct Department {
        var code: String
        var name: String
        /// 文号代字, empty when the name is used.
        var prefix: String
        var prefixURL: String
    }

    var message: String?
    var departments: [Department]
    var accounts: [Row]
    var roles: [FieldOption]
}

/// View model of the audit page.
struct AuditPage {
    struct Row {
        var seq: Int64
        var at: String
        /// The actor's name, and the login name beside it.
        var actor: String
        var login: String
        var action: String
        var entity: String
        /// The entity's name where one is known (a department, a plan, a target, a person).
        var name: String?
        var entityID: String
        var digest: String
    }

    var verdict: String
    var intact: Bool
    var rows: [Row]
    var nextURL: String?
}
