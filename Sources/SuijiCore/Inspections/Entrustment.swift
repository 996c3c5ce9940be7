// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Who was entrusted.
public enum EntrusteeKind: String, Sendable, Codable, CaseIterable {
    /// A professional body (专业机构) named by the team.
    case organisation
    /// An expert or professional body of the expert library (专家库).
    case expert

    /// Chinese name.
    public var label: String { self == .organisation ? "专业机构" : "专家库专家" }
}

/// A professional body or expert entrusted with part of an inspection (§16.2: "确因监管需要或
/// 涉及专业领域的，联合检查组可委托专业机构参与抽查"): who, for which items and what work, when
/// and by whom.
public struct Entrustment: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var inspectionID: Int64
    public var kind: EntrusteeKind
    /// The organisation's name, or the expert's name from the library.
    public var name: String
    /// The organisation's credit code, if given.
    public var creditCode: String?
    /// The expert's id in the expert library.
    public var expertID: Int64?
    /// The items it works on; empty for the inspection as a whole.
    public var items: [PlanItem]
    /// What it was entrusted with (抽样检测、财务审计…).
    public var work: String
    /// The day it was entrusted.
    public var entrustedOn: CalendarDate
    /// The account that recorded it.
    public var entrustedBy: String
    public var recordedAt: Date

    /// Creates an entrustment.
    public init(
        id: Int64 = 0, inspectionID: Int64, kind: EntrusteeKind, name: String, creditCode: String? = nil, expertID: Int64? = nil,
        items: [PlanItem], work: String, entrustedOn: CalendarDate, entrustedBy: String, recordedAt: Date
    ) {
        self.id = id
        self.inspectionID = inspectionID
        self.kind = kind
        self.name = name
        self.creditCode = creditCode
        self.expertID = expertID
        self.items = items
        self.work = work
        self.entrustedOn = entrustedOn
        self.entrustedBy = entrustedBy
        self.recordedAt = recordedAt
    }

    /// Who, in one line: "某检测公司（913602…）" or "张三（专家库）".
    public var entrustee: String {
        switch kind {
        case .organisation: creditCode.map { "\(name)（\($0)）" } ?? name
        case .expert: "\(name)（专家库）"
        }
    }
}

/// An entrustment as a client sends it. `items` are `DEPARTMENT:CODE` or a code alone when only
/// one department uses it.
public struct EntrustmentInput: Sendable, Codable, Equatable {
    public var kind: EntrusteeKind
    public var organisation: String?
    public var creditCode: String?
    public var expertID: Int64?
    public var items: [String]?
    public var work: String?
    public var date: CalendarDate?

    /// Creates an input.
    public init(
        kind: EntrusteeKind, organisation: String? = nil, creditCode: String? = nil, expertID: Int64? = nil, items: [String]? = nil,
        work: String? = nil, date: CalendarDate? = nil
    ) {
        self.kind = kind
        self.organisation = organisation
        self.creditCode = creditCode
        self.expertID = expertID
        self.items = items
        self.work = work
        self.date = date
    }

    /// The entrustment for `inspection`, checked: an organisation is named (its credit code
    /// valid when given), an expert comes from the expert library of a department of the plan
    /// (`expertName`, found by the caller; nil when there is none),
    /// items belong to the inspection, the work is described, and the day lies between the
    /// draw and `today`.
    public func entrustment(
        inspection: Inspection, expertName: String?, username: String, today: CalendarDate, at: Date
    ) throws(InspectionError) -> Entrustment {
        var checker = InputChecker()
        var name = ""
        var code: String?
        switch kind {
        case .organisation:
            name = checker.required(organisation, field: "organisation", label: "受委托的专业机构名称")
            let text = (creditCode ?? "").trimmed.uppercased()
            if !text.isEmpty {
                do {
                    code = try CreditCode(text).value
                } catch {
                    checker.add("creditCode", "统一社会信用代码“\(text)”无效：\(error.message)")
                }
            }
        case .expert:
            if expertID == nil {
                checker.add("expertID", "请从专家库中选择受委托的专家")
            } else if let expertName {
                name = expertName
            } else {
                checker.add("expertID", "本计划参与部门的专家库中没有编号为 \(expertID!) 的专家")
            }
        }
        var planned: [PlanItem] = []
        for token in (items ?? []).map(\.trimmed).filter({ !$0.isEmpty }) {
            let parts = token.split(separator: ":", maxSplits: 1).map(String.init)
            let matches = inspection.items.filter {
                parts.count == 2 ? ($0.department == parts[0] && $0.code == parts[1]) : $0.code == token
            }
            if matches.count == 1 {
                if !planned.contains(matches[0]) { planned.append(matches[0]) }
            } else {
                checker.add("items", matches.isEmpty ? "本次检查没有事项 \(token)" : "事项 \(token) 属于多个部门，请注明部门（部门:编码）")
            }
        }
        let work = checker.required(work, field: "work", label: "委托事项（委托其做什么）", maxLength: 500)
        let day = date ?? today
        let drawn = CalendarDate(chinaDateOf: inspection.createdAt)
        if day < drawn { checker.add("date", "委托日期不能早于抽取日期 \(drawn.iso)") }
        if day > today { checker.add("date", "委托日期不能晚于今天 \(today.iso)") }
        guard checker.isEmpty else { throw .invalid(checker.issues) }
        return Entrustment(
            inspectionID: inspection.id, kind: kind, name: name, creditCode: code, expertID: kind == .expert ? expertID : nil,
            items: planned, work: work, entrustedOn: day, entrustedBy: username, recordedAt: at)
    }
}
