// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// Everything filed for one inspection (§20: 立卷、归档和保管): the record with its findings,
/// the review trail, the entrustments, the follow-ups and the attachments with their content.
public struct InspectionDossier: Sendable {
    public var inspection: Inspection
    public var trail: [InspectionEvent]
    public var entrustments: [Entrustment]
    public var followUps: [FollowUp]
    public var attachments: [(attachment: Attachment, content: Data)]
}

extension InspectionStore {
    /// The dossier of an inspection `account` may read, read in one transaction.
    public func dossier(id: Int64, for account: Account) async throws -> InspectionDossier {
        let inspection = try await get(id: id, for: account)
        return try await database.read { db in
            var files: [(attachment: Attachment, content: Data)] = []
            let rows = try await db.raw(
                """
                SELECT \(unsafeRaw: Self.attachmentColumns), content FROM inspection_attachments WHERE inspection_id = \(bind: id)
                ORDER BY id
                """
            ).all()
            for row in rows { files.append((try Self.attachment(row), try row.decode(column: "content", as: Data.self))) }
            return InspectionDossier(
                inspection: inspection, trail: try await InspectionEvent.trail(inspection: id, on: db),
                entrustments: try await Self.entrustments(inspection: id, on: db),
                followUps: try await FollowUpStore.select("inspection_id = \(bind: id)", on: db), attachments: files)
        }
    }
}
