// SPDX-License-Identifier: Apache-2.0

/// Why a target was excluded before the draw (spec §3).
public enum ExclusionReason: String, Sendable, CaseIterable, Equatable {
    /// 歇业/吊销 — not operating.
    case notOperating = "not-operating"
    /// 已注销.
    case deregistered = "deregistered"
    /// Already inspected in the plan year.
    case inspectedThisYear = "inspected-this-year"
    /// Case under investigation.
    case underInvestigation = "under-investigation"
    /// Registered after the plan's cut-off date.
    case newlyRegistered = "newly-registered"
    /// Outside the batch's scope.
    case outOfScope = "out-of-scope"
}

/// One excluded target.
public struct ExcludedEntry: Sendable, Equatable {
    /// Target id.
    public var id: String
    /// Stratum it would have belonged to.
    public var stratum: String
    /// Reason code.
    public var reason: ExclusionReason

    /// Creates an entry.
    public init(id: String, stratum: String, reason: ExclusionReason) {
        self.id = id
        self.stratum = stratum
        self.reason = reason
    }
}

/// `excluded.txt`: sorted by id, unique, disjoint from the pool.
public struct ExcludedList: Sendable, Equatable {
    /// Entries sorted by id bytes.
    public let entries: [ExcludedEntry]

    /// Sorts and validates entries (any order accepted).
    public init(_ entries: [ExcludedEntry]) throws(DrawError) {
        let sorted = entries.sorted { TextFile.less($0.id, $1.id) }
        for (i, e) in sorted.enumerated() {
            guard TextFile.isTargetID(e.id.utf8), TextFile.isStratum(e.stratum) else {
                throw .syntax(file: "excluded.txt", line: i + 1, detail: "标识或层")
            }
            if i > 0 && sorted[i - 1].id == e.id { throw .duplicate(file: "excluded.txt", line: i + 1, value: e.id) }
        }
        self.entries = sorted
        self.digest = Bytes.sha256Hex(Self.encode(sorted))
    }

    static func encode(_ entries: [ExcludedEntry]) -> [UInt8] {
        TextFile.encode(entries.map { [$0.id, $0.stratum, $0.reason.rawValue] })
    }

    /// The exact bytes of `excluded.txt`.
    public func fileBytes() -> [UInt8] { Self.encode(entries) }

    /// Lowercase hex SHA-256 of the file (computed once, with the list).
    public let digest: String

    /// Number of excluded targets of `stratum`.
    public func count(stratum: String) -> Int { entries.filter { $0.stratum == stratum }.count }

    /// Entry for `id`, if excluded.
    public func entry(id: String) -> ExcludedEntry? {
        var lo = 0
        var hi = entries.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if entries[mid].id == id { return entries[mid] }
            if TextFile.less(entries[mid].id, id) { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    /// Strict parser: the file must already be canonical.
    public static func parse(_ bytes: [UInt8]) throws(DrawError) -> ExcludedList {
        let lines = try TextFile.lines(bytes, file: "excluded.txt")
        var out = [ExcludedEntry]()
        for (i, l) in lines.enumerated() {
            guard l.count == 3, let r = ExclusionReason(rawValue: l[2]) else {
                throw .syntax(file: "excluded.txt", line: i + 1, detail: "字段或原因代码")
            }
            if i > 0 && !TextFile.less(lines[i - 1][0], l[0]) {
                if lines[i - 1][0] == l[0] { throw .duplicate(file: "excluded.txt", line: i + 1, value: l[0]) }
                throw .unsorted(file: "excluded.txt", line: i + 1)
            }
            out.append(ExcludedEntry(id: l[0], stratum: l[1], reason: r))
        }
        return try ExcludedList(out)
    }
}
