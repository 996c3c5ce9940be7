// SPDX-License-Identifier: Apache-2.0

/// A published bundle: file name → exact bytes (spec §10). Writing it to a directory is the
/// caller's job (this library does no I/O).
public struct DrawBundle: Sendable, Equatable {
    /// Files required in every bundle (besides `manifest.txt`).
    public static let requiredFiles = [
        "assignment.txt", "commitment.txt", "conflicts.txt", "excluded.txt", "inspectors.txt", "parameters.txt",
        "pool.txt", "record.txt", "replacements.txt", "reveal.txt", "selection.txt",
    ]
    /// Optional, appended after the record.
    public static let optionalFiles = ["inspector-replacements.txt"]
    /// The anchoring addition of spec §14.2: optional, not listed in `manifest.txt` (it changes
    /// nothing a `suiji-draw/1` verifier recomputes) and checked against the public log.
    public static let anchorFiles = ["timeline.txt"]

    /// All files including `manifest.txt`.
    public let files: [String: [UInt8]]

    /// Wraps a file map as read from disk (no checks; use `Verifier`).
    public init(files: [String: [UInt8]]) { self.files = files }

    /// Builds a bundle from content files, adding `manifest.txt`.
    public init(contentFiles: [String: [UInt8]]) {
        self.init(contentFiles: contentFiles, digests: [:])
    }

    /// Builds a bundle from content files whose digests are partly known (the pool's, hashed
    /// when it was built or parsed), adding `manifest.txt`.
    init(contentFiles: [String: [UInt8]], digests: [String: String]) {
        var f = contentFiles
        f["manifest.txt"] = Self.manifest(for: contentFiles, digests: digests)
        files = f
    }

    /// `manifest.txt` for the given files: `name TAB size TAB sha256` sorted by name (the
    /// anchoring addition `timeline.txt` is not listed).
    public static func manifest(for content: [String: [UInt8]]) -> [UInt8] {
        manifest(for: content, digests: [:])
    }

    static func manifest(for content: [String: [UInt8]], digests: [String: String]) -> [UInt8] {
        TextFile.encode(
            content.keys.filter { $0 != "manifest.txt" && !anchorFiles.contains($0) }.sorted(by: TextFile.less).map {
                [$0, String(content[$0]!.count), digests[$0] ?? Bytes.sha256Hex(content[$0]!)]
            })
    }

    /// Digest of `record.txt` (the draw's identifier), if present.
    public var recordDigest: String? { files["record.txt"].map { Bytes.sha256Hex($0) } }

    /// A copy with `name` replaced and the manifest recomputed (for appending replacements,
    /// and for tests that tamper with a file consistently).
    public func replacing(_ name: String, with bytes: [UInt8]) -> DrawBundle {
        var c = files
        c.removeValue(forKey: "manifest.txt")
        c[name] = bytes
        return DrawBundle(contentFiles: c)
    }

    /// Appends approved inspector replacements (spec §9.5); earlier ones are kept.
    public func appendingReplacements(
        _ approvals: [ReplacementApproval],
        conflicts: Set<ConflictDeclaration> = []
    ) throws(DrawError) -> DrawBundle {
        let d = try BundleContents(self)
        let all = try d.approvals + approvals
        let (lines, _) = try InspectorReplacement.apply(
            approvals: all, assignment: d.assignment, targets: d.drawnEntries(), parameters: d.parameters,
            inspectors: d.inspectors, seed: SeedKeys(reveal: d.reveal),
            isConflict: d.conflictPredicate(conflicts))
        return replacing("inspector-replacements.txt", with: InspectorReplacement.fileBytes(lines))
    }
}

/// Parsed view of a bundle's files (syntax checks only).
struct BundleContents {
    let pool: CanonicalPool
    let excluded: ExcludedList
    let parameters: DrawParameters
    let inspectors: InspectorTable
    let conflicts: ConflictList
    let commitment: Commitment
    let reveal: Reveal
    let drawn: [SelectedTarget]
    let assignment: [SlotAssignment]
    let approvalBytes: [UInt8]

    init(_ b: DrawBundle) throws(DrawError) {
        func f(_ n: String) throws(DrawError) -> [UInt8] {
            guard let x = b.files[n] else { throw .missingFile(name: n) }
            return x
        }
        pool = try PoolFile.parse(f("pool.txt"))
        excluded = try ExcludedList.parse(f("excluded.txt"))
        parameters = try DrawParameters.parse(f("parameters.txt"))
        inspectors = try InspectorTable.parse(f("inspectors.txt"))
        conflicts = try ConflictList.parse(f("conflicts.txt"))
        commitment = try Commitment.parse(f("commitment.txt"))
        reveal = try Reveal.parse(f("reveal.txt"))
        drawn = try TargetSelection.parseList(f("selection.txt"), file: "selection.txt")
        assignment = try InspectorMatching.parse(f("assignment.txt"))
        approvalBytes = b.files["inspector-replacements.txt"] ?? []
    }

    var approvals: [ReplacementApproval] {
        get throws(DrawError) { try InspectorReplacement.parseApprovals(approvalBytes) }
    }

    func drawnEntries() throws(DrawError) -> [PoolEntry] {
        try drawn.map { (s) throws(DrawError) -> PoolEntry in
            guard let i = pool.index(of: s.id) else {
                throw .mismatch(file: "selection.txt", line: 0, field: "id", expected: "池中标识", found: s.id)
            }
            return pool.entry(at: i)
        }
    }

    func conflictPredicate(_ clear: Set<ConflictDeclaration>) throws(DrawError) -> (Int, Int) -> Bool {
        let recs = inspectors.records
        let targets = try drawnEntries()
        return { i, t in clear.contains(ConflictDeclaration(inspector: recs[i].id, target: targets[t].id)) }
    }
}
