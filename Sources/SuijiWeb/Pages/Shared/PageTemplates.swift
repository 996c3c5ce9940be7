// SPDX-License-Identifier: Apache-2.0

import Mustache

/// The templates the pages render, resolved when the renderer is built: a template missing from
/// the bundle stops the start-up (`TemplateError.missing`) instead of failing a request later.
/// A new page adds its template's name here (`PageTemplatesTests` checks that every name the
/// code renders is listed).
extension PageRenderer {
    static let templates: [String] = [
        "base", "error", "login", "home", "list", "detail", "form", "dossier", "print-document",
        "accounts", "account", "inspector-logins", "one-time-passwords", "audit", "calendar", "exchange", "import", "annual-plan",
        "plans", "plan", "plan-form", "batch-form", "draw", "inspections", "inspection", "follow-ups", "outside-checks",
        "oversight", "oversight-report", "oversight-rows",
        "public-home", "public-items", "public-plans", "public-plan", "public-draw", "public-verify", "public-targets", "public-target",
        "public-data", "public-annual-plans", "public-annual-plan",
        // partials (`{{> name}}`)
        "batch-fields", "batch-preview", "pager", "sortable-header",
    ]

    /// Throws when one of `names` is not loaded.
    func requireTemplates(_ names: [String] = templates) throws(TemplateError) {
        if let missing = names.first(where: { library.getTemplate(named: $0) == nil }) { throw .missing(missing) }
    }
}
