// SPDX-License-Identifier: Apache-2.0

/// Executes a draw after the reveal: checks inputs, derives the seed, selects targets,
/// matches inspectors and produces the bundle (spec §7–§10). Pure: no clock, no I/O.
public enum DrawEngine {
    /// Seed, per-target keys and selection for checked inputs.
    public static func drawTargets(pool: CanonicalPool, parameters: DrawParameters, reveal: Reveal)
        -> (seed: SeedKeys, keys: [UInt64], selection: TargetSelection)
    {
        let seed = SeedKeys(reveal: reveal)
        let keys = TargetKeys.compute(pool: pool, targetKey: seed.targetKey)
        return (seed, keys, TargetSelection(pool: pool, keys: keys, parameters: parameters))
    }

    /// Checks that the commitment binds this pool and these parameters (spec §11 step 5).
    public static func checkCommitment(_ c: Commitment, pool: CanonicalPool, parameters: DrawParameters) throws(DrawError) {
        let f = "commitment.txt"
        if c.drawID != parameters.drawID {
            throw .mismatch(file: f, line: 2, field: "draw-id", expected: parameters.drawID, found: c.drawID)
        }
        if c.poolDigest != pool.digest {
            throw .mismatch(file: f, line: 3, field: "pool-digest", expected: pool.digest, found: c.poolDigest)
        }
        if c.parametersDigest != parameters.digest {
            throw .mismatch(file: f, line: 4, field: "parameters-digest", expected: parameters.digest, found: c.parametersDigest)
        }
        if c.commits.map(\.department) != parameters.departments {
            throw .mismatch(
                file: f, line: 5, field: "部门顺序", expected: parameters.departments.joined(separator: ","),
                found: c.commits.map(\.department).joined(separator: ","))
        }
    }

    /// Runs the whole draw and returns the bundle. `conflicts` are the office's clear
    /// declarations (their salted commitments must be `conflictList`). Throws
    /// `.matchingInfeasible` if the slots cannot all be filled (see `InspectorMatching.assign`
    /// for the per-slot report).
    public static func execute(
        pool: CanonicalPool, excluded: ExcludedList, parameters: DrawParameters, commitment: Commitment,
        reveal: Reveal, inspectors: InspectorTable = .empty, conflictList: ConflictList = .empty,
        conflicts: Set<ConflictDeclaration> = []
    ) throws(DrawError) -> DrawBundle {
        try parameters.check(
            pool: pool, excluded: excluded, inspectorsDigest: inspectors.digest,
            conflictsDigest: conflictList.digest)
        try checkCommitment(commitment, pool: pool, parameters: parameters)
        try reveal.check(commitment: commitment, parameters: parameters)
        let (seed, _, selection) = drawTargets(pool: pool, parameters: parameters, reveal: reveal)
        let targets = selection.drawn.map { pool.entry(at: pool.index(of: $0.id)!) }
        let recs = inspectors.records
        // Declarations name few targets: a team's flag, looked up once, spares the other teams a
        // hashed look-up per eligible inspector.
        let declared = Set(conflicts.map(\.target))
        let mayConflict = targets.map { declared.contains($0.id) }
        let result = InspectorMatching.assign(
            targets: targets, parameters: parameters, inspectors: inspectors, inspectorKey: seed.inspectorKey,
            isConflict: { i, t in
                mayConflict[t] && conflicts.contains(ConflictDeclaration(inspector: recs[i].id, target: targets[t].id))
            })
        guard case .complete(let assignment) = result else {
            if case .infeasible(let list) = result { throw .matchingInfeasible(unfilled: list.count) }
            throw .matchingInfeasible(unfilled: 0)
        }
        var files: [String: [UInt8]] = [
            "pool.txt": pool.fileBytes(), "excluded.txt": excluded.fileBytes(), "parameters.txt": parameters.fileBytes(),
            "inspectors.txt": inspectors.fileBytes(), "conflicts.txt": conflictList.fileBytes(),
            "commitment.txt": commitment.fileBytes(), "reveal.txt": reveal.fileBytes(),
            "selection.txt": selection.selectionFileBytes(), "replacements.txt": selection.replacementsFileBytes(),
            "assignment.txt": InspectorMatching.fileBytes(assignment),
        ]
        // The large inputs' digests are known (computed once with the pool and the list).
        var digests = ["pool.txt": pool.digest, "excluded.txt": excluded.digest]
        files["record.txt"] = record(
            parameters: parameters, files: files, digests: digests, reveal: reveal, seed: seed,
            selection: selection
        ).fileBytes()
        digests["record.txt"] = nil
        return DrawBundle(contentFiles: files, digests: digests)
    }

    /// The record for the given files; `digests` are those already known, by file name.
    static func record(
        parameters: DrawParameters, files: [String: [UInt8]], digests: [String: String] = [:], reveal: Reveal, seed: SeedKeys,
        selection: TargetSelection
    ) -> DrawRecord {
        func d(_ n: String) -> String { digests[n] ?? Bytes.sha256Hex(files[n] ?? []) }
        return DrawRecord(
            drawID: parameters.drawID, poolDigest: d("pool.txt"), excludedDigest: d("excluded.txt"),
            parametersDigest: d("parameters.txt"), commitmentDigest: d("commitment.txt"), revealDigest: d("reveal.txt"),
            missing: reveal.missing, seed: seed, cutoffs: selection.cutoffs, selectionDigest: d("selection.txt"),
            replacementsDigest: d("replacements.txt"), assignmentDigest: d("assignment.txt"))
    }
}
