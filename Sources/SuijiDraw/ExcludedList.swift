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
    /// The exact bytes of `excluded.txt`, encoded (or parsed) once.
    let encoded: [UInt8]

    /// Sorts and validates entries (any order accepted): sorted on their id bytes (packed
    /// integer keys, as the pool), not as `String`s; entries already in order are kept as they are.
    public init(_ entries: [ExcludedEntry]) throws(DrawError) {
        let sorted = Self.sortedByID(entries)
        for (i, e) in sorted.enumerated() {
            guard TextFile.isTargetID(e.id.utf8), TextFile.isStratum(e.stratum) else {
                throw .syntax(file: "excluded.txt", line: i + 1, detail: "标识或层")
            }
            if i > 0 && sorted[i - 1].id == e.id { throw .duplicate(file: "excluded.txt", line: i + 1, value: e.id) }
        }
        self.entries = sorted
        self.encoded = Self.encode(sorted)
        self.digest = Bytes.sha256Hex(encoded)
    }

    /// A list whose file `bytes` the caller has checked to be canonical for `entries`.
    init(checked entries: [ExcludedEntry], bytes: [UInt8], digest: String? = nil) {
        self.entries = entries
        self.encoded = bytes
        self.digest = digest ?? Bytes.sha256Hex(bytes)
    }

    public static func == (a: ExcludedList, b: ExcludedList) -> Bool { a.entries == b.entries }

    /// `entries` in id byte order.
    static func sortedByID(_ entries: [ExcludedEntry]) -> [ExcludedEntry] {
        var ids = [UInt8]()
        var offs = [0]
        offs.reserveCapacity(entries.count + 1)
        for e in entries {
            ids.append(contentsOf: e.id.utf8)
            offs.append(ids.count)
        }
        if PoolSorting.isSorted(ids, offs) { return entries }
        return PoolSorting.permutation(ids, offs).map { entries[Int($0)] }
    }

    static func encode(_ entries: [ExcludedEntry]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(entries.count * 40)
        for e in entries {
            out.append(contentsOf: e.id.utf8)
            out.append(9)
            out.append(contentsOf: e.stratum.utf8)
            out.append(9)
            out.append(contentsOf: e.reason.rawValue.utf8)
            out.append(10)
        }
        return out
    }

    /// The exact bytes of `excluded.txt`.
    public func fileBytes() -> [UInt8] { encoded }

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

    /// The first entry whose id is also in `pool`: one merge of the two sorted id lists.
    func firstInPool(_ pool: CanonicalPool) -> ExcludedEntry? {
        pool.idBytes.withUnsafeBufferPointer { p in
            var index = 0
            for entry in entries {
                var id = entry.id
                let found = id.withUTF8 { q -> Bool in
                    while index < pool.count {
                        let c = PoolSorting.compareRaw(p, pool.idOffsets[index], pool.idOffsets[index + 1], q, 0, q.count)
                        if c == 0 { return true }
                        if c > 0 { return false }
                        index += 1
                    }
                    return false
                }
                if found { return entry }
                if index == pool.count { return nil }
            }
            return nil
        }
    }

    /// Strict parser: the file must already be canonical. `digest`, when given, is the file's
    /// SHA-256 as computed when it was stored (not hashed again).
    public static func parse(_ bytes: [UInt8], digest: String? = nil) throws(DrawError) -> ExcludedList {
        if let list = parseCanonical(bytes, digest: digest) { return list }
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

    /// The list of a canonical file read on bytes in one pass (ASCII fields, ids strictly
    /// ascending, known strata and reasons), its bytes kept as the file; nil at the first
    /// deviation, which `parse` then reports exactly as the line-by-line reading does.
    static func parseCanonical(_ bytes: [UInt8], digest: String? = nil) -> ExcludedList? {
        guard bytes.last == 10 || bytes.isEmpty else { return nil }
        var entries = [ExcludedEntry]()
        var strata: [(bytes: [UInt8], label: String)] = []
        let reasons = ExclusionReason.allCases.map { (bytes: Array($0.rawValue.utf8), reason: $0) }
        let ok = bytes.withUnsafeBufferPointer { p -> Bool in
            var pos = 0
            var previous = 0..<0
            while pos < p.count {
                // The line's three fields: [start, tab1), [tab1 + 1, tab2), [tab2 + 1, end).
                let start = pos
                var tabs = 0
                var tab1 = 0
                var tab2 = 0
                while p[pos] != 10 {
                    let c = p[pos]
                    if c == 9 {
                        tabs += 1
                        if tabs == 1 { tab1 = pos } else { tab2 = pos }
                    } else if c < 0x20 || c >= 0x7F {
                        return false
                    }
                    pos += 1
                }
                let end = pos
                pos += 1
                guard tabs == 2, TextFile.isTargetID(p[start..<tab1]) else { return false }
                if !previous.isEmpty && PoolSorting.compareRaw(p, previous.lowerBound, previous.upperBound, p, start, tab1) >= 0 {
                    return false
                }
                previous = start..<tab1
                let stratumBytes = p[(tab1 + 1)..<tab2]
                let stratum: String
                if let known = strata.first(where: { $0.bytes.elementsEqual(stratumBytes) }) {
                    stratum = known.label
                } else {
                    stratum = String(decoding: stratumBytes, as: UTF8.self)
                    guard TextFile.isStratum(stratum) else { return false }
                    strata.append((Array(stratumBytes), stratum))
                }
                let reasonBytes = p[(tab2 + 1)..<end]
                guard let reason = reasons.first(where: { $0.bytes.elementsEqual(reasonBytes) })?.reason else { return false }
                entries.append(ExcludedEntry(id: String(decoding: p[start..<tab1], as: UTF8.self), stratum: stratum, reason: reason))
            }
            return true
        }
        return ok ? ExcludedList(checked: entries, bytes: bytes, digest: digest) : nil
    }
}
