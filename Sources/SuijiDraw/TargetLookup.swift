// SPDX-License-Identifier: Apache-2.0

/// Binary search over the lines of a sorted bundle file, touching only the lines it compares
/// (a 10⁶-line pool is searched in about 20 lines, whether memory-mapped or read by chunks).
public enum LineSearch {
    /// The line of `buffer` for which `compare` returns 0, lines being ascending under
    /// `compare` (negative: the line sorts before the one sought). The line without its LF.
    public static func find(in buffer: UnsafeRawBufferPointer, _ compare: ([UInt8]) -> Int) -> [UInt8]? {
        var lo = 0
        var hi = buffer.count
        while lo < hi {
            let mid = (lo + hi) / 2
            var start = mid
            while start > lo && buffer[start - 1] != 0x0A { start -= 1 }
            var end = mid
            while end < hi && buffer[end] != 0x0A { end += 1 }
            let line = Array(buffer[start..<end])
            let order = compare(line)
            if order == 0 { return line }
            if order < 0 { lo = end + 1 } else { hi = start }
        }
        return nil
    }

    /// The TAB-separated fields of a line.
    public static func fields(_ line: [UInt8]) -> [ArraySlice<UInt8>] {
        line.split(separator: 0x09, omittingEmptySubsequences: false)
    }

    /// Orders a line of `pool.txt` or `excluded.txt` by its first field (the id) against `id`.
    public static func byID(_ id: [UInt8]) -> @Sendable ([UInt8]) -> Int {
        { line in
            let first = line.prefix { $0 != 0x09 }
            return first.elementsEqual(id) ? 0 : (first.lexicographicallyPrecedes(id) ? -1 : 1)
        }
    }

    /// Orders a line of `selection.txt` or `replacements.txt` (`stratum rank id key`) by
    /// (stratum, key, id), the file's order, against the sought values.
    public static func byStratumKey(stratum: [UInt8], key: [UInt8], id: [UInt8]) -> @Sendable ([UInt8]) -> Int {
        { line in
            let f = fields(line)
            guard f.count == 4 else { return -1 }
            for (found, sought) in [(f[0], stratum[...]), (f[3], key[...]), (f[2], id[...])] where !found.elementsEqual(sought) {
                return found.lexicographicallyPrecedes(sought) ? -1 : 1
            }
            return 0
        }
    }
}

/// One target's fate from a published draw in a few steps (spec §8: "one target's fate is
/// explainable alone"): its line in `excluded.txt` or `pool.txt` by binary search, its key from
/// the seed of `reveal.txt`, its stratum's cutoff from `record.txt`, and its rank in
/// `selection.txt` or `replacements.txt` by binary search. It checks that `record.txt` belongs
/// to `reveal.txt` (digest and target key); the full recomputation is `Verifier.verify`.
///
/// The look-up does no I/O: the caller searches the files (memory, a mapped directory, the
/// database) with the comparisons it hands out:
///
/// ```swift
/// let lookup = try TargetLookup(id: id, record: record, reveal: reveal)
/// let excluded = find("excluded.txt", lookup.byID)
/// let pool = excluded == nil ? find("pool.txt", lookup.byID) : nil
/// switch try lookup.step(excluded: excluded, pool: pool) {
/// case .done(let explanation): explanation
/// case .rank(let file, let compare): try lookup.finish(find(file, compare))
/// }
/// ```
public struct TargetLookup: Sendable {
    /// What the look-up needs next.
    public enum Step {
        case done(TargetExplanation)
        /// The line of `file` (`selection.txt` or `replacements.txt`) for which `compare` is 0.
        case rank(file: String, compare: @Sendable ([UInt8]) -> Int)
    }

    public let id: String
    let idBytes: [UInt8]
    let targetKey: [UInt8]
    let cutoffs: [String: (key: UInt64, id: String)?]
    var pending: (stratum: String, key: UInt64, cutoff: (key: UInt64, id: String)?, drawn: Bool)?

    /// Reads the seed and the cutoffs; throws when `record.txt` is not the record of `reveal.txt`.
    public init(id: String, record: [UInt8], reveal: [UInt8]) throws(DrawError) {
        self.id = id
        idBytes = Array(id.utf8)
        targetKey = SeedKeys(reveal: try Reveal.parse(reveal)).targetKey
        var cutoffs: [String: (key: UInt64, id: String)?] = [:]
        for (n, line) in try TextFile.lines(record, file: "record.txt").enumerated() {
            switch line.first {
            case "reveal-digest" where line.count == 2 && line[1] != Bytes.sha256Hex(reveal):
                throw .mismatch(file: "record.txt", line: n + 1, field: "reveal-digest", expected: Bytes.sha256Hex(reveal), found: line[1])
            case "target-key" where line.count == 2 && line[1] != Bytes.hex(targetKey):
                throw .mismatch(file: "record.txt", line: n + 1, field: "target-key", expected: Bytes.hex(targetKey), found: line[1])
            case "cutoff" where line.count == 4:
                cutoffs[line[1]] = Bytes.fromHex(line[2]).map { (key: Bytes.u64be($0), id: line[3]) } ?? .none
            default: break
            }
        }
        self.cutoffs = cutoffs
    }

    /// Orders the lines of `excluded.txt` and `pool.txt` against the id sought.
    public var byID: @Sendable ([UInt8]) -> Int { LineSearch.byID(idBytes) }

    /// From the id's line in `excluded.txt` (if any) and in `pool.txt` (if any): the fate of an
    /// excluded or unknown id, or the rank to look up in the selection or the replacements.
    public mutating func step(excluded: [UInt8]?, pool: [UInt8]?) throws(DrawError) -> Step {
        if let line = excluded {
            let f = LineSearch.fields(line).map { String(decoding: $0, as: UTF8.self) }
            guard f.count == 3, let reason = ExclusionReason(rawValue: f[2]) else {
                throw .syntax(file: "excluded.txt", line: 0, detail: "字段")
            }
            return .done(TargetExplanation(id: id, stratum: f[1], key: nil, cutoff: nil, fate: .excluded(reason)))
        }
        guard let line = pool else { return .done(TargetExplanation(id: id, stratum: nil, key: nil, cutoff: nil, fate: .notInPool)) }
        let fields = LineSearch.fields(line)
        guard fields.count == 4 else { throw .syntax(file: "pool.txt", line: 0, detail: "字段") }
        let stratum = String(decoding: fields[1], as: UTF8.self)
        guard let cutoff = cutoffs[stratum] else {
            throw .mismatch(file: "record.txt", line: 0, field: "cutoff", expected: stratum, found: "-")
        }
        let key = TargetKeys.key(targetKey: targetKey, id: id)
        // Drawn iff (key, id) <= (cutoff key, cutoff id).
        let drawn = cutoff.map { key < $0.key || (key == $0.key && !Array($0.id.utf8).lexicographicallyPrecedes(idBytes)) } ?? false
        pending = (stratum, key, cutoff, drawn)
        return .rank(
            file: drawn ? "selection.txt" : "replacements.txt",
            compare: LineSearch.byStratumKey(stratum: Array(stratum.utf8), key: Array(Bytes.hex64(key).utf8), id: idBytes))
    }

    /// The explanation, given the line found for the `.rank` step (nil: not on the list).
    public func finish(_ line: [UInt8]?) throws(DrawError) -> TargetExplanation {
        guard let (stratum, key, cutoff, drawn) = pending else { throw .invalidInput(detail: "查询步骤顺序有误") }
        let rank = line.flatMap { LineSearch.fields($0).dropFirst().first }.flatMap { TextFile.int(String(decoding: $0, as: UTF8.self)) }
        let fate: TargetFate
        switch (drawn, rank) {
        case (true, let rank?): fate = .drawn(rank: rank)
        case (true, nil): throw .mismatch(file: "selection.txt", line: 0, field: "id", expected: id, found: "-")
        case (false, let rank?): fate = .replacement(rank: rank)
        case (false, nil): fate = .notDrawn
        }
        return TargetExplanation(id: id, stratum: stratum, key: key, cutoff: cutoff, fate: fate)
    }

    /// The whole look-up with a synchronous `find` (memory or a mapped file).
    public static func explain(
        id: String, record: [UInt8], reveal: [UInt8], find: (String, @Sendable ([UInt8]) -> Int) throws -> [UInt8]?
    ) throws -> TargetExplanation {
        var lookup = try TargetLookup(id: id, record: record, reveal: reveal)
        let excluded = try find("excluded.txt", lookup.byID)
        let pool = excluded == nil ? try find("pool.txt", lookup.byID) : nil
        switch try lookup.step(excluded: excluded, pool: pool) {
        case .done(let explanation): return explanation
        case .rank(let file, let compare): return try lookup.finish(try find(file, compare))
        }
    }
}
