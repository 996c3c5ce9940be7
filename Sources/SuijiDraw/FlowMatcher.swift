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
    /// Per group, the inspectors carrying its flow (at most its department's slots).
    var flowTo: FlatLists
    /// Per inspector, the groups whose flow it carries (at most one unit per group it serves).
    var inFlow: FlatLists
    /// Per group, the inspectors fixed to its slots so far.
    var locked: FlatLists
    var capLeft: [Int]
    var stampG: [UInt32]
    var stampI: [UInt32]
    var epoch: UInt32 = 0
    var rootInspector = -1
    var parentG: [Int32]
    var parentI: [Int32]
    /// `p.eligible` flattened: group `g`'s inspectors are `eligibleFlat[eligibleStart[g]..<eligibleStart[g + 1]]`
    /// (the search reads them without touching a nested array).
    let eligibleFlat: [Int32]
    let eligibleStart: [Int]
    /// Per edge of `eligibleFlat`: whether it carries flow or is locked (`flowTo` or `locked`
    /// holds it), kept in step with both so the search tests one byte per edge.
    var blocked: [Bool]
    /// The search's queue, kept between searches.
    var queue: [Int32] = []
    /// The inspectors the last search reached.
    var visited: [Int32] = []
    /// `dead[i] == deadVersion`: inspector `i` cannot give up a unit of flow in the current
    /// state (a failed search from it, or one that reached it, found no spare capacity: every
    /// group it serves was searched). Valid while the state stays as it is, i.e. for the
    /// candidates of one slot; `solve` moves to a new version for each slot.
    var dead: [UInt32]
    var deadVersion: UInt32 = 1

    init(_ p: MatchingProblem) {
        self.p = p
        var flat: [Int32] = []
        var start = [0]
        for list in p.eligible {
            flat += list
            start.append(flat.count)
        }
        eligibleFlat = flat
        eligibleStart = start
        blocked = Array(repeating: false, count: flat.count)
        dead = Array(repeating: 0, count: p.capacity.count)
        let slots = p.slotsPerDepartment
        perDept = slots
        let g = p.teamCount * p.departmentCount
        let n = p.capacity.count
        let groupBounds = (0..<g).map { slots[$0 % p.departmentCount] }
        var served = [Int](repeating: 0, count: n)
        for i in flat { served[Int(i)] += 1 }
        flowTo = FlatLists(bounds: groupBounds)
        inFlow = FlatLists(bounds: served)
        locked = FlatLists(bounds: groupBounds)
        capLeft = p.capacity
        stampG = Array(repeating: 0, count: g)
        stampI = Array(repeating: 0, count: n)
        parentG = Array(repeating: -1, count: n)  // indexed by inspector: group that reached it
        parentI = Array(repeating: -1, count: g)  // indexed by group: inspector that reached it
    }

    @inline(__always) func spare(_ i: Int) -> Int { capLeft[i] - inFlow.count(i) }

    /// BFS in the residual network from a group root (`g >= 0`) or an inspector root;
    /// on success augments and returns true.
    mutating func augment(fromGroup g0: Int?, fromInspector i0: Int?) -> Bool {
        epoch &+= 1
        let epoch = epoch
        queue.removeAll(keepingCapacity: true)
        visited.removeAll(keepingCapacity: true)
        if let g0 {
            stampG[g0] = epoch
            parentI[g0] = -1
            queue.append(Int32(g0))
        }
        if let i0 {
            stampI[i0] = epoch
            for k in inFlow.range(i0) {
                let g = inFlow.items[k]
                guard stampG[Int(g)] != epoch else { continue }
                stampG[Int(g)] = epoch
                parentI[Int(g)] = Int32(i0)
                queue.append(g)
            }
        }
        var head = 0
        var end = -1
        eligibleFlat.withUnsafeBufferPointer { flat in
            eligibleStart.withUnsafeBufferPointer { start in
                capLeft.withUnsafeBufferPointer { capLeft in
                    inFlow.items.withUnsafeBufferPointer { inItems in
                        inFlow.start.withUnsafeBufferPointer { inStart in
                            inFlow.counts.withUnsafeBufferPointer { inCounts in
                                while head < queue.count {
                                    let g = Int(queue[head])
                                    head += 1
                                    for k in start[g]..<start[g + 1] {
                                        let i32 = flat[k]
                                        let i = Int(i32)
                                        if stampI[i] == epoch || capLeft[i] == 0 || blocked[k] { continue }
                                        stampI[i] = epoch
                                        parentG[i] = Int32(g)
                                        visited.append(i32)
                                        let carried = Int(inCounts[i])
                                        if capLeft[i] - carried > 0 {
                                            end = i
                                            return
                                        }
                                        for x in inStart[i]..<(inStart[i] + carried) {
                                            let g2 = inItems[x]
                                            guard stampG[Int(g2)] != epoch else { continue }
                                            stampG[Int(g2)] = epoch
                                            parentI[Int(g2)] = i32
                                            queue.append(g2)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        guard end >= 0 else { return false }
        applyPath(end: end)
        return true
    }

    mutating func applyPath(end: Int) {
        var i = end
        while true {
            let g = Int(parentG[i])
            let prev = Int(parentI[g])
            // The group's unit moves from `prev` to `i` (removed first: its list stays in bounds);
            // a root group gains one.
            if prev >= 0 { removeFlow(g, prev) }
            addFlow(g, Int32(i))
            if prev < 0 { return }
            i = prev
            if i == rootInspector { return }
        }
    }

    mutating func addFlow(_ g: Int, _ i: Int32) {
        flowTo.append(g, i)
        inFlow.append(Int(i), Int32(g))
        refresh(g, i)
    }

    mutating func removeFlow(_ g: Int, _ i: Int) {
        flowTo.remove(g, Int32(i))
        inFlow.remove(i, Int32(g))
        refresh(g, Int32(i))
    }

    /// Brings `blocked` of edge (g, i) in line with `flowTo` and `locked`.
    mutating func refresh(_ g: Int, _ i: Int32) {
        for k in eligibleStart[g]..<eligibleStart[g + 1] where eligibleFlat[k] == i {
            blocked[k] = flowTo.contains(g, i) || locked.contains(g, i)
        }
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
                    addFlow(g, i32)
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
                m.deadVersion &+= 1
                var chosen: Int32 = -1
                for i32 in order(t, s) {
                    let i = Int(i32)
                    if m.capLeft[i] == 0 || m.locked.contains(g, i32) { continue }
                    if m.flowTo.contains(g, i32) {
                        m.removeFlow(g, i)
                    } else {
                        let j = m.flowTo.last(g)
                        m.removeFlow(g, Int(j))
                        if m.spare(i) < 1 && !m.freeOne(i) {
                            m.addFlow(g, j)
                            continue
                        }
                    }
                    m.capLeft[i] -= 1
                    m.locked.append(g, i32)
                    m.refresh(g, i32)
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
        if dead[i] == deadVersion { return false }
        rootInspector = i
        defer { rootInspector = -1 }
        if augment(fromGroup: nil, fromInspector: i) { return true }
        dead[i] = deadVersion
        for v in visited { dead[Int(v)] = deadVersion }
        return false
    }
}

/// Short lists of `Int32` with known bounds, one flat array for all: list `l` holds
/// `items[start[l] ..< start[l] + counts[l]]` in insertion order (no array per list, so no
/// reference counting when the search reads them).
struct FlatLists {
    var items: [Int32]
    let start: [Int]
    var counts: [Int32]

    init(bounds: [Int]) {
        var start = [Int]()
        start.reserveCapacity(bounds.count + 1)
        var total = 0
        for bound in bounds {
            start.append(total)
            total += bound
        }
        start.append(total)
        self.start = start
        items = [Int32](repeating: -1, count: total)
        counts = [Int32](repeating: 0, count: bounds.count)
    }

    @inline(__always) func count(_ l: Int) -> Int { Int(counts[l]) }

    @inline(__always) func range(_ l: Int) -> Range<Int> { start[l]..<(start[l] + Int(counts[l])) }

    func contains(_ l: Int, _ value: Int32) -> Bool {
        for k in range(l) where items[k] == value { return true }
        return false
    }

    /// The last value of a non-empty list.
    func last(_ l: Int) -> Int32 { items[start[l] + Int(counts[l]) - 1] }

    mutating func append(_ l: Int, _ value: Int32) {
        precondition(start[l] + Int(counts[l]) < start[l + 1], "list bound exceeded")
        items[start[l] + Int(counts[l])] = value
        counts[l] += 1
    }

    /// Removes the first occurrence of `value`, keeping the others' order.
    mutating func remove(_ l: Int, _ value: Int32) {
        let end = start[l] + Int(counts[l])
        guard var k = range(l).first(where: { items[$0] == value }) else { return }
        while k + 1 < end {
            items[k] = items[k + 1]
            k += 1
        }
        counts[l] -= 1
    }
}
