// SPDX-License-Identifier: Apache-2.0

/// A plain, independent maximum-flow computation (Dinic on an explicit edge list) for a
/// `MatchingProblem`: used to cross-check `FlowMatcher` and as a benchmark baseline.
public enum FlowCheck {
    /// Maximum number of slots that can be filled simultaneously.
    public static func maxFlow(_ p: MatchingProblem) -> Int {
        let perDept = p.slotsPerDepartment
        let demand = (0..<(p.teamCount * p.departmentCount)).map { perDept[$0 % p.departmentCount] }
        return maxFlow(groupDemand: demand, eligible: p.eligible, capacity: p.capacity)
    }

    /// Maximum flow for explicit per-group demands (groups → eligible inspectors, unit edges,
    /// → sink with `capacity`).
    public static func maxFlow(groupDemand: [Int], eligible: [[Int32]], capacity: [Int]) -> Int {
        let G = groupDemand.count
        let N = capacity.count
        let src = 0
        let sink = 1 + G + N
        var head = [Int](repeating: -1, count: sink + 1)
        var to = [Int]()
        var cap = [Int]()
        var next = [Int]()
        func add(_ u: Int, _ v: Int, _ c: Int) {
            to.append(v)
            cap.append(c)
            next.append(head[u])
            head[u] = to.count - 1
            to.append(u)
            cap.append(0)
            next.append(head[v])
            head[v] = to.count - 1
        }
        for g in 0..<G where groupDemand[g] > 0 {
            add(src, 1 + g, groupDemand[g])
            for i in eligible[g] { add(1 + g, 1 + G + Int(i), 1) }
        }
        for i in 0..<N where capacity[i] > 0 { add(1 + G + i, sink, capacity[i]) }
        var flow = 0
        var level = [Int](repeating: -1, count: sink + 1)
        var it = head
        while true {
            for k in level.indices { level[k] = -1 }
            level[src] = 0
            var q = [src]
            var h = 0
            while h < q.count {
                let u = q[h]
                h += 1
                var e = head[u]
                while e >= 0 {
                    if cap[e] > 0 && level[to[e]] < 0 {
                        level[to[e]] = level[u] + 1
                        q.append(to[e])
                    }
                    e = next[e]
                }
            }
            if level[sink] < 0 { return flow }
            it = head
            // Iterative DFS for one blocking flow (unit pushes).
            while true {
                var path = [Int]()
                var u = src
                var found = false
                while true {
                    if u == sink {
                        found = true
                        break
                    }
                    var advanced = false
                    while it[u] >= 0 {
                        let e = it[u]
                        if cap[e] > 0 && level[to[e]] == level[u] + 1 {
                            path.append(e)
                            u = to[e]
                            advanced = true
                            break
                        }
                        it[u] = next[e]
                    }
                    if !advanced {
                        if u == src { break }
                        level[u] = -1
                        let e = path.removeLast()
                        u = to[e ^ 1]
                        it[u] = next[it[u]]
                    }
                }
                if !found { break }
                for e in path {
                    cap[e] -= 1
                    cap[e ^ 1] += 1
                }
                flow += 1
            }
        }
    }
}
