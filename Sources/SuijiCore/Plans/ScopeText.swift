// SPDX-License-Identifier: Apache-2.0

/// A target scope in words (plan pages, the portal and the annual plan).
public enum ScopeText {
    /// The scope with its codes as they are.
    public static func describe(_ scope: TargetScope) -> String {
        describe(scope, areaNames: [:], tagNames: [:])
    }

    /// The scope with names for its area codes and tagged item codes ("区域：西郊街道（360202001）"),
    /// where the names are known.
    public static func describe(_ scope: TargetScope, areaNames: [String: String], tagNames: [String: String]) -> String {
        if scope.isUndirected { return "不定向（参与部门名录库中的全部检查对象）" }
        func named(_ code: String, _ names: [String: String]) -> String { names[code].map { "\($0)（\(code)）" } ?? code }
        var parts: [String] = []
        if !scope.kinds.isEmpty { parts.append("类型：" + scope.kinds.map(\.label).joined(separator: "、")) }
        if !scope.areas.isEmpty { parts.append("区域：" + scope.areas.map { named($0, areaNames) }.joined(separator: "、")) }
        if !scope.industries.isEmpty { parts.append("行业：" + scope.industries.joined(separator: "、")) }
        if !scope.tags.isEmpty { parts.append("标注事项：" + scope.tags.map { named($0, tagNames) }.joined(separator: "、")) }
        return parts.joined(separator: "；")
    }
}
