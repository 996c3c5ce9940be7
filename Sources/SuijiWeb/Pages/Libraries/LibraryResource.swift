// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore

/// A select box option.
struct FieldOption: Sendable, Encodable {
    var value: String
    var label: String
    var selected: Bool
}

/// A listing filter (select box) of a library page.
struct FilterSpec: Sendable {
    /// Column name in `ListQuery.filters`, also the query parameter.
    var column: String
    var label: String
    var options: [(value: String, label: String)]
}

/// One library (items, targets, inspectors, experts) as the API and the pages see it: the
/// store operations (`LibraryStore`) plus how records are shown and edited.
protocol LibraryResource: LibraryStore {
    /// URL segment: `targets`, `items`…
    static var path: String { get }
    /// Chinese name.
    static var title: String { get }
    static var listColumns: [String] { get }
    /// The `?sort=` key of each list column (nil: not sortable), from the store's whitelist.
    static var sortKeys: [String?] { get }
    static var filters: [FilterSpec] { get }
    /// Field labels of the input, in form order.
    static var labels: KeyValuePairs<String, String> { get }
    /// Select options of enumerated fields.
    static var options: [String: [String]] { get }

    static func listCells(_ record: Record, names: LibraryNames) -> [String]
    static func detail(_ record: Record, names: LibraryNames) -> [(String, String)]
    static func input(from record: Record) -> Input
}

extension LibraryResource {
    static func id(of record: Record) -> Int64 { record.id }
    static func department(of record: Record) -> String { record.departmentCode }

    /// The values of an input by field name (through its Codable form).
    static func values(of input: Input) -> [String: String] {
        guard let data = try? JSONEncoder().encode(input),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object.compactMapValues { $0 as? String }
    }
}

extension TargetStore: LibraryResource {
    static let path = "targets"
    static let title = "检查对象"
    static let listColumns = ["名称", "统一社会信用代码/对象编号", "类型", "街道（乡镇）", "行业", "风险等级", "状态", "部门"]
    static let sortKeys: [String?] = ["name", "uid", "kind", "street", "industry", "risk", "status", "department"]
    static var filters: [FilterSpec] {
        [
            FilterSpec(column: "kind", label: "类型", options: TargetKind.allCases.map { ($0.rawValue, $0.label) }),
            FilterSpec(column: "risk_class", label: "风险等级", options: RiskClass.allCases.map { ($0.rawValue, $0.label) }),
            FilterSpec(column: "status", label: "状态", options: TargetStatus.allCases.map { ($0.rawValue, $0.label) }),
        ]
    }
    static var labels: KeyValuePairs<String, String> { TargetInput.labels }
    static var options: [String: [String]] {
        [
            "kind": TargetKind.allCases.map(\.label), "riskClass": RiskClass.allCases.map(\.rawValue),
            "status": TargetStatus.allCases.map(\.label),
        ]
    }
    static func listCells(_ t: Target, names: LibraryNames) -> [String] {
        [
            t.name, t.uid, t.kind.label, names.area(t.street), t.industry, t.riskClass.rawValue, t.status.label,
            names.department(t.departmentCode),
        ]
    }
    static func detail(_ t: Target, names: LibraryNames) -> [(String, String)] {
        [
            ("名称", t.name), (t.kind.hasCreditCode ? "统一社会信用代码" : "对象编号", t.uid), ("类型", "\(t.kind.label)（\(t.kind.category.label)）"),
            ("所属区划", names.areaWithCode(t.division)), ("街道（乡镇）", names.area(t.street)), ("网格", t.grid), ("地址", t.address),
            ("行业", t.industry),
            ("风险等级", t.riskClass.label), ("状态", t.status.label + (t.statusDate.map { "（\(ChinaTime.day($0))）" } ?? "")),
            ("抽查事项标注", t.tags.map { names.tag($0, of: t.departmentCode) }.joined(separator: "、")),
            ("最近随机抽查日期", ChinaTime.day(t.lastRandomInspection) ?? "—"),
            ("法定代表人（负责人）", t.legalRepresentative), ("联系电话", t.phone), ("所属部门", names.department(t.departmentCode)),
        ]
    }
    static func input(from record: Target) -> TargetInput { TargetInput(record) }
}

extension InspectorStore: LibraryResource {
    static let path = "inspectors"
    static let title = "执法检查人员"
    static let listColumns = ["姓名", "执法证号", "有效期至", "执法层级", "所属站所", "可检查事项数", "状态", "部门"]
    static let sortKeys: [String?] = ["name", "certificate", "expiry", "level", "station", nil, "status", "department"]
    static var filters: [FilterSpec] {
        [
            FilterSpec(column: "status", label: "状态", options: InspectorStatus.allCases.map { ($0.rawValue, $0.label) }),
            FilterSpec(column: "level", label: "执法层级", options: EnforcementLevel.allCases.map { ($0.rawValue, $0.label) }),
        ]
    }
    static var labels: KeyValuePairs<String, String> { InspectorInput.labels }
    static var options: [String: [String]] {
        ["level": EnforcementLevel.allCases.map(\.label), "status": InspectorStatus.allCases.map(\.label)]
    }
    static func listCells(_ i: Inspector, names: LibraryNames) -> [String] {
        [
            i.name, i.certificateNumber, ChinaTime.day(i.certificateExpiry), i.level.label, names.area(i.station),
            String(i.qualifications.count), i.status.label, names.department(i.departmentCode),
        ]
    }
    static func detail(_ i: Inspector, names: LibraryNames) -> [(String, String)] {
        var leave = ""
        if let from = i.leaveFrom, let to = i.leaveTo { leave = ChinaTime.period(from, to) }
        return [
            ("姓名", i.name), ("执法证号", i.certificateNumber), ("执法证有效期至", ChinaTime.day(i.certificateExpiry)), ("执法层级", i.level.label),
            ("执法区域", i.area.map(names.areaWithCode).joined(separator: "、")),
            ("可检查事项", i.qualifications.map { names.itemWithCode($0, of: i.departmentCode) }.joined(separator: "、")),
            ("业务专长", i.expertise.joined(separator: "、")), ("状态", i.status.label), ("休假", leave),
            ("所属站所（街道）", names.area(i.station)), ("联系电话", i.phone), ("所属部门", names.department(i.departmentCode)),
        ]
    }
    static func input(from record: Inspector) -> InspectorInput { InspectorInput(record) }
}

extension ExpertStore: LibraryResource {
    static let path = "experts"
    static let title = "专家"
    static let listColumns = ["姓名（名称）", "类别", "所在单位", "专业领域", "部门"]
    static let sortKeys: [String?] = ["name", "kind", "organisation", nil, "department"]
    static var filters: [FilterSpec] {
        [FilterSpec(column: "kind", label: "类别", options: ExpertKind.allCases.map { ($0.rawValue, $0.label) })]
    }
    static var labels: KeyValuePairs<String, String> { ExpertInput.labels }
    static var options: [String: [String]] { ["kind": ExpertKind.allCases.map(\.label)] }
    static func listCells(_ e: Expert, names: LibraryNames) -> [String] {
        [e.name, e.kind.label, e.organisation, e.expertise.joined(separator: "、"), names.department(e.departmentCode)]
    }
    static func detail(_ e: Expert, names: LibraryNames) -> [(String, String)] {
        [
            ("姓名（名称）", e.name), ("类别", e.kind.label), ("所在单位", e.organisation), ("专业领域", e.expertise.joined(separator: "、")),
            ("联系方式", e.contact), ("所属部门", names.department(e.departmentCode)),
        ]
    }
    static func input(from record: Expert) -> ExpertInput { ExpertInput(record) }
}

extension CheckItemStore: LibraryResource {
    static let path = "items"
    static let title = "抽查事项"
    static let listColumns = ["事项名称", "事项编码", "检查方式", "重点检查事项", "版本", "部门"]
    static let sortKeys: [String?] = ["name", "code", nil, "key", "version", "department"]
    static var filters: [FilterSpec] {
        [FilterSpec(column: "is_key_item", label: "重点检查事项", options: [("1", "是"), ("0", "否")])]
    }
    static var labels: KeyValuePairs<String, String> { CheckItemInput.labels }
    static var options: [String: [String]] { ["requiresExpert": ["否", "是"], "isKeyItem": ["否", "是"], "published": ["是", "否"]] }
    static func listCells(_ i: CheckItem, names: LibraryNames) -> [String] {
        [
            i.name, i.code, i.methods.map(\.label).joined(separator: "、"), YesNo.label(i.isKeyItem), "第 \(i.version) 版",
            names.department(i.departmentCode),
        ]
    }
    static func detail(_ i: CheckItem, names: LibraryNames) -> [(String, String)] {
        [
            ("事项编码", i.code), ("事项名称", i.name), ("版本", "第 \(i.version) 版"), ("检查内容", i.subItems.joined(separator: "；")),
            ("检查依据", i.legalBasis), ("检查对象类型", i.targetKinds.map(\.label).joined(separator: "、")),
            ("检查方式", i.methods.map(\.label).joined(separator: "、")), ("检查人员要求", i.inspectorRequirements),
            ("需要专家", YesNo.label(i.requiresExpert)), ("重点检查事项", YesNo.label(i.isKeyItem)),
            ("指导比例", i.guidanceRatioPermille.map { "\($0)‰" } ?? "—"), ("抽查频次", i.frequency), ("是否公示", YesNo.label(i.published)),
            ("所属部门", names.department(i.departmentCode)),
        ]
    }
    static func input(from record: CheckItem) -> CheckItemInput { CheckItemInput(record) }
}
