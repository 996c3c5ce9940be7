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
