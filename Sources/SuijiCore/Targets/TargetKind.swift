// SPDX-License-Identifier: Apache-2.0

import Foundation

/// The three families of check targets of §4.
public enum TargetCategory: String, Sendable, Codable, CaseIterable {
    /// 营利性市场主体: registered and licensed for-profit entities.
    case forProfit
    /// 非营利性市场主体: social organisations, public institutions… with a credit code.
    case nonProfit
    /// 非市场主体: products, projects, behaviours — no credit code.
    case nonMarket

    /// Chinese name.
    public var label: String {
        switch self {
        case .forProfit: "营利性市场主体"
        case .nonProfit: "非营利性市场主体"
        case .nonMarket: "非市场主体"
        }
    }
}

/// The kind of a check target (§4).
public enum TargetKind: String, Sendable, Codable, CaseIterable {
    case company
    case nonCompanyLegalPerson
    case partnership
    case soleProprietorship
    case farmersCooperative
    case branch
    case individualBusiness
    case socialOrganisation
    case publicInstitution
    case product
    case project
    case behaviour

    /// The family the kind belongs to.
    public var category: TargetCategory {
        switch self {
        case .company, .nonCompanyLegalPerson, .partnership, .soleProprietorship, .farmersCooperative,
            .branch, .individualBusiness:
            .forProfit
        case .socialOrganisation, .publicInstitution: .nonProfit
        case .product, .project, .behaviour: .nonMarket
        }
    }

    /// Whether targets of this kind are identified by a credit code (else by a stable id).
    public var hasCreditCode: Bool { category != .nonMarket }

    /// Chinese name as used in the UI and in import sheets.
    public var label: String {
        switch self {
        case .company: "公司"
        case .nonCompanyLegalPerson: "非公司企业法人"
        case .partnership: "合伙企业"
        case .soleProprietorship: "个人独资企业"
        case .farmersCooperative: "农民专业合作社"
        case .branch: "分支机构"
        case .individualBusiness: "个体工商户"
        case .socialOrganisation: "社会组织"
        case .publicInstitution: "事业单位"
        case .product: "产品"
        case .project: "项目"
        case .behaviour: "行为"
        }
    }

    /// Every accepted spelling: code and Chinese label.
    private static let byLabel: [String: TargetKind] = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) } + allCases.map { ($0.label, $0) })

    /// Prefix of the stable id of non-market targets.
    public var stableIDPrefix: String? {
        switch self {
        case .product: "PRD-"
        case .project: "PRJ-"
        case .behaviour: "BHV-"
        default: nil
        }
    }

    /// Parses an English code, a Chinese label or a common synonym found in registry exports.
    public init?(label text: String) {
        let value = text.trimmed
        if let kind = Self.byLabel[value] {
            self = kind
            return
        }
        switch value {
        case "有限责任公司", "股份有限公司", "有限公司", "公司制企业": self = .company
        case "个体户", "个体": self = .individualBusiness
        case "合作社", "农民合作社": self = .farmersCooperative
        case "分公司", "分支": self = .branch
        case "独资企业": self = .soleProprietorship
        case "社会团体", "民办非企业单位", "基金会", "社会服务机构": self = .socialOrganisation
        default: return nil
        }
    }
}
