// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore

/// The history tables under a record: item versions, target status history, declared conflicts.
enum DetailSections {
    static func sections<Resource: LibraryResource>(
        for record: Resource.Record, id: Int64, resource: Resource, account: Account, names: LibraryNames, stores: Stores
    ) async throws -> [DetailPage.Section] {
        let scope = AccessPolicy.readScope(account)
        let people = try await stores.names.accounts()
        switch resource {
        case let items as CheckItemStore:
            let versions = try await items.versions(id: id, scope: scope)
            return [
                DetailPage.Section(
                    title: "历史版本", columns: ["版本", "事项名称", "检查方式", "修改人", "时间"],
                    rows: versions.reversed().map {
                        [
                            "第 \($0.item.version) 版", $0.item.name, $0.item.methods.map(\.label).joined(separator: "、"),
                            people[$0.createdBy] ?? $0.createdBy,
                            ChinaTime.text(stamp: $0.createdAt),
                        ]
                    })
            ]
        case let targets as TargetStore:
            let history = try await targets.statusHistory(id: id, scope: scope)
            return [
                DetailPage.Section(
                    title: "状态变更记录", columns: ["状态", "生效日期", "记录时间", "来源"],
                    rows: history.map {
                        [
                            TargetStatus(rawValue: $0.status)?.label ?? $0.status, $0.statusDate.map { ChinaTime.day(iso: $0) } ?? "—",
                            ChinaTime.text(stamp: $0.recordedAt),
                            sourceLabel($0.source),
                        ]
                    })
            ] + (try await credit(uid: (record as? Target)?.uid ?? "", stores: stores, scope: scope))
        case let inspectors as InspectorStore:
            let conflicts = try await inspectors.conflicts(inspectorID: id, scope: scope)
            let targets = try await stores.names.targets(Set(conflicts.map(\.targetUID)))
            return [
                DetailPage.Section(
                    title: "申报的回避情形", columns: ["检查对象", "情形", "说明", "申报日期"],
                    rows: conflicts.map { conflict in
                        [
                            targets[conflict.targetUID].map { "\($0)（\(conflict.targetUID)）" } ?? conflict.targetUID, conflict.kind.label,
                            conflict.note, ChinaTime.day(conflict.declaredOn),
                        ]
                    })
            ]
        default:
            return []
        }
    }

    /// The target's credit record (its published results, §19) and the risk-class changes
    /// they and the scheduled lowering made, with reasons.
    static func credit(uid: String, stores: Stores, scope: DepartmentScope) async throws -> [DetailPage.Section] {
        let records = try await stores.credit.records(uid: uid, scope: scope)
        let history = try await stores.credit.history(uid: uid, scope: scope)
        let vocabulary = try await stores.inspections.vocabulary()
        let names = try await stores.departments.names()
        return [
            DetailPage.Section(
                title: "信用记录（已公示的抽查结果）", columns: ["公示日期", "公示部门", "抽查结果", "发现问题", "检查任务"],
                rows: records.reversed().map { record in
                    [
                        ChinaTime.day(record.date), names[record.department] ?? record.department,
                        record.categories.map { vocabulary.category(code: $0)?.label ?? $0 }.joined(separator: "；"),
                        record.serious ? "情节严重" : record.problem ? "是" : "否", "第 \(record.inspectionID) 号",
                    ]
                }),
            DetailPage.Section(
                title: "风险等级变更记录", columns: ["时间", "部门", "变更", "原因", "依据"],
                rows: history.reversed().map { change in
                    [
                        ChinaTime.text(stamp: change.at),
                        names[change.department] ?? change.department, "\(change.from.rawValue) 类 → \(change.to.rawValue) 类", change.reason,
                        change.inspectionID.map { "检查任务第 \($0) 号公示结果" } ?? "定期下调（连续未发现问题）",
                    ]
                }),
        ]
    }

    static func sourceLabel(_ source: String) -> String {
        switch source {
        case "create": "新增"
        case "edit": "修改"
        case "import": "导入同步"
        default: source
        }
    }
}
