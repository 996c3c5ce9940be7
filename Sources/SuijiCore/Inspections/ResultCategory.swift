// SPDX-License-Identifier: Apache-2.0

/// A result category of the official vocabulary (§16.3), e.g. 未发现问题. Stored and exchanged by
/// its stable code; the label is what the public sees.
public struct ResultCategory: Sendable, Codable, Hashable {
    /// Stable English code, e.g. `no-problem`, `violation-HEALTH`.
    public var code: String
    /// The official Chinese wording.
    public var label: String
    /// For "违反…相关规定": the department whose rules were broken.
    public var department: String?

    /// Creates a category.
    public init(code: String, label: String, department: String? = nil) {
        self.code = code
        self.label = label
        self.department = department
    }

    /// 未发现问题
    public static let noProblem = ResultCategory(code: "no-problem", label: "未发现问题")
    /// 未按规定公示应当公示的信息
    public static let notPublicized = ResultCategory(code: "not-publicized", label: "未按规定公示应当公示的信息")
    /// 公示信息隐瞒真实情况弄虚作假
    public static let falsePublicity = ResultCategory(code: "false-publicity", label: "公示信息隐瞒真实情况弄虚作假")
    /// 通过登记的住所（经营场所）无法联系
    public static let unreachable = ResultCategory(code: "unreachable", label: "通过登记的住所（经营场所）无法联系")
    /// 发现问题已责令改正
    public static let correctionOrdered = ResultCategory(code: "correction-ordered", label: "发现问题已责令改正")
    /// 发现问题待后续处理
    public static let followUpPending = ResultCategory(code: "follow-up-pending", label: "发现问题待后续处理")
    /// 未发现开展本次抽查涉及的经营活动
    public static let noRelevantActivity = ResultCategory(code: "no-relevant-activity", label: "未发现开展本次抽查涉及的经营活动")
    /// 已关闭停业或正在组织清算
    public static let closedOrLiquidating = ResultCategory(code: "closed-or-liquidating", label: "已关闭停业或正在组织清算")
    /// 不配合检查情节严重 (the kinds are recorded as `NonCooperation`)
    public static let nonCooperation = ResultCategory(code: "non-cooperation", label: "不配合检查情节严重")
    /// 已注销
    public static let deregistered = ResultCategory(code: "deregistered", label: "已注销")
    /// 被吊销
    public static let licenceRevoked = ResultCategory(code: "licence-revoked", label: "被吊销")
    /// 被撤销
    public static let registrationCancelled = ResultCategory(code: "registration-cancelled", label: "被撤销")
    /// 迁出
    public static let movedOut = ResultCategory(code: "moved-out", label: "迁出")

    /// "违反…相关规定" of one department; `text` fills the ellipsis (e.g. 食品安全).
    public static func violation(department: String, text: String) -> ResultCategory {
        ResultCategory(code: "violation-\(department)", label: "违反\(text)相关规定", department: department)
    }

    /// The thirteen categories common to every department, in the official order.
    public static let common: [ResultCategory] = [
        .noProblem, .notPublicized, .falsePublicity, .unreachable, .correctionOrdered, .followUpPending, .noRelevantActivity,
        .closedOrLiquidating, .nonCooperation, .deregistered, .licenceRevoked, .registrationCancelled, .movedOut,
    ]
}
