// SPDX-License-Identifier: Apache-2.0

/// Outcome of verifying a bundle.
public struct VerificationReport: Sendable, Equatable {
    /// The first failure, or nil if the bundle verifies.
    public let failure: DrawError?
    /// Non-fatal notes (e.g. matching only partially checked without the conflict salt).
    public let notes: [String]
    /// Digest of `record.txt` when present.
    public let recordDigest: String?

    /// True when no failure was found.
    public var ok: Bool { failure == nil }
}

/// Independent recomputation of a bundle (spec §11).
public enum Verifier {
    /// Verifies every step; stops at the first mismatch. `conflictSalt` (auditors only) lets
    /// the matching be recomputed exactly when `conflicts.txt` is not empty.
    public static func verify(bundle: DrawBundle, conflictSalt: [UInt8]? = nil) -> VerificationReport {
        var notes = [String]()
        do {
            try checkManifest(bundle)
            let d = try BundleContents(bundle)
            try d.parameters.check(
                pool: d.pool, excluded: d.excluded, inspectorsDigest: d.inspectors.digest,
                conflictsDigest: d.conflicts.digest)
            try DrawEngine.checkCommitment(d.commitment, pool: d.pool, parameters: d.parameters)
            try d.reveal.check(commitment: d.commitment, parameters: d.parameters)
            let (seed, _, sel) = DrawEngine.drawTargets(pool: d.pool, parameters: d.parameters, reveal: d.reveal)
            try compare(sel.selectionFileBytes(), bundle.files["selection.txt"]!, "selection.txt")
            try compare(sel.replacementsFileBytes(), bundle.files["replacements.txt"]!, "replacements.txt")
            let targets = try d.drawnEntries()
            let recs = d.inspectors.records
            let isConflict: (Int, Int) -> Bool
            if d.conflicts.commitments.isEmpty {
                isConflict = { _, _ in false }
            } else if let salt = conflictSalt {
                isConflict = { i, t in d.conflicts.contains(salt: salt, inspector: recs[i].id, target: targets[t].id) }
            } else {
                isConflict = { _, _ in false }
                notes.append("回避声明非空且未提供盐值：人员匹配仅核对公开约束，未完整重算")
            }
            let fullMatch = d.conflicts.commitments.isEmpty || conflictSalt != nil
            if fullMatch {
                let result = InspectorMatching.assign(
                    targets: targets, parameters: d.parameters, inspectors: d.inspectors,
                    inspectorKey: seed.inspectorKey, isConflict: isConflict)
                guard case .complete(let a) = result else { throw DrawError.matchingInfeasible(unfilled: 0) }
                try compare(InspectorMatching.fileBytes(a), bundle.files["assignment.txt"]!, "assignment.txt")
            } else {
                try MatchingConstraints.check(
                    d.assignment, targets: targets, parameters: d.parameters,
                    inspectors: d.inspectors, inspectorKey: seed.inspectorKey)
            }
            let expectedRecord = DrawEngine.record(
                parameters: d.parameters, files: bundle.files, reveal: d.reveal,
                seed: seed, selection: sel)
            try compare(expectedRecord.fileBytes(), bundle.files["record.txt"]!, "record.txt")
            if let timeline = bundle.files["timeline.txt"] {
                try DrawTimeline.parse(timeline).check(parameters: d.parameters, reveal: d.reveal)
            }
            let approvals = try d.approvals
            if !approvals.isEmpty {
                let (lines, _) = try InspectorReplacement.apply(
                    approvals: approvals, assignment: d.assignment, targets: targets, parameters: d.parameters,
                    inspectors: d.inspectors, seed: seed, isConflict: isConflict)
                try compare(InspectorReplacement.fileBytes(lines), d.approvalBytes, "inspector-replacements.txt")
            }
        } catch let e as DrawError {
            return VerificationReport(failure: e, notes: notes, recordDigest: bundle.recordDigest)
        } catch {
            return VerificationReport(failure: .invalidInput(detail: "\(error)"), notes: notes, recordDigest: nil)
        }
        return VerificationReport(failure: nil, notes: notes, recordDigest: bundle.recordDigest)
    }

    static func checkManifest(_ b: DrawBundle) throws(DrawError) {
        guard let m = b.files["manifest.txt"] else { throw .missingFile(name: "manifest.txt") }
        for n in DrawBundle.requiredFiles where b.files[n] == nil { throw .missingFile(name: n) }
        for n in b.files.keys
        where n != "manifest.txt" && !DrawBundle.requiredFiles.contains(n)
            && !DrawBundle.optionalFiles.contains(n) && !DrawBundle.anchorFiles.contains(n)
        { throw .missingFile(name: n) }
        try compare(DrawBundle.manifest(for: b.files), m, "manifest.txt")
    }

    /// Compares expected with found bytes line by line; throws at the first differing line.
    static func compare(_ expected: [UInt8], _ found: [UInt8], _ file: String) throws(DrawError) {
        if expected == found { return }
        let e = expected.split(separator: 10, omittingEmptySubsequences: false)
        let f = found.split(separator: 10, omittingEmptySubsequences: false)
        var k = 0
        while k < min(e.count, f.count) && e[k] == f[k] { k += 1 }
        func text(_ a: [ArraySlice<UInt8>]) -> String {
            k < a.count ? String(decoding: a[k], as: UTF8.self).replacingTabs : "（无）"
        }
        throw .mismatch(file: file, line: k + 1, field: "行内容", expected: text(e), found: text(f))
    }
}

extension String {
    var replacingTabs: String { split(separator: "\t", omittingEmptySubsequences: false).joined(separator: " ") }
}
