// SPDX-License-Identifier: Apache-2.0

import Foundation

/// A target as typed in a form, an API body or an import row: every field text, validated into a
/// `Target` with one issue per bad field.
public struct TargetInput: Sendable, Codable, Equatable {
    public var creditCode: String?
    public var stableID: String?
    public var name: String?
    public var kind: String?
    public var division: String?
    public var street: String?
    public var grid: String?
    public var address: String?
    public var industry: String?
    public var riskClass: String?
    public var status: String?
    public var statusDate: String?
    public var tags: String?
    public var lastRandomInspection: String?
    public var legalRepresentative: String?
    public var phone: String?
    /// 特殊情形: 投诉举报, 转办交办 or 立案查处, with its date and source (§14).
    public var caseKind: String?
    public var caseDate: String?
    public var caseSource: String?

    public init() {}

    /// Chinese labels of the fields: the column headers of import sheets and form labels.
    public static let labels: KeyValuePairs<String, String> = [
        "creditCode": "统一社会信用代码", "stableID": "对象编号", "name": "名称", "kind": "类型",
        "division": "所属区划", "street": "街道（乡镇）", "grid": "网格", "address": "地址",
        "industry": "行业", "riskClass": "风险等级", "status": "状态", "statusDate": "状态日期",
        "tags": "抽查事项标注", "lastRandomInspection": "最近随机抽查日期", "legalRepresentative": "法定代表人（负责人）",
        "phone": "联系电话",
        "caseKind": "特殊情形", "caseDate": "情形日期", "caseSource": "情形来源",
    ]

    /// The Chinese label of a field.
    public static func label(_ field: String) -> String {
        labels.first(where: { $0.key == field })?.value ?? field
    }

    /// Validates into a target of `department`, or returns every issue found.
    public func validated(department: String) -> Result<Target, LibraryError> {
        var issues = InputChecker()
        let name = issues.required(self.name, field: "name", label: Self.label("name"), maxLength: 200)
        let kind = issues.parse(self.kind, field: "kind", label: Self.label("kind"), default: nil) {
            TargetKind(label: $0)
        }
        var uid = ""
        if let kind {
            if kind.hasCreditCode {
                let text = self.creditCode?.trimmed ?? ""
                if text.isEmpty {
                    issues.add("creditCode", "\(kind.label)必须填写统一社会信用代码")
                } else {
                    do { uid = try CreditCode(text).value } catch { issues.add("creditCode", error.message) }
                }
            } else {
                let text = (self.stableID ?? "").trimmed.uppercased()
                if text.isEmpty {
                    issues.add("stableID", "\(kind.label)类对象必须填写对象编号")
                } else if !StableID.isValid(text) || CreditCode.isValid(text) {
                    issues.add("stableID", "对象编号只能由数字、大写字母和“-”组成（1–64 位），且不得是信用代码")
                } else {
                    uid = text
                }
            }
        }
        let division = (self.division ?? "").trimmed
        if !AdministrativeDivision.isValid(division) {
            issues.add("division", "所属区划应为 6 位行政区划代码，实际为“\(division)”")
        }
        let risk = issues.parse(self.riskClass, field: "riskClass", label: Self.label("riskClass"), default: .b) {
            RiskClass(label: $0)
        }
        let status = issues.parse(self.status, field: "status", label: Self.label("status"), default: .operating) {
            TargetStatus(label: $0)
        }
        let statusDate = issues.date(self.statusDate, field: "statusDate", label: Self.label("statusDate"))
        let lastInspection = issues.date(
            self.lastRandomInspection, field: "lastRandomInspection", label: Self.label("lastRandomInspection"))
        let tags = InputChecker.list(self.tags)
        let phone = InputChecker.trimmed(self.phone)
        if phone.count > 40 { issues.add("phone", "联系电话不能超过 40 个字符") }
        let caseFlag = Self.caseFlag(kind: caseKind, date: caseDate, source: caseSource, issues: &issues)
        guard issues.isEmpty, let kind, let risk, let status else { return .failure(.invalid(issues.issues)) }
        return .success(
            Target(
                departmentCode: department, uid: uid, name: name, kind: kind, division: division,
                street: InputChecker.trimmed(street), grid: InputChecker.trimmed(grid),
                address: InputChecker.trimmed(address), industry: InputChecker.trimmed(industry),
                riskClass: risk, status: status, statusDate: statusDate, tags: tags,
                lastRandomInspection: lastInspection, legalRepresentative: InputChecker.trimmed(legalRepresentative),
                phone: phone, caseFlag: caseFlag))
    }

    /// The case flag of the three 特殊情形 cells: all empty, or a kind with its date and source.
    static func caseFlag(kind: String?, date: String?, source: String?, issues: inout InputChecker) -> CaseFlag? {
        if [kind, date, source].allSatisfy({ InputChecker.trimmed($0).isEmpty }) { return nil }
        let parsed = issues.parse(kind, field: "caseKind", label: label("caseKind"), default: nil) { CaseFlag.Kind(label: $0) }
        let day = issues.date(date, field: "caseDate", label: label("caseDate"))
        if day == nil && InputChecker.trimmed(date).isEmpty { issues.add("caseDate", "填写特殊情形时须写明情形日期") }
        let text = issues.required(source, field: "caseSource", label: label("caseSource"))
        guard let parsed, let day else { return nil }
        return CaseFlag(kind: parsed, date: day, source: text)
    }

    /// The input that reproduces `target` (for edit forms and exports).
    public init(_ target: Target) {
        creditCode = target.kind.hasCreditCode ? target.uid : ""
        stableID = target.kind.hasCreditCode ? "" : target.uid
        name = target.name
        kind = target.kind.label
        division = target.division
        street = target.street
        grid = target.grid
        address = target.address
        industry = target.industry
        riskClass = target.riskClass.rawValue
        status = target.status.label
        statusDate = target.statusDate?.iso ?? ""
        tags = target.tags.joined(separator: ";")
        lastRandomInspection = target.lastRandomInspection?.iso ?? ""
        legalRepresentative = target.legalRepresentative
        phone = target.phone
        caseKind = target.caseFlag?.kind.label ?? ""
        caseDate = target.caseFlag?.date.iso ?? ""
        caseSource = target.caseFlag?.source ?? ""
    }
}
