// SPDX-License-Identifier: Apache-2.0

/// A drawn or replacement target with its rank and key.
public struct SelectedTarget: Sendable, Equatable {
    /// Stratum label.
    public var stratum: String
    /// 1-based rank within the stratum's list.
    public var rank: Int
    /// Target id.
    public var id: String
    /// Permanent random number.
    public var key: UInt64

    /// Creates a selected target.
    public init(stratum: String, rank: Int, id: String, key: UInt64) {
        self.stratum = stratum
        self.rank = rank
        self.id = id
        self.key = key
    }
}

/// Result of the target draw (spec §8): per stratum, drawn, replacement list and cutoff.
public struct TargetSelection: Sendable, Equatable {
    /// Drawn targets, strata in label order, ranks ascending.
    public let drawn: [SelectedTarget]
    /// Replacement lists, same order.
    public let replacements: [SelectedTarget]
    /// Per stratum (parameters order): the n-th target, or nil if n = 0.
    public let cutoffs: [(stratum: String, cutoff: SelectedTarget?)]

    /// Equality by encoded files.
    public static func == (a: TargetSelection, b: TargetSelection) -> Bool {
        a.selectionFileBytes() == b.selectionFileBytes() && a.replacementsFileBytes() == b.replacementsFileBytes()
    }

    /// Selects, per stratum, the `n + r` smallest `(key, id)` with bounded max-heaps
    /// (no full sort of the pool), then sorts only those.
    public init(pool: CanonicalPool, keys: [UInt64], parameters: DrawParameters) {
        let labels = pool.stratumLabels
        let want = labels.map { l in parameters.strata.first { $0.label == l }.map { $0.n + $0.r } ?? 0 }
        // Heap entries carry their key so comparisons stay cache-local.
        var heaps = [[HeapEntry]](repeating: [], count: labels.count)
        pool.idBytes.withUnsafeBufferPointer { ids in
            let offs = pool.idOffsets
            let less: (HeapEntry, HeapEntry) -> Bool = { a, b in
                if a.key != b.key { return a.key < b.key }
                let x = Int(a.index)
                let y = Int(b.index)
                return PoolSorting.compareRaw(ids, offs[x], offs[x + 1], ids, offs[y], offs[y + 1]) < 0
            }
            keys.withUnsafeBufferPointer { kp in
                pool.stratumIndex.withUnsafeBufferPointer { sp in
                    for i in 0..<kp.count {
                        let s = Int(sp[i])
                        let cap = want[s]
                        if cap == 0 { continue }
                        let v = HeapEntry(key: kp[i], index: Int32(i))
                        if heaps[s].count < cap {
                            heaps[s].append(v)
                            Heap.siftUp(&heaps[s], heaps[s].count - 1, less)
                        } else if v.key <= heaps[s][0].key && less(v, heaps[s][0]) {
                            heaps[s][0] = v
                            Heap.siftDown(&heaps[s], 0, less)
                        }
                    }
                }
            }
            for s in heaps.indices { heaps[s].sort(by: less) }
        }
        var drawn = [SelectedTarget]()
        var repl = [SelectedTarget]()
        var cutoffs = [(stratum: String, cutoff: SelectedTarget?)]()
        for sp in parameters.strata {
            let list = labels.firstIndex(of: sp.label).map { heaps[$0] } ?? []
            var cut: SelectedTarget?
            for (k, e) in list.enumerated() {
                let t = SelectedTarget(
                    stratum: sp.label, rank: k < sp.n ? k + 1 : k - sp.n + 1,
                    id: pool.id(at: Int(e.index)), key: e.key)
                if k < sp.n {
                    drawn.append(t)
                    if k == sp.n - 1 { cut = t }
                } else {
                    repl.append(t)
                }
            }
            cutoffs.append((sp.label, cut))
        }
        self.drawn = drawn
        self.replacements = repl
        self.cutoffs = cutoffs
    }

    /// Builds from already-known lists (used by the verifier when parsing).
    public init(drawn: [SelectedTarget], replacements: [SelectedTarget], cutoffs: [(stratum: String, cutoff: SelectedTarget?)]) {
        self.drawn = drawn
        self.replacements = replacements
        self.cutoffs = cutoffs
    }

    /// The exact bytes of `selection.txt`.
    public func selectionFileBytes() -> [UInt8] { Self.encode(drawn) }

    /// The exact bytes of `replacements.txt`.
    public func replacementsFileBytes() -> [UInt8] { Self.encode(replacements) }

    static func encode(_ list: [SelectedTarget]) -> [UInt8] {
        TextFile.encode(list.map { [$0.stratum, String($0.rank), $0.id, Bytes.hex64($0.key)] })
    }

    /// Parses `selection.txt` or `replacements.txt` (syntax only; content is checked by comparison).
    public static func parseList(_ bytes: [UInt8], file: String) throws(DrawError) -> [SelectedTarget] {
        var out = [SelectedTarget]()
        for (i, l) in try TextFile.lines(bytes, file: file).enumerated() {
            guard l.count == 4, let rank = TextFile.int(l[1]), l[3].utf8.count == 16,
                let kb = Bytes.fromHex(l[3])
            else { throw .syntax(file: file, line: i + 1, detail: "字段") }
            out.append(SelectedTarget(stratum: l[0], rank: rank, id: l[2], key: Bytes.u64be(kb)))
        }
        return out
    }
}

/// A pool index with its key.
struct HeapEntry {
    let key: UInt64
    let index: Int32
}

/// Minimal binary max-heap primitives over an array with a `less` ordering.
enum Heap {
    static func siftUp(_ a: inout [HeapEntry], _ i0: Int, _ less: (HeapEntry, HeapEntry) -> Bool) {
        var i = i0
        while i > 0 {
            let p = (i - 1) / 2
            if less(a[p], a[i]) {
                a.swapAt(p, i)
                i = p
            } else {
                return
            }
        }
    }

    static func siftDown(_ a: inout [HeapEntry], _ i0: Int, _ less: (HeapEntry, HeapEntry) -> Bool) {
        var i = i0
        let n = a.count
        while true {
            let l = 2 * i + 1
            let r = l + 1
            var m = i
            if l < n && less(a[m], a[l]) { m = l }
            if r < n && less(a[m], a[r]) { m = r }
            if m == i { return }
            a.swapAt(i, m)
            i = m
        }
    }
}
