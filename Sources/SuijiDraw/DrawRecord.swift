// SPDX-License-Identifier: Apache-2.0

/// `record.txt` (spec §10): every digest, the seed keys and the cutoffs. Its digest is the
/// draw's final identifier.
public struct DrawRecord: Sendable, Equatable {
    /// Draw id.
    public var drawID: String
    /// Digests of the input files.
    public var poolDigest: String, excludedDigest: String, parametersDigest: String
    /// Digests of the commit/reveal files.
    public var commitmentDigest: String, revealDigest: String
    /// Departments that did not reveal.
    public var missing: [String]
    /// Seed keys.
    public var seed: SeedKeys
    /// Cutoffs per stratum.
    public var cutoffs: [(stratum: String, cutoff: SelectedTarget?)]
    /// Digests of the output files.
    public var selectionDigest: String, replacementsDigest: String, assignmentDigest: String

    /// Creates a record.
    public init(
        drawID: String, poolDigest: String, excludedDigest: String, parametersDigest: String,
        commitmentDigest: String, revealDigest: String, missing: [String], seed: SeedKeys,
        cutoffs: [(stratum: String, cutoff: SelectedTarget?)], selectionDigest: String,
        replacementsDigest: String, assignmentDigest: String
    ) {
        self.drawID = drawID
        self.poolDigest = poolDigest
        self.excludedDigest = excludedDigest
        self.parametersDigest = parametersDigest
        self.commitmentDigest = commitmentDigest
        self.revealDigest = revealDigest
        self.missing = missing
        self.seed = seed
        self.cutoffs = cutoffs
        self.selectionDigest = selectionDigest
        self.replacementsDigest = replacementsDigest
        self.assignmentDigest = assignmentDigest
    }

    /// Equality by bytes.
    public static func == (a: DrawRecord, b: DrawRecord) -> Bool { a.fileBytes() == b.fileBytes() }

    /// The exact bytes of `record.txt`.
    public func fileBytes() -> [UInt8] {
        var l: [[String]] = [
            ["version", DrawSpec.version], ["draw-id", drawID], ["pool-digest", poolDigest],
            ["excluded-digest", excludedDigest], ["parameters-digest", parametersDigest],
            ["commitment-digest", commitmentDigest], ["reveal-digest", revealDigest],
        ]
        l += missing.map { ["missing", $0] }
        l += [
            ["prk", Bytes.hex(seed.prk)], ["target-key", Bytes.hex(seed.targetKey)],
            ["inspector-key", Bytes.hex(seed.inspectorKey)],
        ]
        l += cutoffs.map { c in ["cutoff", c.stratum, c.cutoff.map { Bytes.hex64($0.key) } ?? "-", c.cutoff?.id ?? "-"] }
        l += [
            ["selection-digest", selectionDigest], ["replacements-digest", replacementsDigest],
            ["assignment-digest", assignmentDigest],
        ]
        return TextFile.encode(l)
    }

    /// Lowercase hex SHA-256 of `record.txt`.
    public var digest: String { Bytes.sha256Hex(fileBytes()) }
}
