// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore

extension DemoDistrict {
    /// A site photo (a 1×1 PNG) for the demo's attachments.
    static let demoPhoto = Data(
        base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")!

    /// Carries inspections of the executed demo draw along, so every page has content: the
    /// leader of the most teams gets the account `samr-leader` and records the notice, a site
    /// photo, the findings and an entrusted testing body. The first of its inspections is
    /// published with a problem and a rectification order (so the credit record, the raised risk
    /// class and the follow-up list show), the second waits for review, the third is in progress
    /// (notice and photo only).
    static func buildInspectionRecords(
        stores: Stores, drawID: String, samr: Caller, today: CalendarDate, account: (Account) async throws -> Account
    ) async throws {
        let inspections = stores.inspections
        let all = try await inspections.list(for: Caller.system(at: samr.at).account, InspectionQuery(drawID: drawID, limit: nil))
        let counts = Dictionary(all.compactMap { $0.leader.map { ($0.id, 1) } }, uniquingKeysWith: +)
        guard let busiest = counts.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) })?.key,
            let leader = all.first(where: { $0.leader?.id == busiest })?.leader
        else { return }
        let mine = all.filter { $0.leader?.id == leader.id }.prefix(3)
        let stored = try await account(
            Account(username: "samr-leader", displayName: leader.name, role: .inspector, departmentCode: "SAMR", inspectorID: leader.id))
        let team = Caller(account: stored, at: samr.at)
        for (index, inspection) in mine.enumerated() {
            if today <= inspection.windowEnd {
                _ = try await inspections.recordNotice(
                    id: inspection.id, notice: .notified(channel: .phone, date: today, by: leader.name), caller: team)
            }
            _ = try await inspections.addAttachment(
                id: inspection.id, AttachmentUpload(fileName: "经营场所门头.png", content: demoPhoto, note: "经营场所门头照片"), caller: team)
            guard index < 2 else { continue }
            for item in inspection.items {
                let problem = index == 0 && item.department == "HEALTH"
                _ = try await inspections.recordFinding(
                    id: inspection.id,
                    FindingInput(
                        itemCode: item.code, department: item.department, methods: [.onSite],
                        category: problem ? ResultCategory.correctionOrdered.code : ResultCategory.noProblem.code,
                        notes: problem ? "卫生许可证未在经营场所显著位置公示，已当场责令改正" : ""),
                    caller: team)
            }
            if let health = inspection.items.first(where: { $0.department == "HEALTH" }) {
                _ = try await inspections.entrust(
                    id: inspection.id,
                    EntrustmentInput(
                        kind: .organisation, organisation: "景德镇市检验检测中心", items: ["\(health.department):\(health.code)"],
                        work: "公共场所空气质量和公共用品用具抽样检测"),
                    caller: team)
            }
            _ = try await inspections.submit(id: inspection.id, caller: team)
            guard index == 0 else { continue }
            _ = try await inspections.review(id: inspection.id, action: .approve, caller: samr)
            _ = try await inspections.review(id: inspection.id, action: .publish, caller: samr)
            _ = try await stores.followUps.open(
                inspectionID: inspection.id,
                FollowUp(
                    inspectionID: inspection.id, targetUID: "", department: "", kind: .rectification,
                    item: inspection.items.first { $0.department == "HEALTH" }, openedOn: today,
                    deadline: today.adding(days: 15), notes: "责令十五日内将卫生许可证公示到位"),
                caller: samr)
        }
        // The leader's next visits are planned for today, so 今日检查 has something to show.
        let next = all.filter { $0.leader?.id == leader.id }.dropFirst(2).prefix(2)
        for inspection in next where inspection.planningIssues(today).isEmpty {
            _ = try await inspections.schedule(id: inspection.id, on: today, caller: team)
        }
    }
}
