// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiDraw
import SuijiStore

/// The outcome of an executed draw, read from its published files: per stratum (one heading
/// each, with its cutoff) the drawn targets with rank, name, credit code and key, the
/// replacement lists and each drawn target's team by name (after any approved inspector
/// replacement). Used by the ceremony page, the public page and the public API (Mustache reads
/// stored properties only, so everything is stored).
struct DrawResult: Encodable {
    /// A risk class, or 全部 for the single stratum of a fixed count.
    static func stratumLabel(_ stratum: String) -> String {
        stratum == "ALL" ? "全部对象" : "\(stratum) 类风险层"
    }

    struct Row: Encodable {
        var stratum: String
        var rank: Int
        var code: String
        var name: String
        var key: String
    }

    struct Stratum: Encodable {
        var stratum: String
        var label: String
        var count: Int
        /// Key and id of the stratum's last drawn target: every drawn key is at most this.
        var cutoffKey: String
        var cutoffID: String
        var rows: [Row]
    }

    struct Member: Encodable {
        /// 组长, 成员 or 专家.
        var role: String
        var name: String
        /// The member's department by name (专家库 for experts).
        var department: String
    }

    struct Team: Encodable {
        var code: String
        var name: String
        var members: [Member]
    }

    /// The excluded list by reason, named in Chinese.
    struct Exclusion: Encodable {
        var reason: String
        var count: Int
    }

    var strata: [Stratum]
    var replacements: [Row]
    var teams: [Team]
    var exclusions: [Exclusion]
    var hasReplacements: Bool
    var hasTeams: Bool
    var hasExclusions: Bool

    /// The result, or nil while `selection.txt` is not published. `publicNames` masks the names
    /// of individual businesses' operators (the public page and API).
    static func parse(_ record: DrawPageRecord, publicNames: Bool) throws -> DrawResult? {
        let (files, names) = (record.contents, record.names)
        guard let selection = files["selection.txt"] else { return nil }
        func name(_ code: String) -> String {
            guard let target = names.targets[code] else { return "（对象库中无此代码）" }
            return publicNames ? target.publicName : target.name
        }
        func row(_ selected: SelectedTarget) -> Row {
            Row(
                stratum: stratumLabel(selected.stratum), rank: selected.rank, code: selected.id, name: name(selected.id),
                key: Bytes.hex64(selected.key))
        }
        var strata: [Stratum] = []
        for selected in try TargetSelection.parseList(selection, file: "selection.txt") {
            if strata.last?.stratum != selected.stratum {
                strata.append(
                    Stratum(
                        stratum: selected.stratum, label: stratumLabel(selected.stratum), count: 0, cutoffKey: "", cutoffID: "", rows: []))
            }
            strata[strata.count - 1].rows.append(row(selected))
            strata[strata.count - 1].count += 1
            strata[strata.count - 1].cutoffKey = Bytes.hex64(selected.key)
            strata[strata.count - 1].cutoffID = selected.id
        }
        let replacements = try TargetSelection.parseList(files["replacements.txt"] ?? [], file: "replacements.txt").map(row)
        let exclusions = ExclusionReason.allCases.compactMap { reason in
            record.exclusions[reason].map { Exclusion(reason: DrawExplanation.label(reason), count: $0) }
        }
        return DrawResult(
            strata: strata, replacements: replacements, teams: try teams(files, names: names, name: name), exclusions: exclusions,
            hasReplacements: !replacements.isEmpty, hasTeams: files["assignment.txt"]?.isEmpty == false, hasExclusions: !exclusions.isEmpty)
    }

    /// Each drawn target's team in team order, with the approved replacements applied.
    static func teams(_ files: [String: [UInt8]], names: DrawNames, name: (String) -> String) throws -> [Team] {
        let assignment = try DrawStore.currentAssignment(files)
        guard !assignment.isEmpty else { return [] }
        let kinds = Dictionary(
            try DrawParameters.parse(files["parameters.txt"] ?? []).slots.map { ($0.name, $0.kind) }, uniquingKeysWith: { a, _ in a })
        var teams: [Team] = []
        for line in assignment {
            if teams.last?.code != line.target { teams.append(Team(code: line.target, name: name(line.target), members: [])) }
            let kind = kinds[line.slot] ?? .member
            let person = names.people[line.inspector]
            teams[teams.count - 1].members.append(
                Member(
                    role: kind == .leader ? "组长" : (kind == .expert ? "专家" : "成员"), name: person?.name ?? line.inspector,
                    department: names.department(person?.department ?? (kind == .expert ? "EXPERT" : ""))))
        }
        return teams
    }
}

/// A published file and its download link.
struct DrawFileLink: Encodable {
    var name: String
    var size: Int
    var sha256: String
    var url: String

    static func links(_ files: [DrawPageRecord.File], drawID: String) -> [DrawFileLink] {
        files.map { DrawFileLink(name: $0.name, size: $0.size, sha256: $0.sha256, url: PublicPaths.drawFile.href(drawID, $0.name)) }
    }
}

/// Why one target was or was not drawn, in Chinese (the public "查询" box).
struct DrawExplanation: Encodable {
    var code: String
    /// The target's name (an individual business's operator masked), when the libraries know it.
    var name: String?
    var verdict: String
    var stratum: String
    var key: String
    var cutoff: String
    var detail: String

    /// Names the earlier random checks that made the once-a-year rule exclude the target.
    mutating func addEarlierChecks(_ checks: [String]) {
        guard !checks.isEmpty else { return }
        detail += "本年度已随机抽查：" + checks.joined(separator: "；") + "。"
    }

    init(_ explanation: TargetExplanation, name: String? = nil) {
        self.name = name
        let stratum = explanation.stratum.map(DrawResult.stratumLabel) ?? "—"
        let key = explanation.key.map(Bytes.hex64) ?? "—"
        let cutoff = explanation.cutoff.map { "\(Bytes.hex64($0.key))（\($0.id)）" } ?? "—"
        code = explanation.id
        self.stratum = stratum
        self.key = key
        self.cutoff = cutoff
        switch explanation.fate {
        case .drawn(let rank):
            verdict = "抽中"
            detail = "在\(stratum)，随机数 \(key) 不大于本层截止值 \(cutoff)，抽中，排第 \(rank) 位。"
        case .replacement(let rank):
            verdict = "未抽中（递补第 \(rank) 位）"
            detail = "在\(stratum)，随机数 \(key) 大于本层截止值 \(cutoff)，列入递补名单第 \(rank) 位。"
        case .notDrawn:
            verdict = "未抽中"
            detail = "在\(stratum)，随机数 \(key) 大于本层截止值 \(cutoff)，未被抽中。"
        case .excluded(let reason):
            verdict = "抽取前已排除"
            detail = "抽取前已排除，原因：\(Self.label(reason))（\(reason.rawValue)）。"
        case .notInPool:
            verdict = "不在抽取范围内"
            detail = "该主体不在本次抽取的主体名单（抽取池和排除名单）中。"
        }
    }

    static func label(_ reason: ExclusionReason) -> String {
        switch reason {
        case .notOperating: "未在营业（歇业、吊销等）"
        case .deregistered: "已注销"
        case .inspectedThisYear: "本年度已就本次的非重点检查事项随机抽查过，避免重复检查（§14）"
        case .underInvestigation: "正在立案调查"
        case .newlyRegistered: "在计划截止日期后登记"
        case .outOfScope: "不在本批次抽查范围内"
        }
    }
}
