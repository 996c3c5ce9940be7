// SPDX-License-Identifier: Apache-2.0

/// The revealed public value and its source.
public struct PublicValue: Sendable, Equatable {
    /// The value as published (e.g. "372").
    public var value: String
    /// Source description, equal to the announcement.
    public var source: String

    /// Creates a public value.
    public init(value: String, source: String) {
        self.value = value
        self.source = source
    }
}

/// `reveal.txt` (spec §6). A nil secret means `missing` (deadline passed): it counts as empty.
public struct Reveal: Sendable, Equatable {
    /// Draw id.
    public var drawID: String
    /// Digest of `commitment.txt`.
    public var commitmentDigest: String
    /// Per department in parameters order: the 32-byte secret, or nil if missing.
    public var secrets: [(department: String, secret: [UInt8]?)]
    /// Public value, if one was announced.
    public var publicValue: PublicValue?

    /// Creates the reveal.
    public init(
        drawID: String, commitmentDigest: String, secrets: [(department: String, secret: [UInt8]?)],
        publicValue: PublicValue?
    ) {
        self.drawID = drawID
        self.commitmentDigest = commitmentDigest
        self.secrets = secrets
        self.publicValue = publicValue
    }

    /// Equality by bytes.
    public static func == (a: Reveal, b: Reveal) -> Bool { a.fileBytes() == b.fileBytes() }

    /// Departments whose secret is missing.
    public var missing: [String] { secrets.filter { $0.secret == nil }.map(\.department) }

    /// The exact bytes of `reveal.txt`.
    public func fileBytes() -> [UInt8] {
        var l: [[String]] = [["version", DrawSpec.version], ["draw-id", drawID], ["commitment-digest", commitmentDigest]]
        l += secrets.map { ["secret", $0.department, $0.secret.map { Bytes.hex($0) } ?? "missing"] }
        if let pv = publicValue { l.append(["public-value", pv.value, pv.source]) } else { l.append(["public-value", "none"]) }
        return TextFile.encode(l)
    }

    /// Lowercase hex SHA-256 of the file.
    public var digest: String { Bytes.sha256Hex(fileBytes()) }

    /// Checks draw id, commitment digest, department order, every revealed secret against its
    /// commitment, and the public value against the announcement.
    public func check(commitment: Commitment, parameters: DrawParameters) throws(DrawError) {
        let f = "reveal.txt"
        if drawID != commitment.drawID { throw .mismatch(file: f, line: 2, field: "draw-id", expected: commitment.drawID, found: drawID) }
        if commitmentDigest != commitment.digest {
            throw .mismatch(file: f, line: 3, field: "commitment-digest", expected: commitment.digest, found: commitmentDigest)
        }
        let depts = secrets.map(\.department)
        if depts != parameters.departments || commitment.commits.map(\.department) != depts {
            throw .mismatch(
                file: f, line: 4, field: "部门顺序", expected: parameters.departments.joined(separator: ","),
                found: depts.joined(separator: ","))
        }
        for (k, s) in secrets.enumerated() {
            guard let secret = s.secret else { continue }
            guard secret.count == 32 else { throw .syntax(file: f, line: 4 + k, detail: "秘密应为 32 字节") }
            if DepartmentSecret.commitment(department: s.department, drawID: drawID, secret: secret) != commitment.commits[k].hash {
                throw .commitmentMismatch(department: s.department)
            }
        }
        switch (parameters.publicValue, publicValue) {
        case (nil, nil): break
        case let (a?, v?) where a.source == v.source && TextFile.isText(v.value): break
        default:
            throw .mismatch(
                file: f, line: 4 + secrets.count, field: "public-value",
                expected: parameters.publicValue?.source ?? "none", found: publicValue?.source ?? "none")
        }
    }

    /// Strict parser.
    public static func parse(_ bytes: [UInt8]) throws(DrawError) -> Reveal {
        var r = try LineReader(bytes, file: "reveal.txt")
        guard try r.value("version") == DrawSpec.version else { throw r.fail("版本") }
        let d = try r.value("draw-id")
        let cd = try r.value("commitment-digest")
        var secrets = [(department: String, secret: [UInt8]?)]()
        while r.peekKey() == "secret" {
            let v = try r.expect("secret", fields: 2)
            if v[1] == "missing" {
                secrets.append((v[0], nil))
                continue
            }
            guard TextFile.isHex64(v[1]), let b = Bytes.fromHex(v[1]) else { throw r.fail("秘密格式") }
            secrets.append((v[0], b))
        }
        var pv: PublicValue?
        if !r.atEnd && r.lines[r.index] == ["public-value", "none"] {
            r.index += 1
        } else {
            let v = try r.expect("public-value", fields: 2)
            pv = PublicValue(value: v[0], source: v[1])
        }
        guard r.atEnd else { throw r.fail("多余行", line: r.lineNo) }
        return Reveal(drawID: d, commitmentDigest: cd, secrets: secrets, publicValue: pv)
    }
}
