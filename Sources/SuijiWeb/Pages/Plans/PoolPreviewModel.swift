// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiDraw
import SuijiStore

/// The pool preview (预览抽取池) shown under a plan or batch form before saving: per risk class
/// the eligible targets and, for a batch, how many a draw would take. Stored properties only.
struct PoolPreviewModel {
    struct Row {
        var label: String
        var size: Int
        /// Nil for a plan without a batch.
        var sample: Int?
        var replacements: Int?
        var excluded: Int
    }

    var rows: [Row]
    var eligible: Int
    var sample: Int?
    var hasSample: Bool
    /// "已注销 3 户；本年度已被随机抽查 12 户".
    var exclusions: String
    var keyItem: Bool

    init(_ preview: PoolPreview) {
        rows = preview.strata.map {
            Row(label: Self.stratum($0.label), size: $0.size, sample: $0.sample, replacements: $0.replacements, excluded: $0.excluded)
        }
        eligible = preview.eligible
        sample = preview.sample
        hasSample = preview.sample != nil
        exclusions = ExclusionReason.allCases.compactMap { reason in
            preview.excluded[reason].map { "\(Self.label(reason)) \($0) 户" }
        }.joined(separator: "；")
        keyItem = preview.keyItem
    }

    static func stratum(_ label: String) -> String { label == "ALL" ? "全部对象" : "\(label) 类" }

    static func label(_ reason: ExclusionReason) -> String {
        switch reason {
        case .notOperating: "歇业或吊销"
        case .deregistered: "已注销"
        case .inspectedThisYear: "本年度已被随机抽查"
        case .underInvestigation: "正在立案调查"
        case .newlyRegistered: "计划截止后新登记"
        case .outOfScope: "不在批次范围内"
        }
    }
}
