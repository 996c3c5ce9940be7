// SPDX-License-Identifier: Apache-2.0

/// `timeline.txt` (spec §14.2): when each step of the draw was published. Not part of the
/// `suiji-draw/1` file set of §10 nor of `manifest.txt`; it is checked against `reveal.txt` and
/// `parameters.txt` here, and against the public log by `Verifier.checkAnchors`.
public struct DrawTimeline: Sendable, Equatable {
    /// How the announced public value was handled: entered (time, where it was read), or an
    /// approved exception when none was announced.
    public enum PublicValueStep: Sendable, Equatable {
        case entered(time: String, note: String)
        case exception(approver: String, reason: String)
    }

    public var drawID: String
    /// When `commitment.txt` was published (the last department's commitment).
    public var commitmentPublished: String
    /// Secrets handed in after it are refused; departments without one are `missing`.
    public var revealDeadline: String
    /// Per department in parameters order: the time its secret was handed in, nil if missing.
    public var revealed: [(department: String, time: String?)]
    public var publicValue: PublicValueStep
    public var executed: String

    public init(
        drawID: String, commitmentPublished: String, revealDeadline: String, revealed: [(department: String, time: String?)],
        publicValue: PublicValueStep, executed: String
    ) {
        self.drawID = drawID
        self.commitmentPublished = commitmentPublished
        self.revealDeadline = revealDeadline
        self.revealed = revealed
        self.publicValue = publicValue
        self.executed = executed
    }

    public static func == (a: DrawTimeline, b: DrawTimeline) -> Bool { a.fileBytes() == b.fileBytes() }

    /// The exact bytes of `timeline.txt`.
    public func fileBytes() -> [UInt8] {
        var l: [[String]] = [
            ["version", DrawSpec.version], ["draw-id", drawID], ["commitment-published", commitmentPublished],
            ["reveal-deadline", revealDeadline],
        ]
        l += revealed.map { ["revealed", $0.department, $0.time ?? "missing"] }
        switch publicValue {
        case .entered(let time, let note): l.append(["public-value-entered", time, note])
        case .exception(let approver, let reason): l.append(["public-value-exception", approver, reason])
        }
        l.append(["executed", executed])
        return TextFile.encode(l)
    }

    /// Strict parser: grammar and canonical form.
    public static func parse(_ bytes: [UInt8]) throws(DrawError) -> DrawTimeline {
        let f = "timeline.txt"
        var r = try LineReader(bytes, file: f)
        guard try r.value("version") == DrawSpec.version else { throw r.fail("版本") }
        let drawID = try r.value("draw-id")
        let published = try r.value("commitment-published")
        let deadline = try r.value("reveal-deadline")
        var revealed: [(String, String?)] = []
        while r.peekKey() == "revealed" {
            let v = try r.expect("revealed", fields: 2)
            guard TextFile.isToken(v[0]), v[1] == "missing" || Timestamps.isTime(v[1]) else { throw r.fail("revealed", line: r.index) }
            revealed.append((v[0], v[1] == "missing" ? nil : v[1]))
        }
        let step: PublicValueStep
        if r.peekKey() == "public-value-exception" {
            let v = try r.expect("public-value-exception", fields: 2)
            guard TextFile.isText(v[0]), TextFile.isText(v[1]) else { throw r.fail("public-value-exception", line: r.index) }
            step = .exception(approver: v[0], reason: v[1])
        } else {
            let v = try r.expect("public-value-entered", fields: 2)
            guard Timestamps.isTime(v[0]), TextFile.isText(v[1]) else { throw r.fail("public-value-entered", line: r.index) }
            step = .entered(time: v[0], note: v[1])
        }
        let executed = try r.value("executed")
        guard r.atEnd else { throw r.fail("多余行", line: r.lineNo) }
        guard TextFile.isToken(drawID), [published, deadline, executed].allSatisfy(Timestamps.isTime) else {
            throw .syntax(file: f, line: 0, detail: "标识或时间")
        }
        let timeline = DrawTimeline(
            drawID: drawID, commitmentPublished: published, revealDeadline: deadline, revealed: revealed, publicValue: step,
            executed: executed)
        guard timeline.fileBytes() == bytes else { throw .syntax(file: f, line: 0, detail: "非规范形式") }
        return timeline
    }

    /// Checks the timeline against the bundle's own files (spec §14.2): the draw and its
    /// departments, who is missing, the order of the steps, the public value's date after the
    /// commitment's publication and the reveal deadline, and at least one department's secret.
    public func check(parameters: DrawParameters, reveal: Reveal) throws(DrawError) {
        let f = "timeline.txt"
        func fail(_ line: Int, _ field: String, _ expected: String, _ found: String) -> DrawError {
            .mismatch(file: f, line: line, field: field, expected: expected, found: found)
        }
        if drawID != parameters.drawID { throw fail(2, "draw-id", parameters.drawID, drawID) }
        guard revealDeadline > commitmentPublished else {
            throw fail(4, "reveal-deadline", "晚于承诺发布 \(commitmentPublished)", revealDeadline)
        }
        guard revealed.map(\.department) == parameters.departments else {
            throw fail(5, "revealed", parameters.departments.joined(separator: ","), revealed.map(\.department).joined(separator: ","))
        }
        for (k, line) in revealed.enumerated() {
            let missing = reveal.missing.contains(line.department)
            guard missing == (line.time == nil) else {
                throw fail(5 + k, "revealed \(line.department)", missing ? "missing" : "揭示时间", line.time ?? "missing")
            }
            if let time = line.time, !(time >= commitmentPublished && time <= revealDeadline) {
                throw fail(5 + k, "revealed \(line.department)", "承诺发布后、截止时间前", time)
            }
        }
        guard revealed.contains(where: { $0.time != nil }) else { throw fail(5, "revealed", "至少一个部门的秘密", "全部 missing") }
        let line = 5 + revealed.count
        var ready = revealed.compactMap(\.time).max() ?? revealDeadline
        if revealed.contains(where: { $0.time == nil }) { ready = revealDeadline }
        switch (publicValue, parameters.publicValue) {
        case (.entered(let time, _), let announced?):
            guard Timestamps.chinaDate(commitmentPublished) < announced.date, Timestamps.chinaDate(revealDeadline) < announced.date else {
                throw fail(line, "public-value date", "晚于承诺发布日和揭示截止日", announced.date)
            }
            guard time >= ready, Timestamps.chinaDate(time) >= announced.date else {
                throw fail(line, "public-value-entered", "揭示截止后、\(announced.date) 当日或之后", time)
            }
            ready = time
        case (.exception, nil): break
        case (.entered, nil): throw fail(line, "public-value", "public-value-exception（未预告公开随机值）", "public-value-entered")
        case (.exception, _?): throw fail(line, "public-value", "public-value-entered（已预告公开随机值）", "public-value-exception")
        }
        guard executed >= ready else { throw fail(line + 1, "executed", "不早于 \(ready)", executed) }
    }
}
