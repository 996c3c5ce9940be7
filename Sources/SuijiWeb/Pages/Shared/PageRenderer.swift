// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import Mustache
import SuijiCore
import SuijiStore

/// A template the renderer cannot find: a fault of the build, never of the request.
public enum TemplateError: Error, Equatable, CustomStringConvertible {
    /// The module's `Templates` folder is not in the bundle.
    case folderMissing
    /// No template of this name was loaded.
    case missing(String)

    public var description: String {
        switch self {
        case .folderMissing: "templates missing from the bundle"
        case .missing(let name): "template \(name).mustache missing"
        }
    }
}

/// Renders a page: a view model plus one Mustache template, inside the shared layout.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary
    /// Department names for the header, kept current by `DepartmentNamesMiddleware`.
    let departments = DepartmentNames()
    /// Public pages rendered for anonymous visitors (`publicPage`).
    let publicPages = PublicPageCache()

    /// Loads the templates shipped in the module's resources; every page's template must be
    /// there (`templates`), or this throws and the server does not start.
    public static func bundled() async throws -> PageRenderer {
        guard let url = Bundle.module.url(forResource: "Templates", withExtension: nil) else { throw TemplateError.folderMissing }
        let renderer = PageRenderer(library: try await MustacheLibrary(directory: url.path))
        try renderer.requireTemplates()
        return renderer
    }

    /// What every page's layout needs next to the page's own model.
    struct Envelope<Model> {
        var page: Model
        var user: UserBar?
        var nav: [NavItem]
        var csrf: String
        var paths = PageLinks.shared
    }

    struct UserBar: Encodable {
        var name: String
        var role: String
        var department: String
    }

    struct NavItem: Encodable {
        var label: String
        var url: String
    }

    /// The HTML of `template` with `model`; throws when the template is missing. A `PageModel` is
    /// handed to Mustache as a prepared context (`MustacheContext`); any other model is read by
    /// Mustache through reflection.
    func html<Model>(_ template: String, _ model: Model, account: Account?, csrf: String = "") throws(TemplateError) -> String {
        let user = account.map { account in
            UserBar(
                name: account.displayName, role: account.role.label,
                department: account.departmentCode.map { departments.name($0) ?? $0 } ?? "全区")
        }
        let nav = account.map(Self.nav) ?? []
        let context: Any =
            if let prepared = model as? any PageModel {
                Self.context(prepared, user: user, nav: nav, csrf: csrf)
            } else {
                Envelope(page: model, user: user, nav: nav, csrf: csrf)
            }
        guard let html = library.render(context, withTemplate: template) else { throw .missing(template) }
        return html
    }

    static func context<Model: PageModel>(_ model: Model, user: UserBar?, nav: [NavItem], csrf: String) -> Any {
        MustacheContext.make(PreparedEnvelope(page: model, user: user, nav: nav, csrf: csrf))
    }

    /// `Envelope` of a `PageModel`.
    struct PreparedEnvelope<Model: PageModel>: Encodable {
        var page: Model
        var user: UserBar?
        var nav: [NavItem]
        var csrf: String
        var paths = PageLinks.shared
    }

    /// An HTML response of `template` with `model`. A missing template answers 500, never a page
    /// that looks fine.
    func render<Model>(_ template: String, _ model: Model, account: Account?, csrf: String = "", status: HTTPResponse.Status = .ok)
        -> Response
    {
        do {
            let html = try html(template, model, account: account, csrf: csrf)
            return Response(
                status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
        } catch {
            return Response(
                status: .internalServerError, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "服务器内部错误：页面模板 \(template) 缺失")))
        }
    }

    /// The Chinese error page.
    func errorPage(_ error: ErrorBody, account: Account?, csrf: String = "") -> Response {
        render(
            "error",
            ErrorPage(
                status: Int(error.status.code), message: error.message, details: error.details ?? [],
                hasDetails: !(error.details ?? []).isEmpty), account: account, csrf: csrf, status: error.status)
    }

    static func nav(for account: Account) -> [NavItem] {
        var items = [
            NavItem(label: "工作台", url: StaffPaths.home.href),
            NavItem(label: "抽查事项", url: LibraryPaths.items.list.href),
            NavItem(label: "检查对象", url: LibraryPaths.targets.list.href),
            NavItem(label: "执法检查人员", url: LibraryPaths.inspectors.list.href),
            NavItem(label: "专家", url: LibraryPaths.experts.list.href),
            NavItem(label: "联合抽查计划", url: PlanPaths.list.href),
            NavItem(label: "检查任务", url: InspectionPaths.list.href),
        ]
        if account.role != .inspector { items.append(NavItem(label: "后续处置", url: InspectionPaths.followUpList.href)) }
        items.append(NavItem(label: "其他检查", url: StaffPaths.outsideChecks.href))
        if account.role == .departmentAdmin { items.append(NavItem(label: "批量导入", url: StaffPaths.imports.href)) }
        if account.role == .office || account.role == .overseer { items.append(NavItem(label: "年度计划", url: AnnualPlanPaths.index.href)) }
        if account.role != .inspector { items.append(NavItem(label: "监督考评", url: OversightPaths.overview.href)) }
        if account.role == .office { items.append(NavItem(label: "部门与账号", url: AdminPaths.accounts.href)) }
        if account.role == .departmentAdmin { items.append(NavItem(label: "检查人员账号", url: AdminPaths.inspectorLogins.href)) }
        if account.role == .office || account.role == .overseer { items.append(NavItem(label: "审计日志", url: AdminPaths.audit.href)) }
        if account.role == .office || account.role == .overseer { items.append(NavItem(label: "节假日安排", url: AdminPaths.calendar.href)) }
        if account.role != .inspector { items.append(NavItem(label: "数据交换", url: StaffPaths.exchange.href)) }
        return items
    }
}

/// A page's view model that Mustache reads as a prepared context (`MustacheContext`), without
/// reflection: the pages loaded most (the public target page, the staff home, library lists).
protocol PageModel: Encodable {}

/// The error page's view model.
struct ErrorPage {
    var status: Int
    var message: String
    var details: [RowIssue]
    var hasDetails: Bool
}
