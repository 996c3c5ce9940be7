// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore

extension ExportKind {
    /// Whether the export carries personal data: targets' legal representatives, inspectors'
    /// phones, experts' contacts.
    public var holdsPersonalData: Bool { self == .targets || self == .inspectors || self == .experts }
}

/// Reads that leave a trace: exports of personal data and downloads of inspection files.
extension AuditLog {
    /// Records an export of a library holding personal data (others are not recorded).
    public static func recordExport(
        _ database: SuijiDatabase, caller: Caller, kind: ExportKind, department: String?, format: String, bytes: Int
    ) async throws {
        guard kind.holdsPersonalData else { return }
        try await record(
            database, caller: caller, action: "export", entity: kind.rawValue, entityID: department ?? "all",
            detail: ["format": format, "bytes": String(bytes)])
    }

    /// Records a download of an inspection's attachment or archive dossier.
    public static func recordDownload(
        _ database: SuijiDatabase, caller: Caller, entity: String, id: String, inspection: Int64, name: String, sha256: String?
    ) async throws {
        var detail = ["inspection": String(inspection), "name": name]
        if let sha256 { detail["sha256"] = sha256 }
        try await record(database, caller: caller, action: "download", entity: entity, entityID: id, detail: detail)
    }
}
