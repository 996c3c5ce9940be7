// SPDX-License-Identifier: Apache-2.0
import Crypto

/// One eligible target as the store provides it (spec §2). No names, no personal data.
public struct PoolEntry: Sendable, Equatable, Hashable {
    /// 统一社会信用代码 or stable id, `[0-9A-Z-]{1,64}`.
    public var id: String
    /// Risk stratum label (`A`…`D` or `ALL`).
    public var stratum: String
    /// 6-digit administrative division code.
    public var division: String
    /// Street (乡镇街道) code, possibly empty.
    public var street: String

    /// Creates an entry.
    public init(id: String, stratum: String, division: String, street: String) {
        self.id = id
        self.stratum = stratum
        self.division = division
        self.street = street
    }
}

/// The canonical, sorted, validated pool (spec §2), stored column-wise in flat buffers
/// so that 10 million targets need no per-target `String`.
public struct CanonicalPool: Sendable {
    /// All ids concatenated, sorted by id bytes.
    public let idBytes: [UInt8]
    /// `idOffsets[i]..<idOffsets[i+1]` is target `i`'s id; `count + 1` elements.
    public let idOffsets: [Int]
    /// Sorted distinct stratum labels used by the pool.
    public let stratumLabels: [String]
    /// Index into `stratumLabels` per target.
    public let stratumIndex: [UInt16]
    /// Division code per target (always printed as 6 digits).
    public let divisions: [UInt32]
    /// All street codes concatenated.
    public let streetBytes: [UInt8]
    /// `streetOffsets[i]..<streetOffsets[i+1]` is target `i`'s street; `count + 1` elements.
    public let streetOffsets: [Int]
    /// Lowercase hex SHA-256 of `pool.txt`.
    public let digest: String
    /// The bytes of `pool.txt`, encoded (or parsed, `PoolFile.parse`) once: handed back by
    /// `fileBytes()` rather than encoded again.
    let encoded: [UInt8]?

    /// Number of targets.
    public var count: Int { idOffsets.count - 1 }

    /// Builds a pool from flat columns (for example filled from SQLite). Rows need not be
    /// sorted; they are validated, sorted by id bytes and digested.
    public init(
        flatIDs: [UInt8], idOffsets: [Int], stratumLabels: [String], stratumIndex: [UInt16],
        divisions: [UInt32], flatStreets: [UInt8], streetOffsets: [Int]
    ) throws(DrawError) {
        let n = idOffsets.count - 1
        guard n >= 0, stratumIndex.count == n, divisions.count == n, streetOffsets.count == n + 1 else {
            throw .invalidInput(detail: "池列长度不一致")
        }
        for label in stratumLabels where !TextFile.isStratum(label) {
            throw .invalidInput(detail: "层标签无效：\(label)")
        }
        for i in 0..<n {
            guard TextFile.isTargetID(flatIDs[idOffsets[i]..<idOffsets[i + 1]]) else {
                throw .syntax(file: "pool.txt", line: i + 1, detail: "标识字符集")
            }
            guard Int(stratumIndex[i]) < stratumLabels.count, divisions[i] <= 999_999 else {
                throw .syntax(file: "pool.txt", line: i + 1, detail: "层或区划")
            }
            let s = flatStreets[streetOffsets[i]..<streetOffsets[i + 1]]
            guard s.count <= 12, s.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
                throw .syntax(file: "pool.txt", line: i + 1, detail: "街道代码")
            }
        }
        // Canonical label order: sorted bytes; remap indices if the caller's order differs.
        let sortedLabels = stratumLabels.sorted(by: TextFile.less)
        guard Set(sortedLabels).count == sortedLabels.count else { throw .invalidInput(detail: "层标签重复") }
        let remap = stratumLabels.map { l in UInt16(sortedLabels.firstIndex(of: l)!) }
        var sIndex = stratumIndex.map { remap[Int($0)] }
        var ids = flatIDs
        var offs = idOffsets
        var divs = divisions
        var streets = flatStreets
        var sOffs = streetOffsets
        let sorted = PoolSorting.isSorted(ids, offs)
        if !sorted {
            let perm = PoolSorting.permutation(ids, offs)
            (ids, offs) = PoolSorting.gather(ids, offs, perm)
            (streets, sOffs) = PoolSorting.gather(streets, sOffs, perm)
            sIndex = perm.map { sIndex[Int($0)] }
            divs = perm.map { divs[Int($0)] }
        }
        if let dup = PoolSorting.firstDuplicate(ids, offs) {
            let text = String(decoding: ids[offs[dup]..<offs[dup + 1]], as: UTF8.self)
            throw .duplicate(file: "pool.txt", line: dup + 1, value: text)
        }
        self.idBytes = ids
        self.idOffsets = offs
        self.stratumLabels = sortedLabels
        self.stratumIndex = sIndex
        self.divisions = divs
        self.streetBytes = streets
        self.streetOffsets = sOffs
        // Encoded once: the bytes are hashed and kept as the file (`fileBytes()`).
        var file = [UInt8]()
        file.reserveCapacity(ids.count + streets.count + n * 12)
        PoolFile.stream(ids, offs, sortedLabels, sIndex, divs, streets, sOffs) { file += $0 }
        self.digest = Bytes.sha256Hex(file)
        self.encoded = file
    }

    /// A pool parsed from its canonical file `bytes` (`PoolFile.parse` has checked every field,
    /// the order and the uniqueness of the ids): labels put in canonical order, the digest that
    /// of `bytes`, which are kept as the file.
    init(
        parsed bytes: [UInt8], digest: String? = nil, ids: [UInt8], idOffsets: [Int], stratumLabels: [String], stratumIndex: [UInt16],
        divisions: [UInt32],
        streets: [UInt8], streetOffsets: [Int]
    ) {
        let sortedLabels = stratumLabels.sorted(by: TextFile.less)
        let remap = stratumLabels.map { l in UInt16(sortedLabels.firstIndex(of: l)!) }
        self.idBytes = ids
        self.idOffsets = idOffsets
        self.stratumLabels = sortedLabels
        self.stratumIndex = remap == Array(0..<UInt16(remap.count)) ? stratumIndex : stratumIndex.map { remap[Int($0)] }
        self.divisions = divisions
        self.streetBytes = streets
        self.streetOffsets = streetOffsets
        self.digest = digest ?? Bytes.sha256Hex(bytes)
        self.encoded = bytes
    }

    /// Builds a pool from entries in any order.
    public init(entries: [PoolEntry]) throws(DrawError) {
        var b = PoolBuilder()
        for e in entries { try b.append(e) }
        self = try b.build()
    }

    /// Id of target `i` as a String (convenience; avoid on hot paths).
    public func id(at i: Int) -> String {
        String(decoding: idBytes[idOffsets[i]..<idOffsets[i + 1]], as: UTF8.self)
    }

    /// Street of target `i`.
    public func street(at i: Int) -> String {
        String(decoding: streetBytes[streetOffsets[i]..<streetOffsets[i + 1]], as: UTF8.self)
    }

    /// Division of target `i` as 6 digits.
    public func division(at i: Int) -> String { PoolFile.sixDigits(divisions[i]) }

    /// Entry `i` (convenience).
    public func entry(at i: Int) -> PoolEntry {
        PoolEntry(
            id: id(at: i), stratum: stratumLabels[Int(stratumIndex[i])], division: division(at: i),
            street: street(at: i))
    }

    /// Index of the target with this id (binary search), or nil.
    public func index(of id: String) -> Int? {
        let key = Array(id.utf8)
        var lo = 0
        var hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            let c = PoolSorting.compare(idBytes, idOffsets[mid], idOffsets[mid + 1], key)
            if c == 0 { return mid }
            if c < 0 { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    /// Number of targets per stratum, aligned with `stratumLabels`.
    public func stratumSizes() -> [Int] {
        var sizes = [Int](repeating: 0, count: stratumLabels.count)
        for s in stratumIndex { sizes[Int(s)] += 1 }
        return sizes
    }

    /// The exact bytes of `pool.txt`.
    public func fileBytes() -> [UInt8] {
        if let encoded { return encoded }
        var out = [UInt8]()
        out.reserveCapacity(idBytes.count + streetBytes.count + count * 12)
        PoolFile.stream(idBytes, idOffsets, stratumLabels, stratumIndex, divisions, streetBytes, streetOffsets) {
            out += $0
        }
        return out
    }
}

/// Incremental builder that appends raw id bytes without creating per-target objects.
public struct PoolBuilder: Sendable {
    private var ids = [UInt8]()
    private var offs = [0]
    private var labels = [String]()
    private var labelIndex = [String: UInt16]()
    private var sIndex = [UInt16]()
    private var divs = [UInt32]()
    private var streets = [UInt8]()
    private var sOffs = [0]

    /// An empty builder; `reserve` sizes the buffers.
    public init(reserve: Int = 0) {
        ids.reserveCapacity(reserve * 18)
        offs.reserveCapacity(reserve + 1)
        sIndex.reserveCapacity(reserve)
        divs.reserveCapacity(reserve)
        sOffs.reserveCapacity(reserve + 1)
    }

    /// Appends a target from raw bytes (id and street are ASCII; division as a number).
    public mutating func append<I: Collection, S: Collection>(
        idBytes: I, stratum: String, division: UInt32, streetBytes: S
    ) where I.Element == UInt8, S.Element == UInt8 {
        append(idBytes: idBytes, stratumIndex: label(stratum), division: division, streetBytes: streetBytes)
    }

    /// The builder's index of stratum `label` (added at its first use), for `append(idBytes:stratumIndex:…)`.
    public mutating func label(_ label: String) -> UInt16 {
        if let known = labelIndex[label] { return known }
        let index = UInt16(labels.count)
        labels.append(label)
        labelIndex[label] = index
        return index
    }

    /// Appends a target whose stratum is given by its index from `label(_:)` (no `String` per target).
    public mutating func append<I: Collection, S: Collection>(
        idBytes: I, stratumIndex: UInt16, division: UInt32, streetBytes: S
    ) where I.Element == UInt8, S.Element == UInt8 {
        ids.append(contentsOf: idBytes)
        offs.append(ids.count)
        sIndex.append(stratumIndex)
        divs.append(division)
        streets.append(contentsOf: streetBytes)
        sOffs.append(streets.count)
    }

    /// Appends an entry given as strings, validating the division field.
    public mutating func append(_ e: PoolEntry) throws(DrawError) {
        guard TextFile.isDigits(e.division, 6...6), let d = UInt32(e.division) else {
            throw .syntax(file: "pool.txt", line: offs.count, detail: "区划代码")
        }
        append(idBytes: Array(e.id.utf8), stratum: e.stratum, division: d, streetBytes: Array(e.street.utf8))
    }

    /// Validates, sorts and digests.
    public func build() throws(DrawError) -> CanonicalPool {
        try CanonicalPool(
            flatIDs: ids, idOffsets: offs, stratumLabels: labels, stratumIndex: sIndex,
            divisions: divs, flatStreets: streets, streetOffsets: sOffs)
    }
}
