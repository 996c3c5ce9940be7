// SPDX-License-Identifier: Apache-2.0

/// The spec's test vectors (spec §12, `docs/draw-vectors.md`), built from fixed generators
/// so that any implementation can rebuild them: see the spec for the generator rules.
public enum TestVectors {
    /// Definition of one vector.
    public struct Definition: Sendable {
        /// Name, e.g. `V1`.
        public let name: String
        /// Pool size N.
        public let size: Int
        /// Stratum labels used by the generator.
        public let strata: [String]
        /// Rules per stratum.
        public let rules: [String: SampleRule]
        /// Departments (first = initiator).
        public let departments: [String]
        /// Departments whose reveal is missing.
        public let missing: [String]
        /// Whether the public value is announced and revealed.
        public let publicValue: Bool
        /// Whether the vector includes inspector matching.
        public let matching: Bool
        /// V6: binding caps, the flow look-ahead, cross-unit, conflicts (salt 0x01…0x10) and two
        /// inspector replacements, an item line of an unlisted department, areas in byte order.
        public var full: Bool = false
    }

    /// The vectors V1–V6.
    public static let definitions: [Definition] = [
        Definition(
            name: "V1", size: 3, strata: ["ALL"], rules: ["ALL": .count(1)], departments: ["SAMR-310115"],
            missing: [], publicValue: false, matching: false),
        Definition(
            name: "V2", size: 10, strata: ["ALL"], rules: ["ALL": .count(3)],
            departments: ["SAMR-310115", "HEALTH-310115"], missing: [], publicValue: true, matching: false),
        Definition(
            name: "V3", size: 50, strata: ["A", "B", "C", "D"],
            rules: [
                "A": .perMille(100, .ceil), "B": .perMille(150, .floor), "C": .perMille(250, .roundHalfUp),
                "D": .count(4),
            ],
            departments: ["SAMR-310115", "HEALTH-310115"], missing: [], publicValue: true, matching: false),
        Definition(
            name: "V4", size: 50, strata: ["A", "B", "C", "D"],
            rules: [
                "A": .perMille(100, .ceil), "B": .perMille(150, .floor), "C": .perMille(250, .roundHalfUp),
                "D": .count(4),
            ],
            departments: ["SAMR-310115", "HEALTH-310115"], missing: ["HEALTH-310115"], publicValue: true,
            matching: false),
        Definition(
            name: "V5", size: 20, strata: ["ALL"], rules: ["ALL": .count(4)],
            departments: ["SAMR-310115", "HEALTH-310115"], missing: [], publicValue: false, matching: true),
        Definition(
            name: "V6", size: 30, strata: ["ALL"], rules: ["ALL": .count(10)], departments: ["SAMR-310115", "HEALTH-310115"],
            missing: [], publicValue: true, matching: true, full: true),
    ]

    /// V6's inspectors and experts: `(id, dept, areas, items, home)`, all available, certificates
    /// valid until 2027-12-31 (experts 9999-12-31).
    public static let fullInspectors: [(String, String, [String], [String], String)] = [
        ("I-01", "SAMR-310115", ["310104"], ["FOOD-01"], ""),
        ("I-02", "SAMR-310115", ["3101", "4"], ["FOOD-01"], ""),
        ("I-03", "SAMR-310115", ["310115"], ["FOOD-01", "LIC-02"], "310115001"),
        ("I-04", "SAMR-310115", ["310104", "310115"], ["FOOD-01"], "310104002"),
        ("I-05", "SAMR-310115", ["31"], ["FOOD-01"], ""),
        ("I-06", "HEALTH-310115", ["310104001", "310115"], [], ""),
        ("I-07", "HEALTH-310115", ["3101"], [], "310104"),
        ("I-08", "HEALTH-310115", ["310104"], [], ""),
        ("I-09", "HEALTH-310115", ["3101"], [], "310115003"),
        ("E-01", "EXPERT", ["3101"], ["EXP-01"], ""),
        ("E-02", "EXPERT", ["310104"], ["EXP-01"], ""),
        ("E-03", "EXPERT", ["310115"], ["EXP-01", "EXP-02"], ""),
    ]

    /// V6's conflict salt: the bytes 1, 2, …, 16.
    public static let conflictSalt: [UInt8] = Array(1...16)

    /// V6's declared conflicts: I-05 with targets k ≡ 0 (mod 3), I-07 with k ≡ 1 (mod 4), E-01
    /// with k ≡ 2 (mod 5), for k = 1…30.
    public static func fullConflicts() -> [ConflictDeclaration] {
        (1...30).flatMap { k -> [ConflictDeclaration] in
            var list: [ConflictDeclaration] = []
            if k % 3 == 0 { list.append(ConflictDeclaration(inspector: "I-05", target: targetID(k))) }
            if k % 4 == 1 { list.append(ConflictDeclaration(inspector: "I-07", target: targetID(k))) }
            if k % 5 == 2 { list.append(ConflictDeclaration(inspector: "E-01", target: targetID(k))) }
            return list
        }
    }

    /// Target id k (1-based): `"913101"` + 12-digit zero-padded `k × 104729`.
    public static func targetID(_ k: Int) -> String {
        let s = String(k * 104_729)
        return "913101" + String(repeating: "0", count: 12 - s.count) + s
    }

    /// Pool entry k: stratum `strata[k mod count]`, division 310115 (k even) or 310104,
    /// street = division + "00" + (k mod 3 + 1), empty when k mod 5 = 0.
    public static func entry(_ k: Int, strata: [String]) -> PoolEntry {
        let div = k % 2 == 0 ? "310115" : "310104"
        return PoolEntry(
            id: targetID(k), stratum: strata[k % strata.count], division: div,
            street: k % 5 == 0 ? "" : div + "00" + String(k % 3 + 1))
    }

    /// Secret of a department: `SHA256("suiji test secret " || dept)`.
    public static func secret(_ dept: String) -> [UInt8] { Bytes.sha256(Array("suiji test secret \(dept)".utf8)) }

    /// Inspectors of V5: I-01…I-12; odd → SAMR-310115, even → HEALTH-310115 (I-11, I-12 → EXPERT).
    public static func inspectors() -> [InspectorRecord] {
        (1...12).map { k in
            let id = "I-" + (k < 10 ? "0" : "") + String(k)
            let dept = k >= 11 ? "EXPERT" : (k % 2 == 1 ? "SAMR-310115" : "HEALTH-310115")
            let areas = k % 3 == 0 ? ["310104"] : (k % 3 == 1 ? ["310115"] : ["3101"])
            return InspectorRecord(
                id: id, department: dept, areas: areas, items: ["FOOD-01", "LIC-02"],
                available: k != 7, certUntil: k == 9 ? "2026-12-01" : "2027-12-31",
                home: k == 5 ? "310115001" : "")
        }
    }

    /// Builds the bundle of a vector.
    public static func bundle(_ v: Definition) throws(DrawError) -> DrawBundle {
        let pool = try CanonicalPool(entries: (1...v.size).map { entry($0, strata: v.strata) })
        let excluded = try ExcludedList([
            ExcludedEntry(id: targetID(v.size + 1), stratum: v.strata[(v.size + 1) % v.strata.count], reason: .notOperating),
            ExcludedEntry(
                id: targetID(v.size + 2), stratum: v.strata[(v.size + 2) % v.strata.count],
                reason: .inspectedThisYear),
        ])
        let source = "中国福利彩票 3D 2026-12-01 开奖号码"
        let records =
            v.full
            ? fullInspectors.map {
                InspectorRecord(
                    id: $0.0, department: $0.1, areas: $0.2, items: $0.3, available: true,
                    certUntil: $0.1 == "EXPERT" ? "9999-12-31" : "2027-12-31", home: $0.4)
            } : inspectors()
        let inspectors = v.matching ? try InspectorTable(records) : .empty
        let conflicts = v.full ? try ConflictList(salt: conflictSalt, declarations: fullConflicts()) : .empty
        let slots: [SlotSpec] =
            v.matching
            ? [
                SlotSpec(name: "leader", department: "SAMR-310115", kind: .leader),
                SlotSpec(name: "member-1", department: "HEALTH-310115", kind: .member),
                SlotSpec(name: "expert-1", department: "EXPERT", kind: .expert),
            ] : []
        var items = v.matching ? [ItemRequirement(department: "SAMR-310115", code: "FOOD-01")] : []
        if v.full {
            items += [ItemRequirement(department: "CULT-310115", code: "ART-09"), ItemRequirement(department: "EXPERT", code: "EXP-01")]
        }
        let params = try DrawParameters.make(
            drawID: "D-2026-\(v.name)", planID: "PLAN-2026-01", batchID: "B-01", batchStart: "2026-12-10",
            batchEnd: "2026-12-20", keyItem: v.name == "V3", pool: pool, excluded: excluded, rules: v.rules,
            departments: v.departments,
            publicValue: v.publicValue ? PublicValueAnnouncement(date: "2026-12-01", source: source) : nil,
            slots: slots, items: items, capExtra: v.matching && !v.full ? 1 : 0, crossUnit: v.matching, inspectors: inspectors,
            conflicts: conflicts)
        let commitment = Commitment(
            drawID: params.drawID, poolDigest: pool.digest, parametersDigest: params.digest,
            commits: v.departments.map {
                (
                    $0,
                    DepartmentSecret.commitment(
                        department: $0, drawID: params.drawID,
                        secret: secret($0))
                )
            })
        let reveal = Reveal(
            drawID: params.drawID, commitmentDigest: commitment.digest,
            secrets: v.departments.map { ($0, v.missing.contains($0) ? nil : secret($0)) },
            publicValue: v.publicValue ? PublicValue(value: "372", source: source) : nil)
        let bundle = try DrawEngine.execute(
            pool: pool, excluded: excluded, parameters: params, commitment: commitment,
            reveal: reveal, inspectors: inspectors, conflictList: conflicts, conflicts: Set(v.full ? fullConflicts() : []))
        guard v.full else { return bundle }
        // Two approved replacements: the first team's member, then the last team's expert.
        let teams = try InspectorMatching.parse(bundle.files["assignment.txt"]!)
        let member = teams.first { $0.slot == "member-1" }!
        let expert = teams.last { $0.slot == "expert-1" }!
        let approvals = [
            ReplacementApproval(
                target: member.target, slot: member.slot, replaced: member.inspector, approver: "A-01", reason: "sick-leave",
                date: "2026-12-12"),
            ReplacementApproval(
                target: expert.target, slot: expert.slot, replaced: expert.inspector, approver: "A-01", reason: "post-change",
                date: "2026-12-12"),
        ]
        var replaced = bundle
        for approval in approvals {
            replaced = try replaced.appendingReplacements([approval], conflicts: Set(fullConflicts()))
        }
        return replaced
    }

    /// Text dump of a vector: every digest, the keys, each target's key, the outputs.
    public static func dump(_ v: Definition) throws(DrawError) -> String {
        let b = try bundle(v)
        let d = try BundleContents(b)
        let seed = SeedKeys(reveal: d.reveal)
        var out = "## \(v.name)\n\n```\n"
        for f in [
            "pool.txt", "excluded.txt", "parameters.txt", "inspectors.txt", "conflicts.txt", "commitment.txt",
            "reveal.txt", "selection.txt", "replacements.txt", "assignment.txt", "record.txt", "inspector-replacements.txt",
        ] where b.files[f] != nil {
            out += "digest \(f) \(Bytes.sha256Hex(b.files[f]!))\n"
        }
        out += "prk \(Bytes.hex(seed.prk))\ntarget-key \(Bytes.hex(seed.targetKey))\n"
        out += "inspector-key \(Bytes.hex(seed.inspectorKey))\nreplacement-key-1 \(Bytes.hex(seed.replacementKey(1)))\n"
        let keys = TargetKeys.compute(pool: d.pool, targetKey: seed.targetKey)
        for i in 0..<d.pool.count { out += "key \(d.pool.id(at: i)) \(Bytes.hex64(keys[i]))\n" }
        for f in ["selection.txt", "replacements.txt", "assignment.txt", "record.txt", "inspector-replacements.txt"] where b.files[f] != nil
        {
            for line in String(decoding: b.files[f]!, as: UTF8.self).split(separator: "\n") {
                out += "\(f): \(line.replacingOccurrences(of: "\t", with: " "))\n"
            }
        }
        return out + "```\n"
    }
}

extension Substring {
    fileprivate func replacingOccurrences(of a: String, with b: String) -> String {
        split(separator: Character(a), omittingEmptySubsequences: false).joined(separator: b)
    }
}
