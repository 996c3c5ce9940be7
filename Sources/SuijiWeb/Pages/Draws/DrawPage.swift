// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiDraw
import SuijiStore

/// View model of the draw ceremony page `/draws/:id`: announce → commit → hand in secrets →
/// public value → execute on one screen, each form shown only to whom may take the step now.
/// Mustache reads stored properties only, so every flag is stored.
struct DrawPage {
    struct Department {
        var code: String
        var name: String
        var commitment: String
        var committedAt: String
        var status: String
        var isMine: Bool
    }

    struct Step {
        var label: String
        var done: Bool
    }

    var id: String
    var planURL: String
    var planName: String
    var planCode: String
    var batchCode: String
    var batchWindow: String
    var stateLabel: String
    var steps: [Step]
    var isExecuted: Bool
    var poolDigest: String?
    var parametersDigest: String?
    var commitmentDigest: String?
    var recordDigest: String?
    var departments: [Department]
    var myDepartment: String
    var myDepartmentName: String
    var myCommitment: String?
    var announcement: DrawAnnouncementView
    var canAnnounce: Bool
    var announceDeadline: String
    var canCommit: Bool
    var waitsForAnnouncement: Bool
    var canReveal: Bool
    var canEnterPublicValue: Bool
    var canExecute: Bool
    var waiting: String?
    var result: DrawResult?
    var publicURL: String
    /// Where each step's form posts.
    var announcementURL: String
    var commitmentsURL: String
    var revealsURL: String
    var publicValueURL: String
    var executeURL: String
    var redrawOf: String?
    var redrawReason: String
    var redrawApprover: String
    var preparedBy: String
    var preparedAt: String
    var errors: [String]
    var hasErrors: Bool

    init(_ record: DrawPageRecord, account: Account, now: Date, errors: [String]) throws {
        let (draw, plan, batch, names, people) = (record.draw, record.plan, record.batch, record.names, record.people)
        let status = draw.ownDepartment(of: account, plan: plan)
        let runner = PlanPolicy.canRunDraws(account, plan)
        let digest = record.digest
        id = draw.id
        planURL = PlanPaths.plan.href(plan.id)
        planName = plan.name
        planCode = plan.code
        batchCode = batch.code
        batchWindow = ChinaTime.period(batch.start, batch.end)
        stateLabel = draw.state.label
        let committed = draw.state != .prepared
        steps = [
            Step(label: "① 固定抽取池和参数", done: true),
            Step(label: "② 预告揭示截止时间和公开随机值", done: draw.isAnnounced),
            Step(label: "③ 各部门提交承诺", done: committed),
            Step(label: "④ 各部门交来秘密", done: committed && draw.isRevealSettled(at: now) || draw.state == .executed),
            Step(label: "⑤ 录入公开随机值", done: draw.publicValue != nil || (committed && draw.publicValueSource == nil)),
            Step(label: "⑥ 执行抽取", done: draw.state == .executed),
        ]
        isExecuted = draw.state == .executed
        poolDigest = digest("pool.txt")
        parametersDigest = digest("parameters.txt")
        commitmentDigest = digest("commitment.txt")
        recordDigest = digest("record.txt")
        departments = draw.departments.map {
            Department(
                code: $0.department, name: names.department($0.department), commitment: $0.commitment ?? "—",
                committedAt: ChinaTime.text(stamp: $0.committedAt) ?? "",
                status: DrawAnnouncementView.status($0, draw: draw, now: now), isMine: $0.department == status?.department)
        }
        myDepartment = status?.department ?? ""
        myDepartmentName = status.map { names.department($0.department) } ?? ""
        myCommitment = status?.commitment
        announcement = DrawAnnouncementView(draw)
        canAnnounce = draw.mayAnnounce(account, plan: plan)
        announceDeadline = draw.revealDeadline.map { ChinaTime.input(stamp: $0) } ?? ""
        canCommit = draw.mayCommit(account, plan: plan)
        waitsForAnnouncement = draw.state == .prepared && !draw.isAnnounced && status != nil
        canReveal = draw.mayReveal(account, plan: plan, at: now)
        canEnterPublicValue = draw.mayEnterPublicValue(account, plan: plan, at: now)
        canExecute = runner && draw.isReadyToExecute(at: now)
        waiting = runner && draw.state == .committed && !canExecute && !canEnterPublicValue ? Self.waiting(draw, now: now) : nil
        result = try DrawResult.parse(record, publicNames: false)
        publicURL = PublicPaths.draw.href(draw.id)
        announcementURL = DrawPaths.announcement.href(draw.id)
        commitmentsURL = DrawPaths.commitments.href(draw.id)
        revealsURL = DrawPaths.reveals.href(draw.id)
        publicValueURL = DrawPaths.publicValue.href(draw.id)
        executeURL = DrawPaths.execute.href(draw.id)
        redrawOf = draw.redrawOf
        redrawReason = draw.redrawReason
        redrawApprover = people[draw.redrawApprover] ?? draw.redrawApprover
        preparedBy = people[draw.preparedBy] ?? draw.preparedBy
        preparedAt = ChinaTime.text(stamp: draw.preparedAt)
        self.errors = errors
        hasErrors = !errors.isEmpty
    }

    /// What a committed draw still waits for before it can be executed, in plain Chinese.
    static func waiting(_ draw: DrawSummary, now: Date) -> String {
        if !draw.isRevealSettled(at: now) {
            return "等待各部门交来秘密：截止时间 \(ChinaTime.text(stamp: draw.revealDeadline ?? ""))；截止后未交的部门按“缺失”处理。"
        }
        if !draw.departments.contains(where: \.revealed) { return "截止时间前没有任何部门交来秘密，本次抽取不能执行，须重新抽取。" }
        if let date = draw.publicValueDate, draw.publicValue == nil {
            return "等待公开随机值：\(ChinaTime.day(iso: date)) \(draw.publicValueSource ?? "")公布后录入。"
        }
        return "暂不能执行。"
    }
}

/// The announcement as pages show it (staff and public): the reveal deadline, the public value
/// (announced, then entered with where it was read) or the approved exception.
struct DrawAnnouncementView: Encodable {
    var isAnnounced: Bool
    var revealDeadline: String
    var hasPublicValue: Bool
    var publicValueDate: String
    var publicValueDateISO: String
    var publicValueSource: String
    var publicValue: String?
    var publicValueNote: String
    var publicValueEnteredAt: String
    var hasException: Bool
    var exceptionApprover: String
    var exceptionReason: String

    init(_ draw: DrawSummary) {
        isAnnounced = draw.isAnnounced
        revealDeadline = ChinaTime.text(stamp: draw.revealDeadline) ?? ""
        hasPublicValue = draw.publicValueSource != nil
        publicValueDate = draw.publicValueDate.flatMap { CalendarDate(iso: $0) }.map { ChinaTime.day($0) } ?? ""
        publicValueDateISO = draw.publicValueDate ?? ""
        publicValueSource = draw.publicValueSource ?? ""
        publicValue = draw.publicValue
        publicValueNote = draw.publicValueNote
        publicValueEnteredAt = ChinaTime.text(stamp: draw.publicValueEnteredAt) ?? ""
        hasException = draw.publicValueSource == nil && !draw.exceptionReason.isEmpty
        exceptionApprover = draw.exceptionApprover
        exceptionReason = draw.exceptionReason
    }

    /// A department's progress through the ceremony.
    static func status(_ department: DrawDepartmentStatus, draw: DrawSummary, now: Date) -> String {
        if department.revealed { return "已交来秘密（\(ChinaTime.text(stamp: department.revealedAt) ?? "")）" }
        if department.commitment == nil { return "待提交承诺" }
        if draw.state == .executed || draw.isPastDeadline(now) { return "截止前未交来秘密（按缺失处理）" }
        return draw.state == .committed ? "已提交承诺，待交来秘密" : "已提交承诺"
    }
}
