// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore

/// The archive dossier of one inspection (§20): the 抽查通知书 and 检查记录表 as self-contained
/// HTML, the findings, entrustments, follow-ups and review trail as JSON, and every attachment;
/// as a list of files (the staff page) or a ZIP with `index.json` and `目录.txt`.
struct DossierBuilder {
    let stores: Stores
    let pages: PageRenderer

    struct File {
        var path: String
        var title: String
        var content: Data
    }

    /// The dossier's files, in archive order.
    func files(id: Int64, account: Account, at: Date) async throws -> (dossier: InspectionDossier, files: [File]) {
        let dossier = try await stores.inspections.dossier(id: id, for: account)
        let inspection = dossier.inspection
        let catalog = try await stores.itemCatalog(inspection)
        // The dossier shows the 文号 issued so far; reading it issues none.
        let print = try await stores.inspectionPrint(
            inspection, number: try await stores.documentNumbers.existing(id), entrustments: dossier.entrustments,
            account: account, today: CalendarDate(chinaDateOf: at))
        var files = [
            File(
                path: "01-抽查通知书.html", title: "抽查通知书",
                content: Data(standalone(try pages.html("print-document", print.notice, account: nil)).utf8)),
            File(path: "01-抽查通知书.pdf", title: "抽查通知书（PDF）", content: print.notice.pdf(created: at)),
            File(
                path: "02-检查记录表.html", title: "检查记录表",
                content: Data(standalone(try pages.html("print-document", print.record, account: nil)).utf8)),
            File(path: "02-检查记录表.pdf", title: "检查记录表（PDF）", content: print.record.pdf(created: at)),
            File(path: "03-检查结果.json", title: "检查任务与逐项检查结果", content: try Self.json(inspection)),
            File(path: "04-委托记录.json", title: "委托专业机构（专家）记录", content: try Self.json(dossier.entrustments)),
            File(path: "05-后续处置.json", title: "后续处置", content: try Self.json(dossier.followUps)),
            File(path: "06-审核记录.json", title: "审核记录", content: try Self.json(dossier.trail)),
        ]
        for (number, entry) in dossier.attachments.enumerated() {
            let attachment = entry.attachment
            let item = attachment.item.map { "（\(InspectionPageBuilder.itemLabel($0, catalog: catalog))）" } ?? ""
            files.append(
                File(
                    path: "附件/\(String(format: "%02d", number + 1))-\(Self.safeName(attachment))",
                    title: "附件\(item)\(attachment.note.isEmpty ? "" : "：" + attachment.note)", content: entry.content))
        }
        return (dossier, files)
    }

    /// The ZIP and its index.
    func archive(id: Int64, account: Account, at: Date) async throws -> (data: Data, index: DossierIndex) {
        let (dossier, files) = try await files(id: id, account: account, at: at)
        let inspection = dossier.inspection
        let header = DossierIndex(
            inspectionID: id, target: inspection.target.name, targetUID: inspection.target.uid, state: inspection.state.label,
            createdAt: Timestamp.format(at), files: [])
        return try DossierArchive.zip(
            folder: "检查档案-\(id)", files: files.map { ($0.path, $0.title, $0.content) }, index: header)
    }

    /// A file name safe in every unzip tool: no directories or control characters, the
    /// extension of the recognised type.
    static func safeName(_ attachment: Attachment) -> String {
        let base = attachment.fileName.unicodeScalars.map { "/\\:*?\"<>|".unicodeScalars.contains($0) ? "_" : Character($0) }
        var name = String(base)
        let ext = AttachmentRules.fileExtension(attachment.mediaType)
        if !name.lowercased().hasSuffix("." + ext) && !(ext == "jpg" && name.lowercased().hasSuffix(".jpeg")) { name += "." + ext }
        return name
    }

    /// The page with its style sheets inlined, so it reads offline from the archive.
    func standalone(_ html: String) -> String {
        Self.css.reduce(html) { page, sheet in
            page.replacingOccurrences(of: #"<link rel="stylesheet" href="/static/\#(sheet.name)">"#, with: "<style>\(sheet.text)</style>")
        }
    }

    static let css: [(name: String, text: String)] = ["style.css", "print-a4.css"].map { name in
        guard let folder = Bundle.module.url(forResource: "Public", withExtension: nil),
            let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        else { return (name, "") }
        return (name, text)
    }

    static func json(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(value)
    }
}
