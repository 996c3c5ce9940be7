// SPDX-License-Identifier: Apache-2.0

extension DrawParameters {
    /// The exact bytes of `parameters.txt`.
    public func fileBytes() -> [UInt8] {
        var l: [[String]] = [
            ["version", DrawSpec.version], ["draw-id", drawID], ["plan-id", planID], ["batch-id", batchID],
            ["batch-start", batchStart], ["batch-end", batchEnd], ["key-item", keyItem ? "yes" : "no"],
            ["pool-size", String(poolSize)], ["excluded-count", String(excludedCount)],
            ["excluded-digest", excludedDigest], ["inspectors-digest", inspectorsDigest],
            ["conflicts-digest", conflictsDigest],
        ]
        l += departments.map { ["department", $0] }
        if let pv = publicValue { l.append(["public-value", pv.date, pv.source]) } else { l.append(["public-value", "none"]) }
        l += strata.map { ["stratum", $0.label, String($0.size), $0.rule.text, String($0.n), String($0.r), String($0.excluded)] }
        l += slots.map { ["slot", $0.name, $0.department, $0.kind.rawValue] }
        l += items.map { ["item", $0.department, $0.code] }
        l.append(["cap-extra", String(capExtra)])
        l.append(["cross-unit", crossUnit ? "yes" : "no"])
        return TextFile.encode(l)
    }

    /// Lowercase hex SHA-256 of the file.
    public var digest: String { Bytes.sha256Hex(fileBytes()) }

    /// Strict parser; the result re-encodes to the same bytes.
    public static func parse(_ bytes: [UInt8]) throws(DrawError) -> DrawParameters {
        let f = "parameters.txt"
        var r = try LineReader(bytes, file: f)
        guard try r.value("version") == DrawSpec.version else { throw r.fail("版本") }
        let drawID = try r.value("draw-id")
        let planID = try r.value("plan-id")
        let batchID = try r.value("batch-id")
        let bs = try r.value("batch-start")
        let be = try r.value("batch-end")
        let ki = try r.value("key-item")
        guard ki == "yes" || ki == "no" else { throw r.fail("key-item") }
        guard let ps = TextFile.int(try r.value("pool-size")) else { throw r.fail("pool-size") }
        guard let ec = TextFile.int(try r.value("excluded-count")) else { throw r.fail("excluded-count") }
        let ed = try r.value("excluded-digest")
        let id = try r.value("inspectors-digest")
        let cd = try r.value("conflicts-digest")
        guard [ed, id, cd].allSatisfy(TextFile.isHex64) else { throw r.fail("摘要") }
        var depts = [String]()
        while r.peekKey() == "department" { depts.append(try r.value("department")) }
        var pv: PublicValueAnnouncement?
        guard r.peekKey() == "public-value" else { throw r.fail("缺少 public-value", line: r.lineNo) }
        let pvl = r.lines[r.index]
        if pvl.count == 2 && pvl[1] == "none" {
            r.index += 1
        } else {
            let v = try r.expect("public-value", fields: 2)
            pv = PublicValueAnnouncement(date: v[0], source: v[1])
        }
        var strata = [StratumParameter]()
        while r.peekKey() == "stratum" {
            let v = try r.expect("stratum", fields: 6)
            guard let size = TextFile.int(v[1]), let rule = SampleRule(text: v[2]), let n = TextFile.int(v[3]),
                let rr = TextFile.int(v[4]), let ex = TextFile.int(v[5])
            else { throw r.fail("stratum") }
            var s = StratumParameter(label: v[0], size: size, rule: rule, excluded: ex)
            s.n = n
            s.r = rr
            strata.append(s)
        }
        var slots = [SlotSpec]()
        while r.peekKey() == "slot" {
            let v = try r.expect("slot", fields: 3)
            guard let k = SlotKind(rawValue: v[2]) else { throw r.fail("slot") }
            slots.append(SlotSpec(name: v[0], department: v[1], kind: k))
        }
        var items = [ItemRequirement]()
        while r.peekKey() == "item" {
            let v = try r.expect("item", fields: 2)
            items.append(ItemRequirement(department: v[0], code: v[1]))
        }
        guard let capExtra = TextFile.int(try r.value("cap-extra")) else { throw r.fail("cap-extra") }
        let cu = try r.value("cross-unit")
        guard cu == "yes" || cu == "no", r.atEnd else { throw r.fail("cross-unit 或多余行") }
        let p = DrawParameters(
            drawID: drawID, planID: planID, batchID: batchID, batchStart: bs, batchEnd: be, keyItem: ki == "yes",
            poolSize: ps, excludedCount: ec, excludedDigest: ed, inspectorsDigest: id, conflictsDigest: cd,
            departments: depts, publicValue: pv, strata: strata, slots: slots, items: items, capExtra: capExtra,
            crossUnit: cu == "yes")
        do { try p.validateStructure() } catch { throw .syntax(file: f, line: 0, detail: error.message) }
        guard p.fileBytes() == bytes else { throw .syntax(file: f, line: 0, detail: "非规范形式") }
        return p
    }

    /// Recomputes every derived field from the pool, excluded list and inspector files;
    /// throws the first mismatch with its line number.
    public func check(
        pool: CanonicalPool, excluded: ExcludedList, inspectorsDigest iDigest: String,
        conflictsDigest cDigest: String
    ) throws(DrawError) {
        let f = "parameters.txt"
        func eq(_ line: Int, _ field: String, _ exp: String, _ found: String) throws(DrawError) {
            if exp != found { throw .mismatch(file: f, line: line, field: field, expected: exp, found: found) }
        }
        try eq(8, "pool-size", String(pool.count), String(poolSize))
        try eq(9, "excluded-count", String(excluded.entries.count), String(excludedCount))
        try eq(10, "excluded-digest", excluded.digest, excludedDigest)
        try eq(11, "inspectors-digest", iDigest, inspectorsDigest)
        try eq(12, "conflicts-digest", cDigest, conflictsDigest)
        let sizes = pool.stratumSizes()
        for l in pool.stratumLabels where !strata.contains(where: { $0.label == l }) {
            throw .mismatch(file: f, line: 0, field: "stratum", expected: l, found: "-")
        }
        for e in excluded.entries where !strata.contains(where: { $0.label == e.stratum }) {
            throw .mismatch(file: f, line: 0, field: "excluded stratum", expected: "-", found: e.stratum)
        }
        if let e = excluded.firstInPool(pool) {
            throw .mismatch(file: "excluded.txt", line: 0, field: "排除标识仍在池中", expected: "-", found: e.id)
        }
        let base = 13 + departments.count + 1
        for (k, s) in strata.enumerated() {
            let exp = StratumParameter(
                label: s.label,
                size: pool.stratumLabels.firstIndex(of: s.label).map { sizes[$0] } ?? 0,
                rule: s.rule, excluded: excluded.count(stratum: s.label))
            try eq(base + k, "stratum \(s.label) size", String(exp.size), String(s.size))
            try eq(base + k, "stratum \(s.label) n", String(exp.n), String(s.n))
            try eq(base + k, "stratum \(s.label) r", String(exp.r), String(s.r))
            try eq(base + k, "stratum \(s.label) excluded", String(exp.excluded), String(s.excluded))
        }
    }
}

/// Spec-wide constants.
public enum DrawSpec {
    /// The version string `suiji-draw/1`.
    public static let version = "suiji-draw/1"
}
