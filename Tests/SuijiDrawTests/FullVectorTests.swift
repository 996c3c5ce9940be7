// SPDX-License-Identifier: Apache-2.0
import Foundation
import SuijiDraw
import Testing

/// V6 exercises what V1–V5 do not (spec §12): capacities that bind, the flow look-ahead,
/// 所所交叉, declared conflicts, inspector replacements, an item line of an unlisted department
/// and area lists in byte order; N1–N4 are bundles every verifier must reject.
@Suite struct FullVectorTests {
    static let v6 = TestVectors.definitions.first { $0.name == "V6" }!

    static func targets(_ b: DrawBundle) throws -> [PoolEntry] {
        let pool = try PoolFile.parse(b.files["pool.txt"]!)
        return try TargetSelection.parseList(b.files["selection.txt"]!, file: "selection.txt").map {
            pool.entry(at: pool.index(of: $0.id)!)
        }
    }

    @Test func v6RecomputesWithAndWithoutTheSalt() throws {
        let b = try TestVectors.bundle(Self.v6)
        #expect(b.recordDigest == "8af15bd44cbbfc0d737f3ae2a2b9e80db8cff6011722353a0dbd06cb7cd2b1cd")
        let exact = Verifier.verify(bundle: b, conflictSalt: TestVectors.conflictSalt)
        #expect(exact.ok && exact.notes.isEmpty, "\(exact)")
        let public_ = Verifier.verify(bundle: b)
        #expect(public_.ok && public_.notes.count == 1, "\(public_)")
        #expect(String(decoding: b.files["inspector-replacements.txt"]!, as: UTF8.self).split(separator: "\n").count == 2)
        // The unlisted department's item changes nothing; the areas are listed in byte order.
        let parameters = String(decoding: b.files["parameters.txt"]!, as: UTF8.self)
        #expect(parameters.contains("item\tCULT-310115\tART-09\nitem\tEXPERT\tEXP-01\nitem\tSAMR-310115\tFOOD-01\n"))
        #expect(String(decoding: b.files["inspectors.txt"]!, as: UTF8.self).contains("I-02\tSAMR-310115\t3101,4\t"))
    }

    @Test func v6ExercisesCapsLookAheadCrossUnitAndConflicts() throws {
        let b = try TestVectors.bundle(Self.v6)
        let parameters = try DrawParameters.parse(b.files["parameters.txt"]!)
        let table = try InspectorTable.parse(b.files["inspectors.txt"]!)
        let targets = try Self.targets(b)
        let conflicts = Set(TestVectors.fullConflicts())
        let records = table.records
        let isConflict: (Int, Int) -> Bool = { conflicts.contains(ConflictDeclaration(inspector: records[$0].id, target: targets[$1].id)) }
        let problem = Eligibility(targets: targets, parameters: parameters, inspectors: table, isConflict: isConflict).problem
        func count(_ p: MatchingProblem) -> Int { p.eligible.reduce(0) { $0 + $1.count } }
        // Conflicts and 所所交叉 each remove eligible (team, inspector) pairs.
        let noConflicts = Eligibility(targets: targets, parameters: parameters, inspectors: table, isConflict: { _, _ in false }).problem
        #expect(count(noConflicts) > count(problem))
        var open = parameters
        open.crossUnit = false
        #expect(count(Eligibility(targets: targets, parameters: open, inspectors: table, isConflict: isConflict).problem) > count(problem))
        // Greedy by priority alone: it meets full capacities, and it would pick differently (or get stuck)
        // where the flow look-ahead refused its first choice.
        let seed = SeedKeys(reveal: try Reveal.parse(b.files["reveal.txt"]!))
        let hmac = HMACSHA256(key: seed.inspectorKey)
        var load = [Int](repeating: 0, count: records.count)
        var capped = 0
        var naive: [String] = []
        for (t, target) in targets.enumerated() {
            var team = Set<Int32>()
            for (s, slot) in parameters.slots.enumerated() {
                let candidates = problem.eligible[t * problem.departmentCount + problem.slotDepartments[s]].sorted {
                    let a = InspectorMatching.priority(hmac: hmac, target: target.id, slot: slot.name, inspector: records[Int($0)].id)
                    let b = InspectorMatching.priority(hmac: hmac, target: target.id, slot: slot.name, inspector: records[Int($1)].id)
                    return a != b ? a < b : $0 < $1
                }
                var chosen: Int32?
                for k in candidates where !team.contains(k) {
                    if load[Int(k)] >= problem.capacity[Int(k)] {
                        capped += 1
                        continue
                    }
                    chosen = k
                    break
                }
                if let chosen {
                    team.insert(chosen)
                    load[Int(chosen)] += 1
                }
                naive.append(chosen.map { records[Int($0)].id } ?? "-")
            }
        }
        #expect(capped > 0)
        #expect(naive != (try InspectorMatching.parse(b.files["assignment.txt"]!)).map(\.inspector))
    }

    /// N1–N4 (docs/draw-vectors.md): each mutation of a valid bundle is rejected at the file named.
    @Test func negativeVectorsAreRejected() throws {
        for (name, file, mutated) in try Self.negatives() {
            let report = Verifier.verify(bundle: mutated)
            #expect(!report.ok, "\(name)")
            #expect(report.failure?.message.contains(Self.label(file)) == true, "\(name): \(report.failure?.message ?? "")")
        }
    }

    static func label(_ file: String) -> String {
        ["pool.txt": "池文件", "excluded.txt": "排除名单", "parameters.txt": "参数文件", "inspectors.txt": "执法人员名录"][file] ?? file
    }

    /// The negative vectors: (name, the file a verifier must reject, the bundle), the manifest
    /// recomputed so that only the rule at stake is broken.
    static func negatives() throws -> [(String, String, DrawBundle)] {
        let v1 = try TestVectors.bundle(TestVectors.definitions[0])
        let v3 = try TestVectors.bundle(TestVectors.definitions[2])
        let v6 = try TestVectors.bundle(v6)
        func text(_ b: DrawBundle, _ f: String) -> String { String(decoding: b.files[f]!, as: UTF8.self) }
        func with(_ b: DrawBundle, _ f: String, _ s: String) -> DrawBundle { b.replacing(f, with: Array(s.utf8)) }
        let pool = text(v1, "pool.txt").split(separator: "\n", omittingEmptySubsequences: false)
        let n1 = with(v1, "pool.txt", ([pool[0], ""] + pool.dropFirst()).joined(separator: "\n"))
        let excluded = text(v3, "excluded.txt").split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        let n2 = with(
            v3, "excluded.txt",
            excluded.enumerated().map { $0 == 0 ? [$1[0], "E", $1[2]] : $1 }.map { $0.joined(separator: "\t") + "\n" }.joined())
        let n3 = with(v6, "inspectors.txt", text(v6, "inspectors.txt").replacingOccurrences(of: "\t3101,4\t", with: "\t4,3101\t"))
        let n4 = with(
            v6, "parameters.txt",
            text(v6, "parameters.txt").replacingOccurrences(
                of: "item\tCULT-310115\tART-09\nitem\tEXPERT\tEXP-01\n", with: "item\tEXPERT\tEXP-01\nitem\tCULT-310115\tART-09\n"))
        return [("N1", "pool.txt", n1), ("N2", "parameters.txt", n2), ("N3", "inspectors.txt", n3), ("N4", "parameters.txt", n4)]
    }
}
