// SPDX-License-Identifier: Apache-2.0

/// Every page route's path, per feature: the controllers register these and build their links
/// and redirects from them (templates get the links from their view models). The API's paths
/// are registered in the API controllers and documented in docs/openapi.yaml.
enum StaffPaths {
    static let home = Path("/")
    static let login = Path("/login")
    static let logout = Path("/logout")
    static let account = Path("/account")
    static let accountPassword = Path("/account/password")
    static let revokeSession = Path1<String>("/account/sessions/:id/revoke")
    static let imports = Path("/imports")
    static let exchange = Path("/exchange")
    static let exchangeJSON = Path("/exchange.json")
    static let exchangeXLSX = Path("/exchange.xlsx")
    static let outsideChecks = Path("/outside-checks")
}

/// The office's pages: departments and accounts, the audit log, the holiday calendar, and a
/// department's inspector logins.
enum AdminPaths {
    static let accounts = Path("/admin/accounts")
    static let unlock = Path1<String>("/admin/accounts/:username/unlock")
    static let disable = Path1<String>("/admin/accounts/:username/disable")
    static let enable = Path1<String>("/admin/accounts/:username/enable")
    static let revokeTokens = Path1<String>("/admin/accounts/:username/revoke-tokens")
    static let resetPassword = Path1<String>("/admin/accounts/:username/reset-password")
    static let departments = Path("/admin/departments")
    static let documentPrefix = Path1<String>("/admin/departments/:code/prefix")
    static let audit = Path("/admin/audit")
    static let calendar = Path("/admin/calendar")
    static let inspectorLogins = Path("/inspector-logins")
}

/// A library's pages (`/items`, `/targets`, `/inspectors`, `/experts`).
struct LibraryPaths {
    let list: Path
    let new: Path
    let record: Path1<Int64>
    let edit: Path1<Int64>

    init(_ library: String) {
        list = Path("/\(library)")
        new = Path("/\(library)/new")
        record = Path1("/\(library)/:id")
        edit = Path1("/\(library)/:id/edit")
    }

    static let items = LibraryPaths("items")
    static let targets = LibraryPaths("targets")
    static let inspectors = LibraryPaths("inspectors")
    static let experts = LibraryPaths("experts")
}

/// Plans and their batches.
enum PlanPaths {
    static let list = Path("/plans")
    static let new = Path("/plans/new")
    static let plan = Path1<Int64>("/plans/:id")
    static let edit = Path1<Int64>("/plans/:id/edit")
    static let delete = Path1<Int64>("/plans/:id/delete")
    static let action = Path2<Int64, String>("/plans/:id/actions/:action")
    static let batches = Path1<Int64>("/plans/:id/batches")
    static let batch = Path1<Int64>("/batches/:id")
    static let editBatch = Path1<Int64>("/batches/:id/edit")
    static let deleteBatch = Path1<Int64>("/batches/:id/delete")
    static let prepareDraw = Path1<Int64>("/batches/:id/draws")
}

/// A draw's staff page and its ceremony's steps.
enum DrawPaths {
    static let draw = Path1<String>("/draws/:id")
    static let announcement = Path1<String>("/draws/:id/announcement")
    static let commitments = Path1<String>("/draws/:id/commitments")
    static let reveals = Path1<String>("/draws/:id/reveals")
    static let publicValue = Path1<String>("/draws/:id/public-value")
    static let execute = Path1<String>("/draws/:id/execute")
}

/// Inspections, their printed documents and records, and follow-ups.
enum InspectionPaths {
    static let list = Path("/inspections")
    static let inspection = Path1<Int64>("/inspections/:id")
    static let notice = Path1<Int64>("/inspections/:id/notice")
    static let record = Path1<Int64>("/inspections/:id/record")
    static let noticePDF = Path1<Int64>("/inspections/:id/notice.pdf")
    static let recordPDF = Path1<Int64>("/inspections/:id/record.pdf")
    static let schedule = Path1<Int64>("/inspections/:id/schedule")
    static let findings = Path1<Int64>("/inspections/:id/findings")
    static let submit = Path1<Int64>("/inspections/:id/submit")
    static let review = Path1<Int64>("/inspections/:id/review")
    static let attachments = Path1<Int64>("/inspections/:id/attachments")
    static let entrustments = Path1<Int64>("/inspections/:id/entrustments")
    static let dossier = Path1<Int64>("/inspections/:id/dossier")
    static let dossierZIP = Path1<Int64>("/inspections/:id/dossier.zip")
    static let followUps = Path1<Int64>("/inspections/:id/follow-ups")
    static let followUpList = Path("/follow-ups")
    static let followUpActions = Path1<Int64>("/follow-ups/:id/actions")
}

/// The annual plan and its merge proposals.
enum AnnualPlanPaths {
    static let index = Path("/annual-plans")
    static let year = Path1<Int>("/annual-plans/:year")
    static let reminders = Path1<Int>("/annual-plans/:year/reminders")
    static let refresh = Path1<Int>("/annual-plans/:year/merge-proposals/refresh")
    static let versions = Path1<Int>("/annual-plans/:year/versions")
    static let decision = Path1<Int64>("/merge-proposals/:id/decision")
}

/// Oversight: the figures, their rows, the evaluation report and its workbook.
enum OversightPaths {
    static let overview = Path("/oversight")
    static let rows = Path("/oversight/rows")
    static let report = Path("/oversight/report")
    static let workbook = Path("/oversight/report.xlsx")
}

/// API routes that pages link to (the API's paths are otherwise registered in `API/`).
enum APIPaths {
    /// A library's export, `targets.xlsx` or `items.csv`.
    static let export = Path1<String>("/api/v1/exports/:file")
    /// A public draw's page as JSON.
    static let publicDraw = Path1<String>("/api/v1/public/draws/:id")
}

/// The public portal and the open data.
enum PublicPaths {
    static let home = Path("/public")
    static let items = Path("/public/items")
    static let plans = Path("/public/plans")
    static let plan = Path1<Int64>("/public/plans/:id")
    static let targets = Path("/public/targets")
    static let target = Path1<String>("/public/targets/:uid")
    static let annualPlans = Path("/public/annual-plans")
    static let annualPlan = Path1<Int>("/public/annual-plans/:year")
    static let data = Path("/public/data")
    static let dataFile = Path1<String>("/public/data/:file")
    static let annualPlanFile = Path1<String>("/public/data/annual-plans/:file")
    static let draw = Path1<String>("/public/draws/:id")
    static let verify = Path1<String>("/public/draws/:id/verify")
    static let drawFile = Path2<String, String>("/public/draws/:id/files/:name")
    static let bundle = Path1<String>("/public/draws/:id/bundle.zip")
    static let drawLog = Path("/public/draw-log.txt")
}
