// SPDX-License-Identifier: Apache-2.0

import Foundation

/// The kind of organisation an expert comes from (§10).
public enum ExpertKind: String, Sendable, Codable, CaseIterable {
    /// 会计（审计）事务所
    case accountingFirm
    /// 检测机构
    case testingBody
    /// 科研院所
    case researchInstitute
    /// 行业专家
    case industryExpert

    /// Chinese name.
    public var label: String {
        switch self {
        case .accountingFirm: "会计（审计）事务所"
        case .testingBody: "检测机构"
        case .researchInstitute: "科研院所"
        case .industryExpert: "行业专家"
        }
    }

    /// Parses a code, the Chinese name or a short form.
    public init?(label text: String) {
        let value = text.trimmed
        if let kind = ExpertKind(rawValue: value) {
            self = kind
        } else if let kind = ExpertKind.allCases.first(where: { $0.label == value }) {
            self = kind
        } else {
            switch value {
            case "会计事务所", "审计事务所", "会计师事务所": self = .accountingFirm
            case "检测", "检验检测机构": self = .testingBody
            case "科研", "科研机构", "高校": self = .researchInstitute
            case "专家": self = .industryExpert
            default: return nil
            }
        }
    }
}

/// An expert or professional body of a department's expert library (专家库).
public struct Expert: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var departmentCode: String
    public var name: String
    public var kind: ExpertKind
    public var organisation: String
    public var expertise: [String]
    /// Phone or e-mail; personal data, never public.
    public var contact: String

    public init(
        id: Int64 = 0, departmentCode: String, name: String, kind: ExpertKind, organisation: String,
        expertise: [String] = [], contact: String = ""
    ) {
        self.id = id
        self.departmentCode = departmentCode
        self.name = name
        self.kind = kind
        self.organisation = organisation
        self.expertise = expertise
        self.contact = contact
    }
}
