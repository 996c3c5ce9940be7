// SPDX-License-Identifier: Apache-2.0

/// One line of `inspectors.txt` (spec §9.1): only name-free fields.
public struct InspectorRecord: Sendable, Equatable {
    /// Opaque id such as `I-0042`.
    public var id: String
    /// Department code, or `EXPERT` for the expert list.
    public var department: String
    /// Enforcement area codes (prefixes of division/street codes).
    public var areas: [String]
    /// Qualified item codes.
    public var items: [String]
    /// Active and not on leave for the whole batch window.
    public var available: Bool
    /// Enforcement certificate valid until this date.
    public var certUntil: String
    /// Area code of the inspector's own unit (for 所所交叉), may be empty.
    public var home: String

    /// Creates a record; areas and items are sorted and de-duplicated.
    public init(
        id: String, department: String, areas: [String], items: [String], available: Bool,
        certUntil: String, home: String = ""
    ) {
        self.id = id
        self.department = department
        self.areas = Array(Set(areas)).sorted(by: TextFile.less)
        self.items = Array(Set(items)).sorted(by: TextFile.less)
        self.available = available
        self.certUntil = certUntil
        self.home = home
    }
}

/// `inspectors.txt`: inspector records sorted by id.
public struct InspectorTable: Sendable, Equatable {
    /// Records sorted by id bytes.
    public let records: [InspectorRecord]

    /// The empty table (no matching).
    public static let empty = InspectorTable(sorted: [])

    private init(sorted: [InspectorRecord]) { records = sorted }

    /// Validates and sorts records.
    public init(_ records: [InspectorRecord]) throws(DrawError) {
        let s = records.sorted { TextFile.less($0.id, $1.id) }
        for (i, r) in s.enumerated() {
            guard TextFile.isToken(r.id), TextFile.isToken(r.department), !r.areas.isEmpty,
                r.areas.allSatisfy({ TextFile.isDigits($0, 1...12) }), r.items.allSatisfy(TextFile.isToken),
                TextFile.isDate(r.certUntil), r.home.isEmpty || TextFile.isDigits(r.home, 1...12)
            else {
                throw .syntax(file: "inspectors.txt", line: i + 1, detail: "字段")
            }
            if i > 0 && s[i - 1].id == r.id { throw .duplicate(file: "inspectors.txt", line: i + 1, value: r.id) }
        }
        self.records = s
    }

    /// The exact bytes of `inspectors.txt`.
    public func fileBytes() -> [UInt8] {
        TextFile.encode(
            records.map {
                [
                    $0.id, $0.department, $0.areas.joined(separator: ","), $0.items.joined(separator: ","),
                    $0.available ? "yes" : "no", $0.certUntil, $0.home,
                ]
            })
    }

    /// Lowercase hex SHA-256 of the file.
    public var digest: String { Bytes.sha256Hex(fileBytes()) }

    /// Strict parser.
    public static func parse(_ bytes: [UInt8]) throws(DrawError) -> InspectorTable {
        let f = "inspectors.txt"
        var out = [InspectorRecord]()
        for (i, l) in try TextFile.lines(bytes, file: f).enumerated() {
            guard l.count == 7, l[4] == "yes" || l[4] == "no" else { throw .syntax(file: f, line: i + 1, detail: "字段") }
            out.append(
                InspectorRecord(
                    id: l[0], department: l[1], areas: l[2].split(separator: ",").map(String.init),
                    items: l[3].split(separator: ",").map(String.init), available: l[4] == "yes", certUntil: l[5],
                    home: l[6]))
        }
        let t = try InspectorTable(out)
        guard t.fileBytes() == bytes else { throw .syntax(file: f, line: 0, detail: "非规范形式（排序或列表）") }
        return t
    }
}

/// A declared conflict of interest, known in clear only to the office (and auditors).
public struct ConflictDeclaration: Sendable, Equatable, Hashable {
    /// Inspector id.
    public var inspector: String
    /// Target id.
    public var target: String

    /// Creates a declaration.
    public init(inspector: String, target: String) {
        self.inspector = inspector
        self.target = target
    }
}

/// `conflicts.txt`: sorted salted commitments to conflict pairs (spec §9.1).
public struct ConflictList: Sendable, Equatable {
    /// Lowercase hex commitments, sorted and distinct.
    public let commitments: [String]

    /// No conflicts.
    public static let empty = ConflictList(commitments: [])

    private init(commitments: [String]) { self.commitments = commitments }

    /// `SHA256("suiji-draw/1 conflict" 0x00 || LP(salt) || LP(inspector) || LP(target))`.
    public static func commitment(salt: [UInt8], inspector: String, target: String) -> String {
        Bytes.sha256Hex(
            Array("suiji-draw/1 conflict".utf8) + [0] + Bytes.lp(salt) + Bytes.lp(inspector)
                + Bytes.lp(target))
    }

    /// Commits to every declared pair with the office's salt (≥ 16 bytes).
    public init(salt: [UInt8], declarations: [ConflictDeclaration]) throws(DrawError) {
        guard salt.count >= 16 else { throw .invalidInput(detail: "回避盐值至少 16 字节") }
        commitments = Array(Set(declarations.map { Self.commitment(salt: salt, inspector: $0.inspector, target: $0.target) }))
            .sorted(by: TextFile.less)
    }

    /// Whether `(inspector, target)` is a declared conflict, given the salt.
    public func contains(salt: [UInt8], inspector: String, target: String) -> Bool {
        let c = Self.commitment(salt: salt, inspector: inspector, target: target)
        var lo = 0
        var hi = commitments.count
        while lo < hi {
            let m = (lo + hi) / 2
            if commitments[m] == c { return true }
            if TextFile.less(commitments[m], c) { lo = m + 1 } else { hi = m }
        }
        return false
    }

    /// The exact bytes of `conflicts.txt`.
    public func fileBytes() -> [UInt8] { TextFile.encode(commitments.map { [$0] }) }

    /// Lowercase hex SHA-256 of the file.
    public var digest: String { Bytes.sha256Hex(fileBytes()) }

    /// Strict parser.
    public static func parse(_ bytes: [UInt8]) throws(DrawError) -> ConflictList {
        let lines = try TextFile.lines(bytes, file: "conflicts.txt")
        for (i, l) in lines.enumerated() {
            guard l.count == 1, TextFile.isHex64(l[0]) else { throw .syntax(file: "conflicts.txt", line: i + 1, detail: "摘要") }
            if i > 0 && !TextFile.less(lines[i - 1][0], l[0]) { throw .unsorted(file: "conflicts.txt", line: i + 1) }
        }
        return ConflictList(commitments: lines.map { $0[0] })
    }
}
