// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Check methods of §16 (检查方式).
public enum CheckMethod: String, Sendable, Codable, CaseIterable {
    /// 实地核查
    case onSite
    /// 书面检查
    case documentary
    /// 网络检查
    case online
    /// 抽样检测
    case sampling
    /// 委托专业机构
    case entrusted
    /// 采用其他部门结果
    case otherDepartmentResult

    /// Chinese name.
    public var label: String {
        switch self {
        case .onSite: "实地核查"
        case .documentary: "书面检查"
        case .online: "网络检查"
        case .sampling: "抽样检测"
        case .entrusted: "委托专业机构"
        case .otherDepartmentResult: "采用其他部门结果"
        }
    }

    /// Parses a code or the Chinese name (also 现场检查 for on-site).
    public init?(label text: String) {
        let value = text.trimmed
        if let method = CheckMethod(rawValue: value) {
            self = method
        } else if let method = CheckMethod.allCases.first(where: { $0.label == value }) {
            self = method
        } else if value == "现场检查" {
            self = .onSite
        } else {
            return nil
        }
    }
}
