// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiDraw
import SuijiStore

/// View model of the draw ceremony page `/draws/:id`: commit → reveal → execute on one screen.
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

    var id: String
    var planURL: String
    var planName: String
    var planCode: String
    var batchCode: String
    var batchWindow: String
    var stateLabel: String
    var isPrepared: Bool
    var isCommitted: Bool
    var isExecuted: Bool
    var poolDigest: String?
    var parametersDigest: String?
    var commitmentDigest: String?
    var recordDigest: String?
    var departments: [Department]
    var myDepartment: String
    var myCommitment: String?
    var canCommit: Bool
    var canReveal: Bool
    var hasPublicValue: Bool
    var publicValueDate: String
    var publicValueSource: String
    var publicValue: String?
    var canEnterPublicValue: Bool
    var canExecute: Bool
    var executeEnabled: Bool
    var executeHint: String
    var result: DrawResult?
    var publicURL: String
    var redrawOf: String?
    var redrawReason: String
    var redrawApprover: String
    var preparedBy: String
    var preparedAt: String
    var errors: [String]
    var hasErrors: Bool

    init(
        draw: DrawSummary, plan: Plan, batch: Batch, files: [String: [UInt8]], names: DrawNames, account: Account,
        errors: [String]
    ) throws {
        let status = draw.ownDepartment(of: account, plan: plan)
        let mine = status?.department
        let runner = PlanPolicy.canRunDraws(account, plan)
        func digest(_ name: String) -> String? { files[name].map { Bytes.sha256Hex($0) } }
        id = draw.id
        planURL = "/plans/\(plan.id)"
        planName = plan.name
        planCode = plan.code
        batchCode = batch.code
        batchWindow = "\(batch.start.iso) 至 \(batch.end.iso)"
        stateLabel = draw.state.label
        isPrepared = draw.state == .prepared
        isCommitted = draw.state == .committed
        isExecuted = draw.state == .executed
        poolDigest = digest("pool.txt")
        parametersDigest = digest("parameters.txt")
        commitmentDigest = digest("commitment.txt")
        recordDigest = digest("record.txt")
        departments = draw.departments.map {
            Department(
                code: $0.department, name: names.department($0.department), commitment: $0.commitment ?? "—",
                committedAt: ChinaTime.text(stamp: $0.committedAt) ?? "",
                status: $0.revealed ? "已揭示" : ($0.commitment == nil ? "待提交承诺" : "已提交承诺"),
                isMine: $0.department == mine)
        }
        myDepartment = mine ?? ""
        myCommitment = status?.commitment
        canCommit = draw.mayCommit(account, plan: plan)
        canReveal = draw.mayReveal(account, plan: plan)
        hasPublicValue = draw.publicValueSource != nil
        publicValueDate = draw.publicValueDate ?? ""
        publicValueSource = draw.publicValueSource ?? ""
        publicValue = draw.publicValue
        canEnterPublicValue = runner && hasPublicValue && draw.state == .committed
        canExecute = runner && draw.state != .executed
        executeEnabled = draw.isReadyToExecute
        executeHint =
            switch draw.state {
            case .prepared: "全部参与部门提交承诺后才能执行。"
            case .committed where hasPublicValue && draw.publicValue == nil: "请先录入预告的公开随机值。"
            default: "未揭示秘密的部门按“缺失”处理（任何一方都无法通过拒绝揭示来左右结果）。"
            }
        result = try DrawResult.parse(files, names: names, publicNames: false)
        publicURL = "/public/draws/\(draw.id)"
        redrawOf = draw.redrawOf
        redrawReason = draw.redrawReason
        redrawApprover = draw.redrawApprover
        preparedBy = draw.preparedBy
        preparedAt = ChinaTime.text(stamp: draw.preparedAt)
        self.errors = errors
        hasErrors = !errors.isEmpty
    }
}
