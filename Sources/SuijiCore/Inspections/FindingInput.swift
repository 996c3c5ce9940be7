// SPDX-License-Identifier: Apache-2.0

import Foundation

/// A finding as a client sends it: the item by code (and department when two departments use
/// the same code), the category by code.
public struct FindingInput: Sendable, Codable, Equatable {
    public var itemCode: String
    public var department: String?
    public var methods: [CheckMethod]
    public var category: String
    public var nonCooperation: [NonCooperation]?
    public var notes: String?
    public var settledOnline: Bool?

    /// Creates an input.
    public init(
        itemCode: String, department: String? = nil, methods: [CheckMethod], category: String, nonCooperation: [NonCooperation]? = nil,
        notes: String? = nil, settledOnline: Bool? = nil
    ) {
        self.itemCode = itemCode
        self.department = department
        self.methods = methods
        self.category = category
        self.nonCooperation = nonCooperation
        self.notes = notes
        self.settledOnline = settledOnline
    }

    /// The finding for one of `items`, checked against `vocabulary`: at least one method; an
    /// online settlement uses the online method and says where it checked; serious
    /// non-cooperation names its kinds (and only then); a violation category belongs to the
    /// item's department.
    public func finding(
        items: [PlanItem], vocabulary: ResultVocabulary, inspector: Int64?, username: String, at: Date
    ) throws(InspectionError) -> Finding {
        let matches = items.filter { $0.code == itemCode && (department == nil || $0.department == department) }
        guard matches.count == 1, let item = matches.first else {
            let message = matches.isEmpty ? "本次检查没有事项 \(itemCode)" : "事项 \(itemCode) 属于多个部门，请注明部门"
            throw .invalid([FieldIssue(field: "itemCode", message: message)])
        }
        var issues: [FieldIssue] = []
        let category = vocabulary.category(code: category)
        if category == nil { issues.append(FieldIssue(field: "category", message: "检查结果“\(self.category)”不在结果分类中")) }
        if methods.isEmpty { issues.append(FieldIssue(field: "methods", message: "请至少选择一种检查方式")) }
        let kinds = nonCooperation ?? []
        if category == .nonCooperation && kinds.isEmpty {
            issues.append(FieldIssue(field: "nonCooperation", message: "不配合检查情节严重的，须写明具体情形"))
        }
        if category != .nonCooperation && !kinds.isEmpty {
            issues.append(FieldIssue(field: "nonCooperation", message: "只有“不配合检查情节严重”才记录不配合情形"))
        }
        if let owner = category?.department, owner != item.department {
            issues.append(FieldIssue(field: "category", message: "“\(category!.label)”不适用于 \(item.department) 的事项"))
        }
        if settledOnline ?? false {
            if !methods.contains(.online) { issues.append(FieldIssue(field: "methods", message: "网上核查办结的事项，检查方式应包括网络检查")) }
            if (notes ?? "").trimmed.isEmpty { issues.append(FieldIssue(field: "notes", message: "网上核查办结的事项，请说明核查的系统和结果")) }
        }
        guard issues.isEmpty, let category else { throw .invalid(issues) }
        return Finding(
            item: item, methods: methods, category: category, nonCooperation: kinds, notes: (notes ?? "").trimmed,
            settledOnline: settledOnline ?? false, enteredByInspector: inspector, enteredBy: username, enteredAt: at)
    }
}
