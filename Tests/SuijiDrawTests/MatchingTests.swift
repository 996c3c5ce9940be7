// SPDX-License-Identifier: Apache-2.0
import SuijiDraw
import Testing

@Suite struct MatchingTests {
    /// Random small instance: each inspector belongs to one department.
    static func instance(_ rng: inout SplitMix64) -> MatchingProblem {
        let D = 1 + rng.int(3)
        let T = 1 + rng.int(6)
        let N = 2 + rng.int(9)
        var slots = (0..<D).map { $0 }
        for _ in 0..<rng.int(3) { slots.append(rng.int(D)) }
        let dept = (0..<N).map { _ in rng.int(D) }
        let density = 30 + rng.int(70)
        var eligible = [[Int32]](repeating: [], count: T * D)
        for t in 0..<T { for i in 0..<N where rng.int(100) < density { eligible[t * D + dept[i]].append(Int32(i)) } }
        let caps = (0..<N).map { _ in 1 + rng.int(3) }
        return MatchingProblem(teamCount: T, slotDepartments: slots, departmentCount: D, eligible: eligible, capacity: caps)
    }

    /// Reference greedy: for each slot, first candidate after which a from-scratch max flow still fills the rest.
    static func naiveGreedy(_ p: MatchingProblem, order: (Int, Int) -> [Int32]) -> [[Int32]]? {
        let D = p.departmentCount
        var used = [Int](repeating: 0, count: p.capacity.count)
        var members = [[Int32]](repeating: [], count: p.teamCount)
        var filled = [Int](repeating: 0, count: p.teamCount * D)
        let per = p.slotsPerDepartment
        func feasible() -> Bool {
            let demand = (0..<(p.teamCount * D)).map { per[$0 % D] - filled[$0] }
            let elig = (0..<(p.teamCount * D)).map { g in p.eligible[g].filter { !members[g / D].contains($0) } }
            let cap = p.capacity.indices.map { p.capacity[$0] - used[$0] }
            return FlowCheck.maxFlow(groupDemand: demand, eligible: elig, capacity: cap) == demand.reduce(0, +)
        }
        guard feasible() else { return nil }
        var out = [[Int32]](repeating: [], count: p.teamCount)
        for t in 0..<p.teamCount {
            for (s, d) in p.slotDepartments.enumerated() {
                var chosen: Int32?
                for i in order(t, s) where !members[t].contains(i) && used[Int(i)] < p.capacity[Int(i)] {
                    members[t].append(i)
                    used[Int(i)] += 1
                    filled[t * D + d] += 1
                    if feasible() {
                        chosen = i
                        break
                    }
                    members[t].removeLast()
                    used[Int(i)] -= 1
                    filled[t * D + d] -= 1
                }
                guard let c = chosen else { return nil }
                out[t].append(c)
            }
        }
        return out
    }

    @Test func randomInstancesAgreeWithMaxFlowAndNaiveGreedy() {
        var rng = SplitMix64(state: 2026)
        var feasibleCount = 0
        for _ in 0..<400 {
            let p = Self.instance(&rng)
            let seed = rng.next()
            let order: (Int, Int) -> [Int32] = { t, s in
                p.eligible[t * p.departmentCount + p.slotDepartments[s]].sorted {
                    var a = SplitMix64(state: seed ^ UInt64(t * 1000 + s * 100) ^ UInt64($0) << 32)
                    var b = SplitMix64(state: seed ^ UInt64(t * 1000 + s * 100) ^ UInt64($1) << 32)
                    return a.next() < b.next()
                }
            }
            let total = p.teamCount * p.slotDepartments.count
            let feasible = FlowCheck.maxFlow(p) == total
            switch FlowMatcher.solve(p, order: order) {
            case .complete(let teams):
                #expect(feasible)
                feasibleCount += 1
                var load = [Int](repeating: 0, count: p.capacity.count)
                for (t, team) in teams.enumerated() {
                    #expect(Set(team).count == team.count, "inspector twice in a team")
                    for (s, i) in team.enumerated() {
                        #expect(p.eligible[t * p.departmentCount + p.slotDepartments[s]].contains(i))
                        load[Int(i)] += 1
                    }
                }
                #expect(zip(load, p.capacity).allSatisfy { $0 <= $1 }, "capacity exceeded")
                #expect(Self.naiveGreedy(p, order: order) == teams, "differs from naive greedy")
            case .infeasible(let unfilled):
                #expect(!feasible)
                #expect(unfilled.count == total - FlowCheck.maxFlow(p))
            }
        }
        #expect(feasibleCount > 50)
    }

    @Test func infeasibleReportNamesReasons() {
        // Team 0 has no eligible inspector; team 1 has one inspector with capacity 1 used by team 2.
        let p = MatchingProblem(
            teamCount: 3, slotDepartments: [0], departmentCount: 1,
            eligible: [[], [0], [0]], capacity: [1])
        guard case .infeasible(let u) = FlowMatcher.solve(p, order: { _, _ in [0] }) else {
            Issue.record("feasible?")
            return
        }
        #expect(u.contains(UnfilledSlot(team: 0, slot: 0, reason: .noEligibleInspector)))
        #expect(u.contains { $0.reason == .capacityExhausted })
    }

    @Test func v5MatchingRespectsPublicRules() throws {
        let b = try TestVectors.bundle(TestVectors.definitions[4])
        let rows = String(decoding: b.files["assignment.txt"]!, as: UTF8.self).split(separator: "\n")
        #expect(rows.count == 12)
        for r in rows {
            let f = r.split(separator: "\t")
            #expect(f[2] != "I-07" && f[2] != "I-09", "unavailable / expired certificate must not be assigned")
        }
    }

    @Test func inspectorReplacementIsRecordedAndVerified() throws {
        let b = try TestVectors.bundle(TestVectors.definitions[4])
        let first = String(decoding: b.files["assignment.txt"]!, as: UTF8.self).split(separator: "\n")[1].split(separator: "\t")
        let approval = ReplacementApproval(
            target: String(first[0]), slot: String(first[1]), replaced: String(first[2]),
            approver: "APPROVER-1", reason: "sick-leave", date: "2026-12-11")
        let b2 = try b.appendingReplacements([approval])
        let line = String(decoding: b2.files["inspector-replacements.txt"]!, as: UTF8.self)
        #expect(line.hasPrefix("1\t\(first[0])\t\(first[1])\t\(first[2])\t"))
        #expect(Verifier.verify(bundle: b2).ok)
        // A forged choice is rejected.
        var fields = line.dropLast().split(separator: "\t").map(String.init)
        fields[4] = fields[4] == "I-04" ? "I-06" : "I-04"
        let forged = b2.replacing("inspector-replacements.txt", with: Array((fields.joined(separator: "\t") + "\n").utf8))
        #expect(Verifier.verify(bundle: forged).failure?.code == "mismatch")
    }

    @Test func conflictsNeedSaltForFullRecomputation() throws {
        let v = TestVectors.definitions[4]
        let plain = try TestVectors.bundle(v)
        let salt = [UInt8](repeating: 9, count: 16)
        // I-05 declares a conflict with every target (e.g. a relative works across the district).
        let decl = Set((1...20).map { ConflictDeclaration(inspector: "I-05", target: TestVectors.targetID($0)) })
        let conflicts = try ConflictList(salt: salt, declarations: Array(decl))
        // Rebuild V5 with the conflict declared.
        let d = plain.files
        let pool = try PoolFile.parse(d["pool.txt"]!)
        let inspectors = try InspectorTable.parse(d["inspectors.txt"]!)
        var p = try DrawParameters.parse(d["parameters.txt"]!)
        p.conflictsDigest = conflicts.digest
        let secrets = v.departments.map {
            ($0, DepartmentSecret.commitment(department: $0, drawID: p.drawID, secret: TestVectors.secret($0)))
        }
        let c = Commitment(drawID: p.drawID, poolDigest: pool.digest, parametersDigest: p.digest, commits: secrets)
        let r = Reveal(
            drawID: p.drawID, commitmentDigest: c.digest, secrets: v.departments.map { ($0, TestVectors.secret($0)) },
            publicValue: nil)
        let b = try DrawEngine.execute(
            pool: pool, excluded: ExcludedList.parse(d["excluded.txt"]!), parameters: p,
            commitment: c, reveal: r, inspectors: inspectors, conflictList: conflicts, conflicts: decl)
        let rows = String(decoding: b.files["assignment.txt"]!, as: UTF8.self)
        #expect(!rows.contains("\tI-05\t"))
        #expect(String(decoding: plain.files["assignment.txt"]!, as: UTF8.self).contains("\tI-05\t"))
        let partial = Verifier.verify(bundle: b)
        #expect(partial.ok && !partial.notes.isEmpty)
        #expect(Verifier.verify(bundle: b, conflictSalt: salt).ok && Verifier.verify(bundle: b, conflictSalt: salt).notes.isEmpty)
        #expect(!Verifier.verify(bundle: b, conflictSalt: [UInt8](repeating: 8, count: 16)).ok)
    }
}
