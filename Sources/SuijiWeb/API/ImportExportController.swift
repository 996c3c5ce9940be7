// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import SuijiCore
import SuijiStore

/// Imports (raw file body) and exports (CSV or XLSX by extension) of the libraries.
struct ImportExportController {
    let stores: Stores
    let clock: AppClock

    func addRoutes(to routes: AppRoutes) {
        let router = routes.signedIn()
        routes.signedIn(.importers).post("/api/v1/imports/:library", use: importFile)
        router.get(APIPaths.export, use: export)
    }

    /// `POST /api/v1/imports/targets` with the CSV or XLSX file as the body (its name, for
    /// messages, in an optional `Content-Disposition: attachment; filename=…`).
    @Sendable func importFile(request: Request, context: SignedInContext) async throws -> Response {
        let caller = context.caller
        let name = try context.parameters.require("library")
        guard let kind = LibraryKind(rawValue: name) else { throw WebError.notFound }
        // Streamed to a temporary file, not the heap.
        let data = try await UploadSpool.read(request.body, limit: context.maxUploadSize)
        let disposition = request.headers[.contentDisposition].map(MultipartForm.parameters) ?? [:]
        let fileName = disposition["filename*"].flatMap(MultipartForm.extended) ?? disposition["filename"]
        let report = try await stores.importer.run(kind, data: data, fileName: fileName, caller: caller)
        return JSONBody.response(report)
    }

    /// `GET /api/v1/exports/targets.csv` (or `.xlsx`), optionally `?department=CODE`.
    @Sendable func export(request: Request, context: SignedInContext) async throws -> Response {
        let account = context.account
        let file = try context.parameters.require("file")
        let parts = file.split(separator: ".", maxSplits: 1)
        guard parts.count == 2, let kind = ExportKind(rawValue: String(parts[0])), ["csv", "xlsx"].contains(parts[1]) else {
            throw WebError.notFound
        }
        let format = ExportFormat(fileName: file)
        let department = request.uri.queryParameters["department"].map(String.init)
        let data = try await stores.exporter.export(kind, scope: AccessPolicy.readScope(account), department: department, format: format)
        try await AuditLog.recordExport(
            stores.database, caller: Caller(account: account, at: clock.now()), kind: kind, department: department,
            format: String(parts[1]),
            bytes: data.count)
        let day = ChinaTime.day(CalendarDate(chinaDateOf: clock.now()))
        return Download.response(data, name: "\(Self.title(kind))（\(day)导出）.\(parts[1])", mediaType: format.contentType)
    }

    /// The Chinese name of an export, for its file name.
    static func title(_ kind: ExportKind) -> String {
        switch kind {
        case .targets: "检查对象名录库"
        case .inspectors: "执法检查人员名录库"
        case .experts: "专家库"
        case .items: "抽查事项清单"
        case .departments: "成员单位"
        }
    }
}
