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

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/accounts", use: accounts)
        router.post("/admin/accounts", use: createAccount)
        router.post("/admin/departments", use: createDepartment)
        router.post("/admin/departments/:code/prefix", use: setDocumentPrefix)
        router.get("/admin/audit", use: audit)
    }

    /// Chinese names of the audit log's actions and entities (the log itself stays in English).
    static let actions: [String: String] = [
        "create": "新增", "update": "修改", "new-version": "新版本", "import": "导入", "login": "登录",
        "login-failed": "登录失败", "logout": "退出登录", "lock": "锁定账号", "unlock": "解除锁定", "change-password": "修改密码",
        "reset-password": "重置密码", "disable": "停用账号", "enable": "启用账号", "revoke-token": "撤销令牌", "refuse": "拒绝访问",
        "export": "导出", "download": "下载", "backup": "备份", "restore": "从备份恢复", "rekey": "更换审计密钥", "upsert": "新增或修改",
        "declare-conflict": "申报回避", "submit": "提交", "approve": "批准", "reject": "退回", "finish": "完成", "publish": "公示",
        "add-batch": "新增批次", "prepare": "准备抽取", "commit": "提交承诺", "publish-commitment": "发布承诺", "reveal": "揭示秘密",
        "public-value": "录入公开随机值", "execute": "执行抽取", "replace-inspector": "更换检查人员", "create-inspections": "生成检查任务",
        "notice": "告知", "finding": "录入结果", "review": "审核", "return": "退回",
        "load-holiday-notice": "载入节假日安排通知", "issue-document-number": "编发文号", "record-outside-check": "登记随机抽查以外的检查",
        "import-outside-checks": "导入随机抽查以外的检查",
    ]
    static let entities: [String: String] = [
        "target": "检查对象", "targets": "检查对象", "inspector": "执法检查人员", "inspectors": "执法检查人员", "expert": "专家",
        "experts": "专家", "check-item": "抽查事项", "items": "抽查事项", "department": "部门", "account": "账号", "session": "会话",
        "area": "区划", "plan": "联合抽查计划", "draw": "随机抽取", "inspection": "检查任务", "calendar": "节假日安排", "request": "请求",
        "attachment": "附件", "dossier": "检查档案", "database": "数据库", "audit-key": "审计密钥",
    ]

    @Sendable func accounts(request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        try AccessPolicy.requireOffice(account)
        return try await accountsPage(account: account, context: context, message: nil)
    }

    private func accountsPage(account: Account, context: AppRequestContext, message: String?, status: HTTPResponse.Status = .ok)
        async throws -> Response
    {
        let departments = try await stores.departments.all()
        let locked = try await stores.accounts.lockedUntil(now: clock.now())
        let prefixes = try await stores.departments.documentPrefixes()
        let model = AccountsPage(
            message: message,
            departments: departments.map { AccountsPage.Department(code: $0.code, name: $0.name, prefix: prefixes[$0.code] ?? "") },
            accounts: try await stores.accounts.all().map {
                AccountsPage.Row(
                    username: $0.username, name: $0.displayName, role: $0.role.label, department: $0.departmentCode ?? "—",
                    active: $0.active ? "启用" : "停用", isActive: $0.active, lockedUntil: locked[$0.username].map { ChinaTime.text($0) })
            },
            roles: Role.allCases.map { FieldOption(value: $0.rawValue, label: $0.label, selected: false) })
        return pages.render("accounts", model, account: account, csrf: context.csrfToken, status: status)
    }

    @Sendable func createAccount(request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.caller(clock)
        let form = try await URLEncodedFormDecoder().decode([String: String].self, from: request, context: context)
        guard form["_csrf"] == context.csrfToken else { throw WebError.csrfMismatch }
        try FormText.check(form.map { ($0.key, $0.value) })
        guard let role = Role(rawValue: form["role"] ?? "") else { throw WebError.badRequest(field: "role", message: "请选择角色") }
        let department = (form["departmentCode"] ?? "").isEmpty ? nil : form["departmentCode"]
        do {
            try await stores.accounts.create(
                Account(username: form["username"] ?? "", displayName: form["displayName"] ?? "", role: role, departmentCode: department),
                password: form["password"] ?? "", inspectorCertificate: form["inspectorCertificate"] ?? "", caller: caller)
            return Response.redirect(to: "/admin/accounts", type: .found)
        } catch let error as any DomainError where error.kind == .invalid || error.kind == .conflict {
            return try await accountsPage(account: caller.account, context: context, message: error.message, status: .unprocessableContent)
        }
    }

    @Sendable func createDepartment(request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.caller(clock)
        let form = try await URLEncodedFormDecoder().decode([String: String].self, from: request, context: context)
        guard form["_csrf"] == context.csrfToken else { throw WebError.csrfMismatch }
        try FormText.check(form.map { ($0.key, $0.value) })
        do {
            try await stores.departments.create(
                Department(code: (form["code"] ?? "").uppercased(), name: form["name"] ?? ""), caller: caller)
            return Response.redirect(to: "/admin/accounts", type: .found)
        } catch let error as LibraryError where error.kind == .invalid || error.kind == .conflict {
            return try await accountsPage(account: caller.account, context: context, message: error.message, status: .unprocessableContent)
        }
    }

    /// The 文号代字 of a department's printed notices (office).
    @Sendable func setDocumentPrefix(request: Request, context: AppRequestContext) async throws -> Response {
        let caller = try context.caller(clock)
        let form = try await FormFields.read(request, context: context)
        do {
            try await stores.departments.setDocumentPrefix(
                form.value("prefix"), of: try context.parameters.require("code"), caller: caller)
            return Response.redirect(to: "/admin/accounts", type: .found)
        } catch let error as LibraryError where error.kind == .invalid {
            return try await accountsPage(account: caller.account, context: context, message: error.message, status: .unprocessableContent)
        }
    }

    @Sendable func audit(request: Request, context: AppRequestContext) async throws -> Response {
        let account = try context.requireAccount()
        try AccessPolicy.requireAuditReader(account)
        let paging = Paging(page: request.uri.queryParameters["page"], defaultPerPage: 100, maxPerPage: 100)
        let entries = try await AuditLog.recent(stores.database, limit: paging.perPage, offset: paging.offset)
        let report = try await AuditLog.check(stores.database, seal: stores.auditSeal)
        let verdict = report.summary
        var intact = true
        if case .broken = report.verification { intact = false }
        let model = AuditPage(
            verdict: verdict, intact: intact,
            rows: entries.map {
                AuditPage.Row(
                    seq: $0.seq, at: $0.at, actor: $0.actor, action: Self.actions[$0.action] ?? $0.action,
                    entity: Self.entities[$0.entity] ?? $0.entity, entityID: $0.entityID,
                    digest: String($0.digest.prefix(16)))
            },
            nextURL: entries.count == paging.perPage && paging.page < Paging.maxPage ? "/admin/audit?page=\(paging.page + 1)" : nil)
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
    }

    struct Department {
        var code: String
        var name: String
        /// 文号代字, empty when the name is used.
        var prefix: String
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
        var actor: String
        var action: String
        var entity: String
        var entityID: String
        var digest: String
    }

    var verdict: String
    var intact: Bool
    var rows: [Row]
    var nextURL: String?
}
