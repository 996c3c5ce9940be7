// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore

/// The records under an inspection's results: attachments (§16.3), entrusted bodies and
/// experts (§16.2), follow-ups (§17) and the dossier link (§20). Stored properties only.
struct InspectionRecordsSection {
    struct AttachmentRow {
        var url: String
        /// A preview: the photo itself, scaled by the browser (`thumb`), or an icon of its kind.
        var thumb: String?
        var icon: String
        var name: String
        var type: String
        var size: String
        var sha256: String
        var item: String
        var note: String
        var by: String
        var at: String
    }

    struct FollowUpRow {
        var id: Int64
        var kind: String
        /// The item followed up, by name; empty for the whole inspection.
        var item: String
        var state: String
        var details: String
        var opened: String
        var deadline: String
        var overdue: Bool
        var closed: String
        /// nil when empty (a Mustache section shows an empty string too).
        var notes: String?
        var canAct: Bool
        var isRectification: Bool
        var actionsURL: String
    }

    var inspectionID: Int64
    var dossierURL: String
    var today: String
    var attachments: [AttachmentRow]
    var hasAttachments: Bool
    var canAttach: Bool
    var itemOptions: [InspectionPage.Option]
    var attachmentErrors: [String]
    var hasAttachmentErrors: Bool
    var entrusted: [InspectionPage.Entrusted]
    var hasEntrusted: Bool
    var canEntrust: Bool
    var experts: [InspectionPage.Option]
    var hasExperts: Bool
    var entrustErrors: [String]
    var hasEntrustErrors: Bool
    var entrustOrganisation: String
    var entrustCreditCode: String
    var entrustWork: String
    var entrustDate: String
    var entrustExpert: Bool
    var followUps: [FollowUpRow]
    var hasFollowUps: Bool
    var canOpenFollowUp: Bool
    var followUpKinds: [InspectionPage.Option]
    /// The items with a problem found: what a follow-up may name.
    var problemItems: [InspectionPage.Option]
    var followUpErrors: [String]
    var hasFollowUpErrors: Bool
}

extension InspectionPageBuilder {
    /// What the records section needs besides the inspection.
    struct Records {
        var attachments: [Attachment]
        var entrustments: [Entrustment]
        var followUps: [FollowUp]
        var experts: [Expert]
        /// The plan's name; the display names of accounts by login name.
        var planName = ""
        var people: [String: String] = [:]
        /// The target's address and phone, from the initiator's library.
        var contact: NameDirectory.Contact?
    }

    /// The records section of `inspection` as `account` sees it.
    static func records(
        _ inspection: Inspection, _ records: Records, account: Account, today: CalendarDate, catalog: [String: CheckItem],
        rejected: Rejected?
    ) -> InspectionRecordsSection {
        let canEnter = (try? InspectionPolicy.requireEntry(account, inspection)) != nil
        func errors(_ target: String) -> [String] { rejected?.target == target ? rejected?.errors ?? [] : [] }
        let entrustForm = rejected?.target == "entrust" ? rejected?.form : nil
        let canOpen = (try? FollowUpPolicy.requireOpen(account, inspection)) != nil
        let itemLabel = { (item: PlanItem) in Self.itemLabel(item, catalog: catalog) }
        let followUpForm = rejected?.target == "follow-up" ? rejected?.form : nil
        return InspectionRecordsSection(
            inspectionID: inspection.id, dossierURL: InspectionPaths.dossier.href(inspection.id), today: today.iso,
            attachments: records.attachments.enumerated().map { index, attachment in
                let url = "/api/v1/inspections/\(inspection.id)/attachments/\(attachment.id)"
                return .init(
                    url: url, thumb: Self.showsThumbnail(attachment, index: index) ? url : nil,
                    icon: attachment.mediaType == "application/pdf" ? "/static/document.svg" : "/static/photo.svg",
                    name: attachment.fileName,
                    type: mediaLabel(attachment.mediaType), size: size(attachment.byteSize), sha256: attachment.sha256,
                    item: attachment.item.map(itemLabel) ?? "整次检查", note: attachment.note,
                    by: records.people[attachment.uploadedBy] ?? attachment.uploadedBy,
                    at: ChinaTime.text(attachment.uploadedAt))
            }, hasAttachments: !records.attachments.isEmpty, canAttach: canEnter,
            itemOptions: inspection.items.map { .init(value: "\($0.department):\($0.code)", label: itemLabel($0), checked: false) },
            attachmentErrors: errors("attachment"), hasAttachmentErrors: !errors("attachment").isEmpty,
            entrusted: records.entrustments.map { entrusted in
                var row = entrustment(entrusted, catalog: catalog)
                row.by = records.people[entrusted.entrustedBy] ?? entrusted.entrustedBy
                return row
            }, hasEntrusted: !records.entrustments.isEmpty,
            canEntrust: canEnter,
            experts: records.experts.map {
                .init(
                    value: String($0.id), label: "\($0.name)（\($0.kind.label)\($0.organisation.isEmpty ? "" : "，" + $0.organisation)）",
                    checked: entrustForm?.value("expertID") == String($0.id))
            }, hasExperts: !records.experts.isEmpty, entrustErrors: errors("entrust"), hasEntrustErrors: !errors("entrust").isEmpty,
            entrustOrganisation: entrustForm?.value("organisation") ?? "", entrustCreditCode: entrustForm?.value("creditCode") ?? "",
            entrustWork: entrustForm?.value("work") ?? "", entrustDate: entrustForm?.value("date") ?? today.iso,
            entrustExpert: entrustForm?.value("kind") == "expert",
            followUps: records.followUps.map { followUpRow($0, account: account, today: today, itemName: itemLabel) },
            hasFollowUps: !records.followUps.isEmpty,
            canOpenFollowUp: canOpen,
            followUpKinds: FollowUpKind.allCases.map {
                .init(value: $0.rawValue, label: $0.label, checked: followUpForm?.value("kind") == $0.rawValue)
            },
            problemItems: inspection.findings.filter(\.category.isProblem).map {
                .init(
                    value: "\($0.item.department):\($0.item.code)", label: "\(itemLabel($0.item))（\($0.category.label)）",
                    checked: followUpForm?.value("item") == "\($0.item.department):\($0.item.code)")
            }, followUpErrors: errors("follow-up"), hasFollowUpErrors: !errors("follow-up").isEmpty)
    }

    /// One follow-up as the pages show it.
    static func followUpRow(
        _ followUp: FollowUp, account: Account, today: CalendarDate, itemName: (PlanItem) -> String
    ) -> InspectionRecordsSection.FollowUpRow {
        var details: [String] = []
        switch followUp.kind {
        case .rectification:
            if let deadline = followUp.deadline { details.append("整改期限 \(ChinaTime.day(deadline))") }
            if let outcome = followUp.outcome { details.append("复查\(outcome.label)（\(ChinaTime.day(followUp.recheckedOn) ?? "")）") }
        case .caseFiled:
            details.append("立案编号 \(followUp.caseNumber)，立案日期 \(ChinaTime.day(followUp.caseDate) ?? "—")")
        case .leadTransferred, .judicialTransfer:
            var text = "移交（移送）\(followUp.transferredTo)，\(ChinaTime.day(followUp.transferredOn) ?? "—")"
            if !followUp.transferredBy.isEmpty { text += "，经办人 \(followUp.transferredBy)" }
            details.append(text)
        }
        let canAct = (try? FollowUpPolicy.requireHandle(account, followUp)) != nil
        return .init(
            id: followUp.id, kind: followUp.kind.label, item: followUp.item.map(itemName) ?? "",
            state: followUp.state.label, details: details.joined(separator: "；"),
            opened: ChinaTime.day(followUp.openedOn), deadline: ChinaTime.day(followUp.deadline) ?? "—",
            overdue: followUp.isOverdue(today: today),
            closed: ChinaTime.day(followUp.closedOn) ?? "", notes: followUp.notes.isEmpty ? nil : followUp.notes, canAct: canAct,
            isRectification: followUp.kind == .rectification, actionsURL: InspectionPaths.followUpActions.href(followUp.id))
    }

    /// Photos browsers display are previewed by the file itself, loaded lazily: at most
    /// `thumbnails` of them per page and none over `thumbnailBytes`, so that a page stays light on
    /// a phone; PDFs and other files get an icon.
    static let thumbnails = 12
    static let thumbnailBytes = 5 * 1_048_576

    static func showsThumbnail(_ attachment: Attachment, index: Int) -> Bool {
        ["image/jpeg", "image/png", "image/webp"].contains(attachment.mediaType) && attachment.byteSize <= thumbnailBytes
            && index < thumbnails
    }

    /// An item as the records show it: "食品经营许可检查（SAMR-006）".
    static func itemLabel(_ item: PlanItem, catalog: [String: CheckItem]) -> String {
        Self.item(item, in: catalog).map { "\($0.name)（\(item.code)）" } ?? item.code
    }

    /// What kind of file an attachment is, in words.
    static func mediaLabel(_ mediaType: String) -> String {
        switch mediaType {
        case "application/pdf": "PDF 文件"
        case "image/tiff": "扫描件"
        default: mediaType.hasPrefix("image/") ? "照片" : "文件"
        }
    }

    /// "1.2 MB", "350 KB".
    static func size(_ bytes: Int) -> String {
        bytes >= 1_048_576
            ? String(format: "%.1f MB", Double(bytes) / 1_048_576) : bytes >= 1024 ? "\(bytes / 1024) KB" : "\(bytes) 字节"
    }
}
