// SPDX-License-Identifier: Apache-2.0

/// Public eligibility rules of spec §9.2 and the balanced capacities of §9.3.
public struct Eligibility: Sendable {
    /// Department codes by index: slot departments in first-appearance order.
    public let departments: [String]
    /// The index-level problem.
    public let problem: MatchingProblem

    /// Computes eligibility for `targets` (team order). `isConflict(inspectorIndex, teamIndex)`
    /// removes declared conflicts; pass `{ _, _ in false }` when there are none.
    public init(
        targets: [PoolEntry], parameters: DrawParameters, inspectors: InspectorTable,
        isConflict: (Int, Int) -> Bool
    ) {
        var depts = [String]()
        for s in parameters.slots where !depts.contains(s.department) { depts.append(s.department) }
        let dIndex = Dictionary(uniqueKeysWithValues: depts.enumerated().map { ($1, $0) })
        let D = depts.count
        let recs = inspectors.records
        // Static filters and the area index (area code → inspectors).
        var areaIndex = [String: [Int32]]()
        var deptOf = [Int](repeating: -1, count: recs.count)
        for (k, r) in recs.enumerated() {
            guard let d = dIndex[r.department], r.available, r.certUntil >= parameters.batchEnd else { continue }
            let needed = parameters.items.filter { $0.department == r.department }.map(\.code)
            guard needed.allSatisfy(r.items.contains) else { continue }
            deptOf[k] = d
            for a in r.areas { areaIndex[a, default: []].append(Int32(k)) }
        }
        var eligible = [[Int32]](repeating: [], count: targets.count * D)
        var stamp = [Int](repeating: -1, count: recs.count)
        for (t, e) in targets.enumerated() {
            var cands = [Int32]()
            for code in [e.division, e.street] where !code.isEmpty {
                let u = Array(code.utf8)
                for len in 1...u.count {
                    guard let list = areaIndex[String(decoding: u[0..<len], as: UTF8.self)] else { continue }
                    for k in list where stamp[Int(k)] != t {
                        stamp[Int(k)] = t
                        cands.append(k)
                    }
                }
            }
            cands.sort()
            let own = e.street.isEmpty ? e.division : e.street
            for k in cands {
                let r = recs[Int(k)]
                if parameters.crossUnit && !r.home.isEmpty && own.hasPrefix(r.home) { continue }
                if isConflict(Int(k), t) { continue }
                eligible[t * D + deptOf[Int(k)]].append(k)
            }
        }
        // cap_D = ceil(S_D / E_D) + cap-extra.
        var slotsPer = [Int](repeating: 0, count: D)
        for s in parameters.slots { slotsPer[dIndex[s.department]!] += 1 }
        var anywhere = [Bool](repeating: false, count: recs.count)
        for list in eligible { for k in list { anywhere[Int(k)] = true } }
        var eCount = [Int](repeating: 0, count: D)
        for k in recs.indices where anywhere[k] { eCount[deptOf[k]] += 1 }
        let capacity = recs.indices.map { k -> Int in
            guard anywhere[k] else { return 0 }
            let d = deptOf[k]
            let s = slotsPer[d] * targets.count
            return (s + eCount[d] - 1) / eCount[d] + parameters.capExtra
        }
        departments = depts
        problem = MatchingProblem(
            teamCount: targets.count,
            slotDepartments: parameters.slots.map { dIndex[$0.department]! },
            departmentCount: D, eligible: eligible, capacity: capacity)
    }
}
