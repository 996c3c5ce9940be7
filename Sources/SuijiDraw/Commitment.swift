// SPDX-License-Identifier: Apache-2.0

/// A department's 32-byte secret and its commitment (spec §5).
public enum DepartmentSecret {
    /// `SHA256("suiji-draw/1 commit" 0x00 || LP(dept) || LP(drawID) || LP(secret))`, lowercase hex.
    public static func commitment(department: String, drawID: String, secret: [UInt8]) -> String {
        Bytes.sha256Hex(
            Array("suiji-draw/1 commit".utf8) + [0] + Bytes.lp(department) + Bytes.lp(drawID)
                + Bytes.lp(secret))
    }
}

/// `commitment.txt`: binds pool, parameters and every department's secret.
public struct Commitment: Sendable, Equatable {
    /// Draw id.
    public var drawID: String
    /// Pool digest.
    public var poolDigest: String
    /// Parameters digest.
    public var parametersDigest: String
    /// `(department, commitment hex)` in parameters order.
    public var commits: [(department: String, hash: String)]

    /// Creates the commitment file content.
    public init(
        drawID: String, poolDigest: String, parametersDigest: String,
        commits: [(department: String, hash: String)]
    ) {
        self.drawID = drawID
        self.poolDigest = poolDigest
        self.parametersDigest = parametersDigest
        self.commits = commits
    }

    /// Equality by field.
    public static func == (a: Commitment, b: Commitment) -> Bool { a.fileBytes() == b.fileBytes() }

    /// The exact bytes of `commitment.txt`.
    public func fileBytes() -> [UInt8] {
        TextFile.encode(
            [
                ["version", DrawSpec.version], ["draw-id", drawID], ["pool-digest", poolDigest],
                ["parameters-digest", parametersDigest],
            ] + commits.map { ["commit", $0.department, $0.hash] })
    }

    /// Lowercase hex SHA-256 of the file.
    public var digest: String { Bytes.sha256Hex(fileBytes()) }

    /// Strict parser.
    public static func parse(_ bytes: [UInt8]) throws(DrawError) -> Commitment {
        var r = try LineReader(bytes, file: "commitment.txt")
        guard try r.value("version") == DrawSpec.version else { throw r.fail("版本") }
        let d = try r.value("draw-id")
        let pd = try r.value("pool-digest")
        let pp = try r.value("parameters-digest")
        var commits = [(department: String, hash: String)]()
        while !r.atEnd {
            let v = try r.expect("commit", fields: 2)
            guard TextFile.isHex64(v[1]) else { throw r.fail("承诺值") }
            commits.append((v[0], v[1]))
        }
        return Commitment(drawID: d, poolDigest: pd, parametersDigest: pp, commits: commits)
    }
}
