// SPDX-License-Identifier: Apache-2.0

extension Verifier {
    /// Checks a bundle against the public log (spec §14.3): every digest the portal logged while
    /// the draw went on must be the digest of the bundle's file, at the time the timeline states.
    /// A bundle rebuilt afterwards (a pool line removed, a class changed, an excluded target
    /// pulled in, a department marked missing) differs from what was logged, and is rejected.
    /// Run `verify` first: this only compares.
    public static func checkAnchors(bundle: DrawBundle, log: PublicLog) throws(DrawError) {
        let f = "draw-log.txt"
        let d = try BundleContents(bundle)
        let id = d.parameters.drawID
        let entries = log.entries(of: id)
        func fail(_ field: String, _ expected: String, _ found: String) -> DrawError {
            .mismatch(file: f, line: 0, field: "\(id) \(field)", expected: expected, found: found)
        }
        func only(_ kind: PublicLogEntry.Kind) throws(DrawError) -> PublicLogEntry {
            let found = entries.filter { $0.kind == kind }
            guard found.count == 1 else { throw fail(kind.rawValue, "日志中恰好一条", "\(found.count) 条") }
            return found[0]
        }
        func same(_ entry: PublicLogEntry, _ name: String) throws(DrawError) {
            let digest = Bytes.sha256Hex(bundle.files[name] ?? [])
            guard entry.digest == digest else {
                throw .mismatch(
                    file: f, line: entry.seq, field: "\(name) 的摘要（\(entry.kind.rawValue)）", expected: entry.digest, found: digest)
            }
        }
        let commitment = try only(.commitment)
        try same(commitment, "commitment.txt")
        try same(try only(.reveal), "reveal.txt")
        let record = try only(.record)
        try same(record, "record.txt")
        let replacements = entries.filter { $0.kind == .replacement }
        let approvals = try d.approvals.count
        guard replacements.count == approvals else { throw fail("replacement", "\(approvals) 条", "\(replacements.count) 条") }
        if let last = replacements.last { try same(last, "inspector-replacements.txt") }
        guard let bytes = bundle.files["timeline.txt"] else { return }
        let timeline = try DrawTimeline.parse(bytes)
        try same(try only(.timeline), "timeline.txt")
        guard commitment.time == timeline.commitmentPublished, commitment.subject == timeline.revealDeadline else {
            throw .mismatch(
                file: f, line: commitment.seq, field: "承诺发布时间和揭示截止时间",
                expected: "\(timeline.commitmentPublished) \(timeline.revealDeadline)", found: "\(commitment.time) \(commitment.subject)")
        }
        guard record.time == timeline.executed else {
            throw .mismatch(file: f, line: record.seq, field: "执行时间", expected: timeline.executed, found: record.time)
        }
        let secrets = entries.filter { $0.kind == .secret }
        let committed = Dictionary(d.commitment.commits.map { ($0.department, $0.hash) }, uniquingKeysWith: { a, _ in a })
        for line in timeline.revealed {
            let logged = secrets.filter { $0.subject == line.department }
            if let time = line.time {
                guard logged.count == 1, logged[0].time == time, logged[0].digest == committed[line.department] else {
                    throw fail("secret \(line.department)", "日志记录 \(time) 交来秘密", logged.map(\.time).joined(separator: ","))
                }
            } else if let entry = logged.first {
                throw .mismatch(
                    file: f, line: entry.seq, field: "secret \(line.department)", expected: "missing（截止前未交）", found: "\(entry.time) 已交来秘密")
            }
        }
        guard secrets.count == timeline.revealed.filter({ $0.time != nil }).count else {
            throw fail("secret", "每个部门至多一条", "\(secrets.count) 条")
        }
        switch timeline.publicValue {
        case .entered(let time, _):
            let entry = try only(.publicValue)
            let value = Bytes.sha256Hex(Array((d.reveal.publicValue?.value ?? "").utf8))
            guard entry.time == time, entry.digest == value else {
                throw .mismatch(
                    file: f, line: entry.seq, field: "公开随机值", expected: "\(time) \(value)", found: "\(entry.time) \(entry.digest)")
            }
        case .exception(let approver, let reason):
            let entry = try only(.exception)
            guard entry.digest == PublicLog.exceptionDigest(approver: approver, reason: reason), entry.time <= commitment.time else {
                throw .mismatch(file: f, line: entry.seq, field: "公开随机值例外", expected: "承诺发布前批准的例外", found: entry.digest)
            }
        }
    }
}
