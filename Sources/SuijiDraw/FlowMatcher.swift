// SPDX-License-Identifier: Apache-2.0

/// Greedy assignment with max-flow feasibility (spec §9.4).
///
/// Network: source → group (team, dept) with demand = unfilled slots → inspector (unit
/// capacity per team) → sink (remaining capacity). A maximum flow is kept at all times;
/// fixing a slot to inspector `i` cancels one unit of the group and, if `i` is full,
/// searches one residual path from `i` to spare capacity (BFS). Because the chosen
/// inspector is "first feasible in priority order", the result is unique and does not
/// depend on how the flow is represented.
public struct FlowMatcher {
    let p: MatchingProblem
    let perDept: [Int]
    var flowTo: [[Int32]]
    var inFlow: [[Int32]]
    var locked: [[Int32]]
    var capLeft: [Int]
    var stampG: [UInt32]
    var stampI: [UInt32]
    var epoch: UInt32 = 0
    var rootInspector = -1
    var parentG: [Int32]
    var parentI: [Int32]

    init(_ p: MatchingProblem) {
        self.p = p
        perDept = p.slotsPerDepartment
        let g = p.teamCount * p.departmentCount
        let n = p.capacity.count
        flowTo = Array(repeating: [], count: g)
        inFlow = Array(repeating: [], count: n)
        locked = Array(repeating: [], count: g)
        capLeft = p.capacity
        stampG = Array(repeating: 0, count: g)
        stampI = Array(repeating: 0, count: n)
        parentG = Array(repeating: -1, count: n)  // indexed by inspector: group that reached it
        parentI = Array(repeating: -1, count: g)  // indexed by group: inspector that reached it
    }

    @inline(__always) func spare(_ i: Int) -> Int { capLeft[i] - inFlow[i].count }

    @inline(__always) func demand(_ g: Int) -> Int { perDept[g % p.departmentCount] - locked[g].count }

    /// BFS in the residual network from a group root (`g >= 0`) or an inspector root;
    /// on success augments and returns true.
    mutating func augment(fromGroup g0: Int?, fromInspector i0: Int?) -> Bool {
        epoch &+= 1
        var queue = [Int32]()
        if let g0 {
            stampG[g0] = epoch
            parentI[g0] = -1
            queue.append(Int32(g0))
        }
        if let i0 {
            stampI[i0] = epoch
            for g in inFlow[i0] where stampG[Int(g)] != epoch {
                stampG[Int(g)] = epoch
                parentI[Int(g)] = Int32(i0)
                queue.append(g)
            }
        }
        var head = 0
        while head < queue.count {
            let g = Int(queue[head])
            head += 1
            for i32 in p.eligible[g] {
                let i = Int(i32)
                if stampI[i] == epoch || capLeft[i] == 0 || flowTo[g].contains(i32) || locked[g].contains(i32) { continue }
                stampI[i] = epoch
                parentG[i] = Int32(g)
                if spare(i) > 0 {
                    applyPath(end: i)
                    return true
                }
                for g2 in inFlow[i] where stampG[Int(g2)] != epoch {
                    stampG[Int(g2)] = epoch
                    parentI[Int(g2)] = i32
                    queue.append(g2)
                }
            }
        }
        return false
    }

    mutating func applyPath(end: Int) {
        var i = end
        while true {
            let g = Int(parentG[i])
            flowTo[g].append(Int32(i))
            inFlow[i].append(Int32(g))
            let prev = Int(parentI[g])
            if prev < 0 { return }
            removeFlow(g, prev)
            i = prev
            if i == rootInspector { return }
        }
    }

    mutating func removeFlow(_ g: Int, _ i: Int) {
        if let k = flowTo[g].firstIndex(of: Int32(i)) { flowTo[g].remove(at: k) }
        if let k = inFlow[i].firstIndex(of: Int32(g)) { inFlow[i].remove(at: k) }
    }

    /// Computes a maximum flow; returns the unfilled slots (empty if feasible).
    mutating func initialFlow() -> [UnfilledSlot] {
        var unfilled = [UnfilledSlot]()
        for t in 0..<p.teamCount {
            for d in 0..<p.departmentCount where perDept[d] > 0 {
                let g = t * p.departmentCount + d
                var got = 0
                // Cheap pass: inspectors with spare capacity, in index order.
                for i32 in p.eligible[g] where got < perDept[d] && spare(Int(i32)) > 0 {
                    flowTo[g].append(i32)
                    inFlow[Int(i32)].append(Int32(g))
                    got += 1
                }
                while got < perDept[d] {
                    if !augment(fromGroup: g, fromInspector: nil) { break }
                    got += 1
                }
                if got < perDept[d] {
                    let reason: UnfilledReason =
                        p.eligible[g].isEmpty
                        ? .noEligibleInspector
                        : (p.eligible[g].count < perDept[d] ? .tooFewEligible : .capacityExhausted)
                    let slots = p.slotDepartments.indices.filter { p.slotDepartments[$0] == d }
                    for s in slots.suffix(perDept[d] - got) { unfilled.append(UnfilledSlot(team: t, slot: s, reason: reason)) }
                }
            }
        }
        return unfilled
    }

    /// Solves: `order(team, slot)` gives the eligible inspectors of that slot in priority order.
    public static func solve(_ p: MatchingProblem, order: (Int, Int) -> [Int32]) -> MatchingOutcome {
        var m = FlowMatcher(p)
        let unfilled = m.initialFlow()
        if !unfilled.isEmpty { return .infeasible(unfilled.sorted { ($0.team, $0.slot) < ($1.team, $1.slot) }) }
        var result = [[Int32]](repeating: [], count: p.teamCount)
        for t in 0..<p.teamCount {
            for (s, d) in p.slotDepartments.enumerated() {
                let g = t * p.departmentCount + d
                var chosen: Int32 = -1
                for i32 in order(t, s) {
                    let i = Int(i32)
                    if m.capLeft[i] == 0 || m.locked[g].contains(i32) { continue }
                    if m.flowTo[g].contains(i32) {
                        m.removeFlow(g, i)
                    } else {
                        let j = Int(m.flowTo[g].last!)
                        m.removeFlow(g, j)
                        if m.spare(i) < 1 && !m.freeOne(i) {
                            m.flowTo[g].append(Int32(j))
                            m.inFlow[j].append(Int32(g))
                            continue
                        }
                    }
                    m.capLeft[i] -= 1
                    m.locked[g].append(i32)
                    chosen = i32
                    break
                }
                precondition(chosen >= 0, "feasible flow must admit a choice")
                result[t].append(chosen)
            }
        }
        return .complete(result)
    }

    /// Moves one unit of flow away from full inspector `i` along a residual path.
    mutating func freeOne(_ i: Int) -> Bool {
        rootInspector = i
        defer { rootInspector = -1 }
        return augment(fromGroup: nil, fromInspector: i)
    }
}
