// SPDX-License-Identifier: Apache-2.0

/// The links every template may use without a parameter (`{{paths.plans}}`), from `Paths`:
/// the layout's header, navigation and footer, and the fixed targets of pages' forms. A link
/// with a parameter comes from the page's view model.
struct PageLinks: Encodable, Sendable {
    var home = StaffPaths.home.href
    var login = StaffPaths.login.href
    var logout = StaffPaths.logout.href
    var account = StaffPaths.account.href
    var accountPassword = StaffPaths.accountPassword.href
    var imports = StaffPaths.imports.href
    var exchange = StaffPaths.exchange.href
    var outsideChecks = StaffPaths.outsideChecks.href
    var accounts = AdminPaths.accounts.href
    var departments = AdminPaths.departments.href
    var calendar = AdminPaths.calendar.href
    var inspectorLogins = AdminPaths.inspectorLogins.href
    var plans = PlanPaths.list.href
    var newPlan = PlanPaths.new.href
    var items = LibraryPaths.items.list.href
    var targets = LibraryPaths.targets.list.href
    var inspectors = LibraryPaths.inspectors.list.href
    var experts = LibraryPaths.experts.list.href
    var inspections = InspectionPaths.list.href
    var followUps = InspectionPaths.followUpList.href
    var oversight = OversightPaths.overview.href
    var publicHome = PublicPaths.home.href
    var publicItems = PublicPaths.items.href
    var publicPlans = PublicPaths.plans.href
    var publicAnnualPlans = PublicPaths.annualPlans.href
    var publicTargets = PublicPaths.targets.href
    var publicData = PublicPaths.data.href
    var drawLog = PublicPaths.drawLog.href

    static let shared = PageLinks()
}

/// The action links of one account (the accounts page, a department's inspector logins).
struct AccountLinks: Encodable, Sendable {
    var unlock: String
    var resetPassword: String
    var disable: String
    var enable: String
    var revokeTokens: String

    init(_ username: String) {
        unlock = AdminPaths.unlock.href(username)
        resetPassword = AdminPaths.resetPassword.href(username)
        disable = AdminPaths.disable.href(username)
        enable = AdminPaths.enable.href(username)
        revokeTokens = AdminPaths.revokeTokens.href(username)
    }
}

/// The links of one inspection's page and its forms.
struct InspectionLinks: Encodable, Sendable {
    var page: String
    var notice: String
    var record: String
    var dossier: String
    var schedule: String
    var findings: String
    var entrustments: String
    var attachments: String
    var submit: String
    var review: String
    var followUps: String

    init(_ id: Int64) {
        page = InspectionPaths.inspection.href(id)
        notice = InspectionPaths.notice.href(id)
        record = InspectionPaths.record.href(id)
        dossier = InspectionPaths.dossier.href(id)
        schedule = InspectionPaths.schedule.href(id)
        findings = InspectionPaths.findings.href(id)
        entrustments = InspectionPaths.entrustments.href(id)
        attachments = InspectionPaths.attachments.href(id)
        submit = InspectionPaths.submit.href(id)
        review = InspectionPaths.review.href(id)
        followUps = InspectionPaths.followUps.href(id)
    }
}
