// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// The printed 抽查通知书 and 检查记录表: an A4 page to print from the browser, and the same
/// document as a PDF made here.
extension InspectionPagesController {
    func addPrintRoutes(to router: SignedInRoutes) {
        router.get(InspectionPaths.notice) { request, context in try await printPage(.notice, context: context) }
        router.get(InspectionPaths.record) { request, context in try await printPage(.record, context: context) }
        router.get(InspectionPaths.noticePDF) { request, context in try await printPDF(.notice, context: context) }
        router.get(InspectionPaths.recordPDF) { request, context in try await printPDF(.record, context: context) }
    }

    enum PrintKind {
        case notice, record
    }

    func printPage(_ kind: PrintKind, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        var document = try await printDocument(kind, caller: caller, context: context)
        document.pageURL = InspectionPaths.inspection.href(document.inspectionID)
        document.pdfURL = (kind == .notice ? InspectionPaths.noticePDF : InspectionPaths.recordPDF).href(document.inspectionID)
        return pages.render("print-document", document, account: caller.account, csrf: context.csrfToken)
    }

    func printPDF(_ kind: PrintKind, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let document = try await printDocument(kind, caller: caller, context: context)
        return Download.response(document.pdf(created: caller.at), name: document.fileTitle + ".pdf", mediaType: "application/pdf")
    }

    func printDocument(_ kind: PrintKind, caller: Caller, context: SignedInContext) async throws -> PrintDocument {
        let inspection = try await inspections.get(id: try context.parameters.require("id", as: Int64.self), for: caller.account)
        let number = try await stores.documentNumbers.number(for: inspection, caller: caller)
        let print = try await stores.inspectionPrint(
            inspection, number: number, entrustments: try await inspections.entrustments(id: inspection.id, for: caller.account),
            account: caller.account, today: CalendarDate(chinaDateOf: caller.at))
        return kind == .notice ? print.notice : print.record
    }
}

extension Stores {
    /// What the printed documents of `inspection` show, read with `account`'s rights where it
    /// matters (the plan's name, else the documents say 本年度部门联合抽查计划).
    func inspectionPrint(
        _ inspection: Inspection, number: String?, entrustments: [Entrustment], account: Account, today: CalendarDate
    ) async throws -> InspectionPrint {
        let leaderPhone: String
        if let leader = inspection.leader, let inspector = try? await inspectors.get(id: leader.id, scope: .all) {
            leaderPhone = inspector.phone
        } else {
            leaderPhone = ""
        }
        let names = Dictionary(try await accounts.all().map { ($0.username, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        return InspectionPrint(
            inspection: inspection, catalog: try await itemCatalog(inspection), departmentNames: try await departments.names(),
            number: number, planName: try? await plans.get(id: inspection.planID, for: account).name, leaderPhone: leaderPhone,
            accountNames: names, entrustments: entrustments, today: today)
    }
}
