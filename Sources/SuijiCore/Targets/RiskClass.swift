// SPDX-License-Identifier: Apache-2.0

import Foundation

/// 信用风险分类: A (low risk) · B · C · D (high risk).
public enum RiskClass: String, Sendable, Codable, CaseIterable, Comparable {
    case a = "A"
    case b = "B"
    case c = "C"
    case d = "D"

    /// Chinese name.
    public var label: String {
        switch self {
        case .a: "A类（低风险）"
        case .b: "B类（一般风险）"
        case .c: "C类（较高风险）"
        case .d: "D类（高风险）"
        }
    }

    /// Parses "A"…"D" (any case), or a label beginning with the letter.
    public init?(label text: String) {
        let trimmed = text.trimmed.uppercased()
        guard let first = trimmed.first, let value = RiskClass(rawValue: String(first)) else { return nil }
        guard trimmed.count == 1 || trimmed.hasPrefix("\(first)类") else { return nil }
        self = value
    }

    public static func < (lhs: RiskClass, rhs: RiskClass) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Registration status of a target.
public enum TargetStatus: String, Sendable, Codable, CaseIterable {
    /// 存续（在营）
    case operating
    /// 停业（歇业）
    case closed
    /// 注销
    case deregistered

    /// Chinese name.
    public var label: String {
        switch self {
        case .operating: "在营"
        case .closed: "停业"
        case .deregistered: "注销"
        }
    }

    /// Parses a code, label or common registry synonym.
    public init?(label text: String) {
        let value = text.trimmed
        if let status = TargetStatus(rawValue: value) {
            self = status
            return
        }
        switch value {
        case "在营", "存续", "开业", "在业", "正常", "": self = .operating
        case "停业", "歇业", "关闭": self = .closed
        case "注销", "已注销", "吊销", "撤销": self = .deregistered
        default: return nil
        }
    }
}
