// SPDX-License-Identifier: Apache-2.0

/// An approved request to replace an assigned inspector (spec §9.5).
public struct ReplacementApproval: Sendable, Equatable {
    /// Target id of the team.
    public var target: String
    /// Slot name.
    public var slot: String
    /// Inspector being replaced (must currently hold the slot).
    public var replaced: String
    /// Approver id (token).
    public var approver: String
    /// Reason code (token), e.g. `sick-leave`, `conflict-declared`.
    public var reason: String
    /// Approval date.
    public var date: String

    /// Creates an approval.
    public init(target: String, slot: String, replaced: String, approver: String, reason: String, date: String) {
        self.target = target
        self.slot = slot
        self.replaced = replaced
        self.approver = approver
        self.reason = reason
        self.date = date
    }
}

/// One line of `inspector-replacements.txt`.
public struct InspectorReplacement: Sendable, Equatable {
    /// Sequence number q ≥ 1.
    public var sequence: Int
    /// The approval.
    public var approval: ReplacementApproval
    /// The newly chosen inspector.
    public var newInspector: String
    /// Its key under `replacementKey(q)`.
    public var key: UInt64

    /// Creates a line.
    public init(sequence: Int, approval: ReplacementApproval, newInspector: String, key: UInt64) {
        self.sequence = sequence
        self.approval = approval
        self.newInspector = newInspector
        self.key = key
    }

    /// Applies `approvals` in order (q = 1, 2, …) to `assignment`; returns the replacement lines
    /// and the updated assignment.
    public static func apply(
        approvals: [ReplacementApproval], assignment: [SlotAssignment], targets: [PoolEntry],
        parameters: DrawParameters, inspectors: InspectorTable, seed: SeedKeys, isConflict: (Int, Int) -> Bool
    ) throws(DrawError) -> (lines: [InspectorReplacement], assignment: [SlotAssignment]) {
        if approvals.isEmpty { return ([], assignment) }
        let el = Eligibility(targets: targets, parameters: parameters, inspectors: inspectors, isConflict: isConflict)
        let p = el.problem
        let recs = inspectors.records
        let index = Dictionary(uniqueKeysWithValues: recs.enumerated().map { ($1.id, $0) })
        let teamOf = Dictionary(uniqueKeysWithValues: targets.enumerated().map { ($1.id, $0) })
        var current = assignment
        var load = [Int](repeating: 0, count: recs.count)
        for a in current { if let k = index[a.inspector] { load[k] += 1 } }
        var removed = Set<String>()  // "target|inspector"
        var lines = [InspectorReplacement]()
        for (n, ap) in approvals.enumerated() {
            let q = n + 1
            guard let t = teamOf[ap.target], let s = parameters.slots.firstIndex(where: { $0.name == ap.slot }),
                let pos = current.firstIndex(where: { $0.target == ap.target && $0.slot == ap.slot }),
                current[pos].inspector == ap.replaced, TextFile.isToken(ap.approver), TextFile.isToken(ap.reason),
                TextFile.isDate(ap.date)
            else {
                throw .invalidInput(detail: "第 \(q) 条替换申请与当前分配不符")
            }
            let team = Set(current.filter { $0.target == ap.target }.map(\.inspector))
            removed.insert(ap.target + "|" + ap.replaced)
            let h = HMACSHA256(key: seed.replacementKey(q))
            var best: (UInt64, Int)?
            for k32 in p.eligible[t * p.departmentCount + p.slotDepartments[s]] {
                let k = Int(k32)
                let id = recs[k].id
                if team.contains(id) || removed.contains(ap.target + "|" + id) || load[k] >= p.capacity[k] { continue }
                let key = h.key64(Bytes.lp(ap.target) + Bytes.lp(ap.slot) + Bytes.lp(id))
                if best == nil || key < best!.0 { best = (key, k) }  // ascending index = id order on ties
            }
            guard let (key, k) = best else { throw .invalidInput(detail: "第 \(q) 条替换：无可替换的执法人员") }
            load[index[ap.replaced]!] -= 1
            load[k] += 1
            current[pos].inspector = recs[k].id
            current[pos].priority = key
            lines.append(InspectorReplacement(sequence: q, approval: ap, newInspector: recs[k].id, key: key))
        }
        return (lines, current)
    }

    /// The exact bytes of `inspector-replacements.txt`.
    public static func fileBytes(_ lines: [InspectorReplacement]) -> [UInt8] {
        TextFile.encode(
            lines.map {
                [
                    String($0.sequence), $0.approval.target, $0.approval.slot, $0.approval.replaced, $0.newInspector,
                    $0.approval.approver, $0.approval.reason, $0.approval.date, Bytes.hex64($0.key),
                ]
            })
    }

    /// Parses the file into approvals (the chosen inspectors are recomputed by the verifier).
    public static func parseApprovals(_ bytes: [UInt8]) throws(DrawError) -> [ReplacementApproval] {
        let f = "inspector-replacements.txt"
        var out = [ReplacementApproval]()
        for (i, l) in try TextFile.lines(bytes, file: f).enumerated() {
            guard l.count == 9, l[0] == String(i + 1) else { throw .syntax(file: f, line: i + 1, detail: "字段或序号") }
            out.append(ReplacementApproval(target: l[1], slot: l[2], replaced: l[3], approver: l[5], reason: l[6], date: l[7]))
        }
        return out
    }
}
