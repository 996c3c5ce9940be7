// SPDX-License-Identifier: Apache-2.0

/// A target scope in words (plan pages, the portal and the annual plan).
public enum ScopeText {
    public static func describe(_ scope: TargetScope) -> String {
        if scope.isUndirected { return "不定向（参与部门名录库中的全部检查对象）" }
        var parts: [String] = []
        if !scope.kinds.isEmpty { parts.append("类型：" + scope.kinds.map(\.label).joined(separator: "、")) }
        if !scope.areas.isEmpty { parts.append("区域：" + scope.areas.joined(separator: "、")) }
        if !scope.industries.isEmpty { parts.append("行业：" + scope.industries.joined(separator: "、")) }
        if !scope.tags.isEmpty { parts.append("标注事项：" + scope.tags.joined(separator: "、")) }
        return parts.joined(separator: "；")
    }
}
