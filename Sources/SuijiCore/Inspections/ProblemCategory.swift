// SPDX-License-Identifier: Apache-2.0

/// The result categories that mean a problem was found (§16.3), in the official order; every
/// "违反…相关规定" of any department is one category. The one list of problems: credit
/// records (`CreditRule`), follow-ups (`FollowUpPolicy`), the inspection page and the oversight
/// report all read it through `ResultCategory.problemCategory`.
public enum ProblemCategory: String, Sendable, Codable, CaseIterable {
    case notPublicized = "not-publicized"
    case falsePublicity = "false-publicity"
    case unreachable
    case correctionOrdered = "correction-ordered"
    case followUpPending = "follow-up-pending"
    case nonCooperation = "non-cooperation"
    case violation

    /// Chinese name.
    public var label: String {
        switch self {
        case .notPublicized: ResultCategory.notPublicized.label
        case .falsePublicity: ResultCategory.falsePublicity.label
        case .unreachable: ResultCategory.unreachable.label
        case .correctionOrdered: ResultCategory.correctionOrdered.label
        case .followUpPending: ResultCategory.followUpPending.label
        case .nonCooperation: ResultCategory.nonCooperation.label
        case .violation: "违反有关部门相关规定"
        }
    }

    /// Whether `category` belongs to the group.
    public func matches(_ category: ResultCategory) -> Bool { category.problemCategory == self }
}

extension ResultCategory {
    /// The problem category of this result; nil when it found no problem. A department's
    /// "违反…相关规定" is `.violation`; a common category is a problem when its code is one.
    public var problemCategory: ProblemCategory? {
        if department != nil { return .violation }
        guard let category = ProblemCategory(rawValue: code), category != .violation else { return nil }
        return category
    }

    /// Whether this result means a problem was found (it weighs on the target's credit record).
    public var isProblem: Bool { problemCategory != nil }
}
