// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiDraw

/// What a draw announces before any department commits (spec §14): the reveal deadline, and
/// the future public value it will use (a lottery draw of a named date, with its source) — or,
/// instead, an exception approved by a named person with a reason, shown publicly.
public struct DrawAnnouncement: Sendable, Equatable {
    /// An approved draw without a public value.
    public struct Exception: Sendable, Codable, Equatable {
        /// Who approved it (name and post).
        public var approver: String
        public var reason: String

        public init(approver: String, reason: String) {
            self.approver = approver
            self.reason = reason
        }
    }

    /// Secrets are accepted until this instant; a department without one by then is `missing`.
    public var revealDeadline: Date
    public var publicValue: PublicValueAnnouncement?
    public var exception: Exception?

    public init(revealDeadline: Date, publicValue: PublicValueAnnouncement?, exception: Exception? = nil) {
        self.revealDeadline = revealDeadline
        self.publicValue = publicValue
        self.exception = exception
    }

    /// The same with its texts trimmed.
    public var trimmed: DrawAnnouncement {
        DrawAnnouncement(
            revealDeadline: revealDeadline,
            publicValue: publicValue.map { PublicValueAnnouncement(date: $0.date.trimmed, source: $0.source.trimmed) },
            exception: exception.map { Exception(approver: $0.approver.trimmed, reason: $0.reason.trimmed) })
    }

    /// The rules, naming the field: the deadline in the future; exactly one of a public value
    /// (a valid date after the deadline's day, and a source) or an exception (approver and
    /// reason); texts of 1–256 bytes without tabs.
    public func validate(now: Date) throws(PlanError) {
        var issues: [FieldIssue] = []
        if revealDeadline <= now {
            issues.append(FieldIssue(field: "revealDeadline", message: "揭示截止时间必须晚于现在"))
        }
        switch (publicValue, exception) {
        case (let value?, nil):
            if !TextFile.isDate(value.date) || CalendarDate(iso: value.date) == nil {
                issues.append(FieldIssue(field: "publicValueDate", message: "公开随机值的日期应为 2026-12-05 这样的日期"))
            } else if value.date <= CalendarDate(chinaDateOf: revealDeadline).iso {
                issues.append(
                    FieldIssue(field: "publicValueDate", message: "公开随机值的日期必须晚于揭示截止日（开奖在各部门交来秘密之后才产生）"))
            }
            if !TextFile.isText(value.source.trimmed) {
                issues.append(FieldIssue(field: "publicValueSource", message: "请写明公开随机值的来源（如“中国福利彩票3D 第2026330期开奖号码”），不超过 256 字节"))
            }
        case (nil, let exception?):
            if !TextFile.isText(exception.approver.trimmed) {
                issues.append(FieldIssue(field: "approver", message: "不使用公开随机值须写明批准人"))
            }
            if !TextFile.isText(exception.reason.trimmed) {
                issues.append(FieldIssue(field: "reason", message: "不使用公开随机值须写明原因（将公开）"))
            }
        default:
            issues.append(
                FieldIssue(field: "publicValueSource", message: "请预告将使用的公开随机值（日期和来源），或经批准写明不使用的原因"))
        }
        if !issues.isEmpty { throw .invalid(issues) }
    }
}
