// SPDX-License-Identifier: Apache-2.0

import SuijiCore
import SuijiStore

/// The history tables under a record: item versions, target status history, declared conflicts.
enum DetailSections {
    static func sections<Resource: LibraryResource>(
        for record: Resource.Record, id: Int64, resource: Resource, account: Account
    ) async throws -> [DetailPage.Section] {
        let scope = AccessPolicy.readScope(account)
        switch resource {
        case let items as CheckItemStore:
            let versions = try await items.versions(id: id, scope: scope)
            return [
                DetailPage.Section(
                    title: "历史版本", columns: ["版本", "事项名称", "检查方式", "修改人", "时间"],
                    rows: versions.reversed().map {
                        [
                            "第 \($0.item.version) 版", $0.item.name, $0.item.methods.map(\.label).joined(separator: "、"), $0.createdBy,
                            $0.createdAt,
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
                            TargetStatus(rawValue: $0.status)?.label ?? $0.status, $0.statusDate ?? "—", $0.recordedAt,
                            sourceLabel($0.source),
                        ]
                    })
            ]
        case let inspectors as InspectorStore:
            let conflicts = try await inspectors.conflicts(inspectorID: id, scope: scope)
            return [
                DetailPage.Section(
                    title: "申报的回避情形", columns: ["检查对象", "情形", "说明", "申报日期"],
                    rows: conflicts.map { [$0.targetUID, $0.kind.label, $0.note, $0.declaredOn.iso] })
            ]
        default:
            return []
        }
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
