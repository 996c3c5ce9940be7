// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// 检查人员账号: a department admin (or the office, for any department) sees which inspectors
/// of the library have a login, makes one for one inspector or for every inspector still
/// without one (the one-time passwords are shown once, or downloaded as CSV), resets and
/// disables them. Over the API: `/api/v1/departments/{code}/inspector-logins`.
struct InspectorLoginsController {
    let stores: Stores
    let pages: PageRenderer
    let clock: AppClock

    var logins: InspectorLoginStore { InspectorLoginStore(accounts: stores.accounts) }

    func addRoutes(to routes: AppRoutes) {
        let router = routes.signedIn()
        router.get(AdminPaths.inspectorLogins, use: page)
        router.post(AdminPaths.inspectorLogins, use: issuePage)
        router.get("/api/v1/departments/:code/inspector-logins") { _, context in
            let caller = context.caller
            return JSONBody.response(try await logins.list(department: try context.parameters.require("code"), caller: caller))
        }
        router.post("/api/v1/departments/:code/inspector-logins") { request, context in
            let caller = context.caller
            let body = try await JSONBody.optional(IssueRequest.self, request, context: context)
            let issued = try await logins.issue(
                department: try context.parameters.require("code"), inspectorIDs: body?.inspectorIds, caller: caller)
            return JSONBody.response(issued, status: .created)
        }
    }

    struct IssueRequest: Decodable {
        /// Only these inspectors (all without a login when absent).
        var inspectorIds: [Int64]?
    }

    /// The department shown: an admin's own; for the office the one asked for, else the first.
    private func department(_ request: Request, account: Account, asked: String?) async throws -> String {
        if account.role == .departmentAdmin, let own = account.departmentCode { return own }
        if let asked, !asked.isEmpty { return asked }
        return try await stores.departments.all().first?.code ?? ""
    }

    @Sendable func page(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let code = try await department(request, account: caller.account, asked: request.uri.queryParameters["department"].map(String.init))
        let people = try await logins.list(department: code, caller: caller)
        let departments = try await stores.departments.all()
        let back = AdminPaths.inspectorLogins.href + "?department=\(code)"
        let model = InspectorLoginsPage(
            department: departments.first { $0.code == code }?.name ?? code, code: code, back: back,
            departments: departments.map { FieldOption(value: $0.code, label: $0.name, selected: $0.code == code) },
            choosesDepartment: caller.account.role == .office,
            rows: people.map {
                InspectorLoginsPage.Row(
                    inspectorID: $0.inspectorID, name: $0.name, certificate: $0.certificateNumber, status: $0.status.label,
                    username: $0.username, state: $0.active.map { $0 ? "启用" : "停用" },
                    active: $0.active == true, pending: $0.mustChangePassword == true, canIssue: $0.status != .transferred,
                    urls: $0.username.map(AccountLinks.init))
            },
            missing: people.filter { $0.username == nil && $0.status != .transferred }.count)
        return pages.render("inspector-logins", model, account: caller.account, csrf: context.csrfToken)
    }

    /// Makes logins (one inspector, or all still without one) and shows the one-time passwords
    /// once, or sends them as a CSV file (`format=csv`).
    @Sendable func issuePage(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let form = try await AccountAdminController.formValues(request, context: context)
        let code = try await department(request, account: caller.account, asked: form["department"])
        let only = form["inspectorID"].flatMap { Int64($0) }.map { [$0] }
        let issued = try await logins.issue(department: code, inspectorIDs: only, caller: caller)
        let stamp = Timestamp.format(clock.now()).prefix(10)
        if form["format"] == "csv" {
            var csv = "\u{FEFF}姓名,执法证号,用户名,一次性初始密码\r\n"
            for login in issued {
                csv +=
                    [login.name, login.certificateNumber, login.username, login.password].map(Self.csvField).joined(separator: ",") + "\r\n"
            }
            return Download.response(
                Array(csv.utf8), name: "检查人员账号-\(code)-\(stamp).csv", mediaType: "text/csv; charset=utf-8",
                headers: [.cacheControl: "no-store"])
        }
        let model = OneTimePasswordsPage(
            title: issued.isEmpty ? "没有需要新建账号的执法检查人员" : "已为 \(issued.count) 名执法检查人员新建账号",
            logins: issued.map { .init(name: $0.name, certificate: $0.certificateNumber, username: $0.username, password: $0.password) },
            backURL: AdminPaths.inspectorLogins.href + "?department=\(code)", csvURL: nil)
        var response = pages.render("one-time-passwords", model, account: caller.account, csrf: context.csrfToken)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// A CSV field, quoted when needed; a leading formula sign is neutralised for spreadsheets.
    static func csvField(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        return text.contains(where: { ",\"\r\n".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}

/// The view model of 检查人员账号.
struct InspectorLoginsPage {
    struct Row {
        var inspectorID: Int64
        var name: String
        var certificate: String
        var status: String
        var username: String?
        var state: String?
        var active: Bool
        /// The one-time password has not been changed yet.
        var pending: Bool
        var canIssue: Bool
        var urls: AccountLinks?
    }

    var department: String
    var code: String
    var back: String
    var departments: [FieldOption]
    /// The office picks the department; an admin sees their own.
    var choosesDepartment: Bool
    var rows: [Row]
    var missing: Int
}
