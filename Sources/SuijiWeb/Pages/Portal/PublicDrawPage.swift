// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiDraw
import SuijiStore

/// The public ("一公开") view of a draw: what anyone may see, and nothing personal beyond credit
/// codes and inspector ids. Also the body of `GET /api/v1/public/draws/:id`.
struct PublicDrawPage: Encodable {
    struct Department: Encodable {
        var code: String
        var name: String
        var commitment: String
        var committed: Bool
        var revealed: Bool
        var status: String
    }

    var id: String
    var planCode: String
    var planName: String
    var planState: String
    var batchCode: String
    var batchWindow: String
    var state: String
    var stateLabel: String
    var departments: [Department]
    var poolDigest: String?
    var parametersDigest: String?
    var commitmentDigest: String?
    var recordDigest: String?
    var announcement: DrawAnnouncementView
    var redrawOf: String?
    var redrawReason: String
    var committedAt: String?
    var executedAt: String?
    var isExecuted: Bool
    var result: DrawResult?
    var files: [DrawFileLink]
    var hasFiles: Bool
    var pageURL: String
    var verifyURL: String
    var bundleURL: String
    var jsonURL: String
    /// This draw's entries of the public log, and the log's head now.
    var logLines: [PublicLogLine]
    var logHead: PublicLogHead?

    /// The draw `id` and its plan, or 404 when it does not exist or is not public.
    static func load(_ id: String, stores: Stores) async throws -> (Plan, DrawSummary) {
        guard let found = try await stores.publicRecords.draw(id) else { throw WebError.notFound }
        return (found.plan, found.draw)
    }

    /// The page of draw `id`: its read model (`DrawPageRecord`), read by one store call in one
    /// transaction; 404 when the draw does not exist or is not public.
    static func make(_ id: String, stores: Stores, now: Date) async throws -> PublicDrawPage {
        guard let record = try await stores.publicRecords.drawPage(id) else { throw WebError.notFound }
        return try PublicDrawPage(record, now: now)
    }
}

extension PublicDrawPage {
    /// The page of a draw as its read model holds it, at `now`.
    init(_ record: DrawPageRecord, now: Date) throws {
        let (plan, batch, draw, names, id) = (record.plan, record.batch, record.draw, record.names, record.draw.id)
        self.init(
            id: draw.id, planCode: plan.code, planName: plan.name, planState: plan.state.label, batchCode: batch.code,
            batchWindow: ChinaTime.period(batch.start, batch.end), state: draw.state.rawValue, stateLabel: draw.state.label,
            departments: draw.departments.map { department in
                Department(
                    code: department.department, name: names.department(department.department),
                    commitment: department.commitment ?? "", committed: department.commitment != nil, revealed: department.revealed,
                    status: DrawAnnouncementView.status(department, draw: draw, now: now))
            },
            poolDigest: record.digest("pool.txt"), parametersDigest: record.digest("parameters.txt"),
            commitmentDigest: record.digest("commitment.txt"), recordDigest: record.digest("record.txt"),
            announcement: DrawAnnouncementView(draw), redrawOf: draw.redrawOf,
            redrawReason: draw.redrawReason, committedAt: ChinaTime.text(stamp: draw.committedAt),
            executedAt: ChinaTime.text(stamp: draw.executedAt),
            isExecuted: draw.state == .executed, result: try DrawResult.parse(record, publicNames: true),
            files: DrawFileLink.links(record.files, drawID: id),
            hasFiles: !record.files.isEmpty, pageURL: PublicPaths.draw.href(id), verifyURL: PublicPaths.verify.href(id),
            bundleURL: PublicPaths.bundle.href(id), jsonURL: APIPaths.publicDraw.href(id),
            logLines: record.log.map { PublicLogLine($0, departments: names.department) }, logHead: PublicLogHead(record.logHead))
    }
}

/// The public verification page: the stored bundle recomputed by `Verifier`.
struct PublicVerifyPage {
    var id: String
    var planName: String
    var pageURL: String
    var isExecuted: Bool
    var ok: Bool
    var failure: String?
    var recordDigest: String?
    var notes: [String]
    var hasNotes: Bool
    /// Whether the bundle matches the public draw log, or why not.
    var logOK: Bool
    var logFailure: String?
}

/// The public page with the answer of the "查询" box.
struct PublicDrawView {
    var draw: PublicDrawPage
    var query: String
    var explanation: DrawExplanation?
    var queryError: String?
}
