// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiDraw

/// The head of the public draw log as pages show it (every public draw page, the open-data
/// page): anyone who notes it can later prove the log was not rewritten behind it.
struct PublicLogHead: Encodable {
    var seq: Int
    var hash: String
    var time: String
    var url: String

    init?(_ entry: PublicLogEntry?) {
        guard let entry else { return nil }
        seq = entry.seq
        hash = entry.hash
        time = ChinaTime.text(stamp: entry.time)
        url = PublicPaths.drawLog.href
    }
}

/// One draw's entry of the public log, with what it records in Chinese.
struct PublicLogLine: Encodable {
    var seq: Int
    var time: String
    var what: String
    var digest: String

    init(_ entry: PublicLogEntry, departments: (String) -> String) {
        seq = entry.seq
        time = ChinaTime.text(stamp: entry.time)
        digest = entry.digest
        switch entry.kind {
        case .commitment: what = "承诺文件发布（揭示截止 \(ChinaTime.text(stamp: entry.subject))）"
        case .exception: what = "不使用公开随机值的例外（批准人和原因的摘要）"
        case .secret: what = "\(departments(entry.subject))交来秘密（摘要为其承诺值）"
        case .publicValue: what = "录入公开随机值（值的摘要）"
        case .reveal: what = "揭示文件"
        case .record: what = "抽取记录"
        case .timeline: what = "时间记录"
        case .replacement: what = "第 \(entry.subject) 次更换执法检查人员"
        }
    }
}
