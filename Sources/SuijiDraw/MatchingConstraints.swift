// SPDX-License-Identifier: Apache-2.0

/// Public-constraint check of `assignment.txt` when the conflict salt is not available
/// (spec §11 step 8): order, public eligibility, one slot per team, priority keys.
enum MatchingConstraints {
    static func check(
        _ lines: [SlotAssignment], targets: [PoolEntry], parameters: DrawParameters,
        inspectors: InspectorTable, inspectorKey: [UInt8]
    ) throws(DrawError) {
        let f = "assignment.txt"
        let slots = parameters.slots
        guard lines.count == targets.count * slots.count else {
            throw .mismatch(
                file: f, line: 0, field: "行数", expected: String(targets.count * slots.count),
                found: String(lines.count))
        }
        let el = Eligibility(targets: targets, parameters: parameters, inspectors: inspectors, isConflict: { _, _ in false })
        let p = el.problem
        let index = Dictionary(uniqueKeysWithValues: inspectors.records.enumerated().map { ($1.id, Int32($0)) })
        let hmac = HMACSHA256(key: inspectorKey)
        for (t, e) in targets.enumerated() {
            var team = Set<String>()
            for (s, spec) in slots.enumerated() {
                let k = t * slots.count + s
                let a = lines[k]
                guard a.target == e.id, a.slot == spec.name else {
                    throw .mismatch(
                        file: f, line: k + 1, field: "队伍/岗位", expected: "\(e.id) \(spec.name)",
                        found: "\(a.target) \(a.slot)")
                }
                guard let i = index[a.inspector], p.eligible[t * p.departmentCount + p.slotDepartments[s]].contains(i) else {
                    throw .mismatch(file: f, line: k + 1, field: "执法人员资格", expected: "符合条件", found: a.inspector)
                }
                guard team.insert(a.inspector).inserted else {
                    throw .duplicate(file: f, line: k + 1, value: a.inspector)
                }
                let prio = InspectorMatching.priority(hmac: hmac, target: a.target, slot: a.slot, inspector: a.inspector)
                guard prio == a.priority else {
                    throw .mismatch(
                        file: f, line: k + 1, field: "priority", expected: Bytes.hex64(prio),
                        found: Bytes.hex64(a.priority))
                }
            }
        }
    }
}
