// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// The import page: upload a CSV or XLSX, see the report (every bad row) or the summary.
struct ImportPagesController {
    let stores: Stores
    let pages: PageRenderer
    let clock: AppClock

    func addRoutes(to routes: AppRoutes) {
        let router = routes.signedIn(.importers)
        router.get(StaffPaths.imports, use: show)
        router.post(StaffPaths.imports, use: upload)
    }

    @Sendable func show(request: Request, context: SignedInContext) async throws -> Response {
        let account = context.account
        let library = request.uri.queryParameters["library"].map(String.init) ?? "targets"
        return pages.render(
            "import", ImportPage(libraries: Self.options(selected: library), report: nil, exportURL: APIPaths.export.href("targets.xlsx")),
            account: account, csrf: context.csrfToken)
    }

    @Sendable func upload(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        // Streamed: the file goes to a temporary file, not the heap.
        let form = try await MultipartForm.read(
            request, context: context, limit: BodyLimits.importFile, field: "file",
            tooLarge: "上传的文件超过 \(BodyLimits.text(BodyLimits.importFile)) 的上限")
        guard let kind = LibraryKind(rawValue: form.value("library")) else {
            throw WebError.badRequest(field: "library", message: "请选择导入的名录库")
        }
        guard let file = form.file("file"), !file.data.isEmpty else {
            throw WebError.badRequest(field: "file", message: "请选择要上传的文件（上传的文件不能是空的）")
        }
        let report: ImportReport
        var error: String?
        do {
            report = try await stores.importer.run(kind, data: file.data, fileName: file.fileName, caller: caller)
        } catch ImportError.rejected(let rejected) {
            report = rejected
        } catch ImportError.unreadable(let message) {
            report = ImportReport(
                library: kind, department: caller.account.departmentCode ?? "", format: "", fileDigest: "", rows: 0, added: 0,
                changed: 0, unchanged: 0, nowDeregistered: 0, ignoredColumns: [], issues: [])
            error = message
        }
        let model = ImportPage(
            libraries: Self.options(selected: kind.rawValue), report: ImportPage.Report(report, error: error),
            exportURL: APIPaths.export.href("\(report.library.rawValue).xlsx"))
        return pages.render(
            "import", model, account: caller.account, csrf: context.csrfToken,
            status: report.rejected || error != nil ? .unprocessableContent : .ok)
    }

    static func options(selected: String) -> [FieldOption] {
        LibraryKind.allCases.map { FieldOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == selected) }
    }
}

/// View model of the import page.
struct ImportPage {
    struct Report {
        var ok: Bool
        var summary: String
        var error: String?
        // Optional: Mustache shows a section for an empty string.
        var format: String?
        var digest: String
        var ignored: String?
        var issues: [RowIssue]
        var hasIssues: Bool
        var library: String
        /// The fields the sync changed, row by row.
        var changes: [ImportChange]
        var hasChanges: Bool
        var unlisted: Int
        var hasUnlisted: Bool
        var keyLabel: String

        init(_ report: ImportReport, error: String?) {
            ok = !report.rejected && error == nil
            summary = error == nil ? report.summary : "文件无法导入，未写入任何数据"
            self.error = error
            format = report.format.isEmpty ? nil : Self.formatLabel(report.format)
            digest = report.fileDigest
            ignored = report.ignoredColumns.isEmpty ? nil : report.ignoredColumns.joined(separator: "、")
            issues = report.issues
            hasIssues = !report.issues.isEmpty
            library = report.library.rawValue
            changes = report.changes
            hasChanges = !report.changes.isEmpty
            unlisted = report.unlistedChanges
            hasUnlisted = report.unlistedChanges > 0
            keyLabel =
                switch report.library {
                case .targets: "统一社会信用代码（对象编号）"
                case .inspectors: "执法证号"
                case .experts: "姓名（名称）"
                case .items: "事项编码"
                }
        }
    }

    var libraries: [FieldOption]
    var report: Report?
    /// The export of the library imported (the targets before any import).
    var exportURL: String
}

extension ImportPage.Report {
    /// `xlsx`, `csv/utf-8`, `csv/utf-8-bom`, `csv/gb18030` as a reader names them.
    static func formatLabel(_ format: String) -> String {
        switch format {
        case "xlsx": "Excel 文件（XLSX）"
        case "csv/utf-8": "CSV 文件（UTF-8 编码）"
        case "csv/utf-8-bom": "CSV 文件（UTF-8 编码，带字节顺序标记）"
        case "csv/gb18030": "CSV 文件（GB18030 编码）"
        default: format.uppercased()
        }
    }
}
