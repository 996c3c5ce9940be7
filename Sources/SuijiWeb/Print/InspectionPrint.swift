// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore

/// Builds the 抽查通知书 and the 检查记录表 of an inspection (portrait A4, one page for a usual
/// plan): names, not codes or logins; dates as 2026年7月1日; items numbered 1, 2, 3; every
/// taking-part department with its seal area; the team's contact phone.
struct InspectionPrint {
    var inspection: Inspection
    /// Check items by `department:code`.
    var catalog: [String: CheckItem]
    var departmentNames: [String: String]
    /// The 文号, nil while not issued.
    var number: String?
    var planName: String?
    /// The team leader's phone from the inspector library, empty when not recorded.
    var leaderPhone: String
    /// Display names of the accounts that entered findings or entrustments, by username.
    var accountNames: [String: String]
    var entrustments: [Entrustment]
    /// The day printed under the seals.
    var today: CalendarDate

    func department(_ code: String) -> String { departmentNames[code] ?? code }

    var numberText: String { number ?? "（尚未编号：由参与部门首次打印时编号）" }

    func itemName(_ item: PlanItem) -> String {
        catalog["\(item.department):\(item.code)"]?.name ?? item.code
    }

    var window: String { "\(PrintDate.text(inspection.windowStart))至\(PrintDate.text(inspection.windowEnd))" }

    /// "张三（区市场监管局）、李四（区卫健委）".
    func members(_ role: TeamRole) -> String {
        inspection.team.filter { $0.role == role }.map { member in
            role == .expert ? member.name : "\(member.name)（\(department(member.department))）"
        }.joined(separator: "、")
    }

    var contact: String {
        let leader = inspection.leader?.name ?? "检查组组长"
        return leaderPhone.isEmpty ? "联系人：\(leader)，联系电话：________________" : "联系人：\(leader)，联系电话：\(leaderPhone)"
    }

    var seals: [PrintDocument.Seal] { inspection.departments.map { PrintDocument.Seal(department: department($0)) } }

    /// Who entered a finding: the team member's name, else the account's name.
    func enteredBy(_ finding: Finding) -> String {
        if let id = finding.enteredByInspector, let member = inspection.team.first(where: { $0.isInspector(id) }) { return member.name }
        return accountNames[finding.enteredBy] ?? finding.enteredBy
    }

    func methods(_ methods: [CheckMethod]) -> String { methods.isEmpty ? "—" : methods.map(\.label).joined(separator: "、") }

    func plannedMethods(_ item: PlanItem) -> String { methods(catalog["\(item.department):\(item.code)"]?.methods ?? []) }

    var fileTarget: String { String(inspection.target.name.prefix(40)) }

    /// 抽查通知书.
    var notice: PrintDocument {
        let plan = planName.map { "《\($0)》" } ?? "本年度部门联合抽查计划"
        let visit = inspection.plannedDate.map { "（计划于\(PrintDate.text($0))到场）" } ?? ""
        var team = "检查组组长：\(members(.leader).isEmpty ? "—" : members(.leader))"
        if !members(.member).isEmpty { team += "；成员：\(members(.member))" }
        if !members(.expert).isEmpty { team += "；邀请专家：\(members(.expert))" }
        team += "。检查人员将出示行政执法证件。\(contact)。"
        let blocks: [PrintDocument.Block] = [
            .init(paragraph: .init(text: "\(inspection.target.name)（统一社会信用代码/标识：\(inspection.target.uid)）：", style: "salutation")),
            .init(
                paragraph: .init(
                    text: "根据《国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》（国发〔2019〕5号）和\(plan)，经随机抽取，"
                        + "你（单位）被确定为本次抽查的检查对象。\(inspection.departments.map(department).joined(separator: "、"))将于"
                        + "\(window)期间\(visit)，对你（单位）开展下列事项的联合检查：", style: "indent")),
            .init(
                table: .init(
                    columns: [
                        .init(title: "序号", percent: 10), .init(title: "实施部门", percent: 25), .init(title: "抽查事项", percent: 40),
                        .init(title: "检查方式", percent: 25),
                    ],
                    rows: inspection.items.enumerated().map { index, item in
                        .init(cells: [String(index + 1), department(item.department), itemName(item), plannedMethods(item)])
                    })),
            .init(paragraph: .init(text: team, style: "indent")),
            .init(paragraph: .init(text: "请你（单位）做好以下准备：", style: "indent")),
            .init(
                list: .init(items: [
                    "营业执照（登记证书）副本及与抽查事项相关的许可证件；",
                    "法定代表人（负责人）身份证明，委托他人配合检查的，提供授权委托书及受托人身份证明；",
                    "与抽查事项相关的制度、台账、票据、合同、检验检测报告等资料；",
                    "安排熟悉情况的人员在场，配合检查人员进入生产经营场所，如实回答询问。",
                ])),
            .init(
                paragraph: .init(
                    text: "检查对象应当配合检查，如实提供有关材料。拒绝、阻碍检查人员进入检查场所，拒绝接受询问调查，拒绝提供有关材料，"
                        + "提供虚假或者不完整的材料，或者有其他严重妨碍检查行为的，将认定为“不配合检查情节严重”，"
                        + "通过国家企业信用信息公示系统向社会公示，并依法处理。", style: "warning")),
            .init(paragraph: .init(text: "检查结果将自检查结束之日起二十个工作日内通过国家企业信用信息公示系统向社会公示。", style: "indent")),
        ]
        return PrintDocument(
            kind: "notice", inspectionID: inspection.id,
            titleLines: [department(inspection.initiator), "部门联合“双随机、一公开”抽查通知书"], number: numberText, blocks: blocks,
            seals: seals, sealDate: PrintDate.text(today),
            closing: ["检查对象签收：________________　　签收日期：______年____月____日"], fileTitle: "抽查通知书-\(fileTarget)", tableSize: 10)
    }

    /// 检查记录表.
    var record: PrintDocument {
        let due = inspection.resultDueDate.map { PrintDate.text($0) + (inspection.resultDueDateProvisional ? "（暂定）" : "") } ?? "—"
        let fields: [PrintDocument.Field] = [
            .init(label: "检查对象", value: inspection.target.name), .init(label: "统一社会信用代码", value: inspection.target.uid),
            .init(label: "发起部门", value: department(inspection.initiator)),
            .init(label: "参与部门", value: inspection.departments.dropFirst().map(department).joined(separator: "、").ifEmpty("无")),
            .init(label: "检查期间", value: window),
            .init(label: "计划检查日期", value: inspection.plannedDate.map(PrintDate.text) ?? "未安排"),
            .init(label: "检查组组长", value: members(.leader).ifEmpty("—")), .init(label: "检查组成员", value: members(.member).ifEmpty("无")),
            .init(label: "专家", value: members(.expert).ifEmpty("无")), .init(label: "联系电话", value: leaderPhone.ifEmpty("—")),
            .init(label: "事先告知", value: noticeText), .init(label: "结果录入截止日", value: due),
        ]
        var blocks: [PrintDocument.Block] = [
            .init(fields: .init(pairs: stride(from: 0, to: fields.count, by: 2).map { Array(fields[$0..<min($0 + 2, fields.count)]) })),
            .init(
                table: .init(
                    columns: [
                        .init(title: "序号", percent: 5), .init(title: "实施部门", percent: 15), .init(title: "抽查事项", percent: 20),
                        .init(title: "检查方式", percent: 10), .init(title: "检查结果", percent: 20), .init(title: "备注", percent: 15),
                        .init(title: "录入人", percent: 15),
                    ],
                    rows: inspection.items.enumerated().map { index, item in
                        let finding = inspection.findings.first { $0.item == item }
                        var result = finding.map { $0.category.label + ($0.settledOnline ? "（网上核查办结）" : "") } ?? ""
                        if let kinds = finding?.nonCooperation, !kinds.isEmpty { result += "：" + kinds.map(\.label).joined(separator: "；") }
                        return .init(cells: [
                            String(index + 1), department(item.department), itemName(item),
                            finding.map { methods($0.methods) } ?? plannedMethods(item), result, finding?.notes ?? "",
                            finding.map { "\(enteredBy($0))\n\(PrintDate.text($0.enteredAt))" } ?? "",
                        ])
                    })),
        ]
        if !entrustments.isEmpty {
            blocks.append(.init(heading: "委托专业机构（专家）"))
            blocks.append(
                .init(
                    table: .init(
                        columns: [
                            .init(title: "受委托方", percent: 20), .init(title: "类别", percent: 15), .init(title: "事项", percent: 20),
                            .init(title: "委托内容", percent: 20), .init(title: "委托日期", percent: 15), .init(title: "经办人", percent: 10),
                        ],
                        rows: entrustments.map { entrustment in
                            let items = entrustment.items.map(itemName).joined(separator: "、")
                            return .init(cells: [
                                entrustment.entrustee, entrustment.kind.label, items.isEmpty ? "全部事项" : items, entrustment.work,
                                PrintDate.text(entrustment.entrustedOn), accountNames[entrustment.entrustedBy] ?? entrustment.entrustedBy,
                            ])
                        })))
        }
        let inspectors = inspection.team.filter { $0.role != .expert }.map { "\($0.name) ____________" }.joined(separator: "　")
        return PrintDocument(
            kind: "record", inspectionID: inspection.id, titleLines: ["部门联合“双随机、一公开”抽查检查记录表"], number: numberText,
            blocks: blocks, seals: seals, sealDate: PrintDate.text(today),
            closing: [
                "检查人员（签名）：\(inspectors)", "检查对象负责人或受托人（签字）：________________　　日期：______年____月____日",
            ], fileTitle: "检查记录表-\(fileTarget)", tableSize: 9)
    }

    var noticeText: String {
        switch inspection.notice {
        case .none: "尚未记录"
        case .notified(let channel, let date, let by)?: "\(PrintDate.text(date))由\(by.isEmpty ? "检查组" : by)以\(channel.label)方式告知"
        case .notNotified(let ground)?: "依法不予事先告知（\(ground)）"
        }
    }
}

extension String {
    fileprivate func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
