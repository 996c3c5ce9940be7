// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore
import SuijiDraw

/// A file as uploaded: its name, content, the item it documents and what it shows.
public struct AttachmentUpload: Sendable {
    public var fileName: String
    public var content: Data
    /// `DEPARTMENT:CODE`, or a code alone; nil or empty for the inspection as a whole.
    public var item: String?
    public var note: String

    public init(fileName: String, content: Data, item: String? = nil, note: String = "") {
        self.fileName = fileName
        self.content = content
        self.item = item
        self.note = note
    }
}

extension InspectionStore {
    /// Attaches a photo, scan or PDF: only a member of the team while results are open ("谁检查、
    /// 谁录入、谁负责"), within `AttachmentRules`. The content is stored with its SHA-256 and the
    /// upload is audited (name, type, size, digest).
    public func addAttachment(id: Int64, _ upload: AttachmentUpload, caller: Caller) async throws -> Attachment {
        try await changing(id, caller: caller) { inspection, db in
            try InspectionPolicy.requireEntry(caller.account, inspection)
            let name = AttachmentRules.fileName(upload.fileName)
            let mediaType = try AttachmentRules.check(fileName: name, content: upload.content)
            let item = try Self.item(upload.item, of: inspection)
            let note = upload.note.trimmed
            if note.count > 200 { throw InspectionError.invalid([FieldIssue(field: "note", message: "附件说明不能超过 200 个字")]) }
            let digest = Bytes.sha256Hex(upload.content)
            var attachment = Attachment(
                inspectionID: id, item: item, fileName: name, mediaType: mediaType, byteSize: upload.content.count, sha256: digest,
                note: note, uploadedBy: caller.account.username, uploadedAt: caller.at)
            let row = try await db.raw(
                """
                INSERT INTO inspection_attachments (inspection_id, department, item_code, file_name, media_type, byte_size, sha256, note,
                  content, uploaded_by, uploaded_at)
                VALUES (\(bind: id), \(bind: item?.department), \(bind: item?.code), \(bind: name), \(bind: mediaType),
                  \(bind: Int64(upload.content.count)), \(bind: digest), \(bind: note), \(bind: upload.content),
                  \(bind: caller.account.username), \(bind: Timestamp.format(caller.at)))
                RETURNING id
                """
            ).first()
            attachment.id = try row!.decode(column: "id", as: Int64.self)
            try await db.raw("UPDATE inspections SET updated_at = \(bind: Timestamp.format(caller.at)) WHERE id = \(bind: id)").run()
            try await AuditLog.append(
                db, caller: caller, action: "attach", entity: "inspection", entityID: String(id), detail: attachment)
            return attachment
        }
    }

    /// Loads the inspection in a write transaction (not found unless readable), applies
    /// `body` and returns its result.
    func changing<T: Sendable>(
        _ id: Int64, caller: Caller, _ body: @escaping @Sendable (Inspection, any SQLDatabase) async throws -> T
    ) async throws -> T {
        try await database.write { db in
            guard let inspection = try await Self.load(id: id, calendar: database.calendar, on: db),
                InspectionPolicy.canRead(caller.account, inspection)
            else { throw Self.notFound(id) }
            return try await body(inspection, db)
        }
    }

    /// The attachments of an inspection `account` may read, oldest first (without content).
    public func attachments(id: Int64, for account: Account) async throws -> [Attachment] {
        _ = try await get(id: id, for: account)
        return try await database.read { db in try await Self.attachments(inspection: id, on: db) }
    }

    /// One attachment and its content, if `account` may read its inspection.
    public func attachment(id: Int64, attachmentID: Int64, for account: Account) async throws -> (Attachment, Data) {
        _ = try await get(id: id, for: account)
        let found = try await database.read { db -> (Attachment, Data)? in
            guard
                let row = try await db.raw(
                    "SELECT \(unsafeRaw: Self.attachmentColumns), content FROM inspection_attachments WHERE id = \(bind: attachmentID) AND inspection_id = \(bind: id)"
                ).first()
            else { return nil }
            return (try Self.attachment(row), try row.decode(column: "content", as: Data.self))
        }
        guard let found else { throw InspectionError.notFound("未找到附件（\(attachmentID)）") }
        return found
    }

    static let attachmentColumns =
        "id, inspection_id, department, item_code, file_name, media_type, byte_size, sha256, note, uploaded_by, uploaded_at"

    static func attachments(inspection id: Int64, on db: any SQLDatabase) async throws -> [Attachment] {
        try await db.raw(
            "SELECT \(unsafeRaw: attachmentColumns) FROM inspection_attachments WHERE inspection_id = \(bind: id) ORDER BY id"
        ).all().map(attachment)
    }

    static func attachment(_ row: any SQLRow) throws -> Attachment {
        let department = try row.decode(column: "department", as: String?.self)
        let code = try row.decode(column: "item_code", as: String?.self)
        return Attachment(
            id: try row.decode(column: "id", as: Int64.self), inspectionID: try row.decode(column: "inspection_id", as: Int64.self),
            item: department.flatMap { department in code.map { PlanItem(department: department, code: $0) } },
            fileName: try row.decode(column: "file_name", as: String.self),
            mediaType: try row.decode(column: "media_type", as: String.self),
            byteSize: Int(try row.decode(column: "byte_size", as: Int64.self)), sha256: try row.decode(column: "sha256", as: String.self),
            note: try row.decode(column: "note", as: String.self), uploadedBy: try row.decode(column: "uploaded_by", as: String.self),
            uploadedAt: StoredDate.parse(try row.decode(column: "uploaded_at", as: String.self)) ?? Date(timeIntervalSince1970: 0))
    }

    /// The plan item named `DEPARTMENT:CODE` or by a code used by one department only; nil for
    /// none.
    static func item(_ token: String?, of inspection: Inspection) throws(InspectionError) -> PlanItem? {
        let text = (token ?? "").trimmed
        if text.isEmpty { return nil }
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        let matches = inspection.items.filter { parts.count == 2 ? ($0.department == parts[0] && $0.code == parts[1]) : $0.code == text }
        guard matches.count == 1 else {
            throw .invalid([
                FieldIssue(field: "item", message: matches.isEmpty ? "本次检查没有事项 \(text)" : "事项 \(text) 属于多个部门，请注明部门（部门:编码）")
            ])
        }
        return matches[0]
    }
}
