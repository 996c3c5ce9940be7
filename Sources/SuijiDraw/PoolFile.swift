// SPDX-License-Identifier: Apache-2.0

/// Encoding and strict decoding of `pool.txt` (spec §2) directly on bytes.
public enum PoolFile {
    static func sixDigits(_ v: UInt32) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, 6 - s.count)) + s
    }

    /// Emits the file in chunks of about 64 KiB.
    static func stream(
        _ ids: [UInt8], _ offs: [Int], _ labels: [String], _ sIndex: [UInt16], _ divs: [UInt32],
        _ streets: [UInt8], _ sOffs: [Int], _ sink: ([UInt8]) -> Void
    ) {
        let labelBytes = labels.map { Array($0.utf8) }
        var buf = [UInt8]()
        buf.reserveCapacity(70_000)
        for i in 0..<(offs.count - 1) {
            buf.append(contentsOf: ids[offs[i]..<offs[i + 1]])
            buf.append(9)
            buf.append(contentsOf: labelBytes[Int(sIndex[i])])
            buf.append(9)
            let d = divs[i]
            buf.append(UInt8(48 + d / 100_000 % 10))
            buf.append(UInt8(48 + d / 10_000 % 10))
            buf.append(UInt8(48 + d / 1_000 % 10))
            buf.append(UInt8(48 + d / 100 % 10))
            buf.append(UInt8(48 + d / 10 % 10))
            buf.append(UInt8(48 + d % 10))
            buf.append(9)
            buf.append(contentsOf: streets[sOffs[i]..<sOffs[i + 1]])
            buf.append(10)
            if buf.count >= 65_536 {
                sink(buf)
                buf.removeAll(keepingCapacity: true)
            }
        }
        if !buf.isEmpty { sink(buf) }
    }

    /// Parses `pool.txt`, rejecting any deviation from the canonical form
    /// (field grammar, strictly ascending ids). The result re-encodes to the same bytes.
    /// `digest`, when given, is the file's SHA-256 as computed when it was stored (not hashed again).
    public static func parse(_ bytes: [UInt8], digest: String? = nil) throws(DrawError) -> CanonicalPool {
        let file = "pool.txt"
        var ids = [UInt8]()
        var offs = [0]
        var labels = [String]()
        var sIndex = [UInt16]()
        var divs = [UInt32]()
        var streets = [UInt8]()
        var sOffs = [0]
        if !bytes.isEmpty && bytes.last != 10 { throw .syntax(file: file, line: 0, detail: "缺少结尾换行") }
        let expected = bytes.count / 32
        ids.reserveCapacity(expected * 18)
        offs.reserveCapacity(expected + 1)
        sIndex.reserveCapacity(expected)
        divs.reserveCapacity(expected)
        streets.reserveCapacity(expected * 12)
        sOffs.reserveCapacity(expected + 1)
        var line = 0
        var pos = 0
        let n = bytes.count
        var prevStart = 0
        var prevEnd = 0
        // Stratum labels seen so far, compared in place (no array or hash per line).
        var known: [(bytes: [UInt8], index: UInt16)] = []
        try bytes.withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) throws(DrawError) in
            while pos < n {
                line += 1
                // Up to the four fields' bounds; `tabs` counts every TAB of the line.
                var tabs = 0
                var t1 = 0
                var t2 = 0
                var t3 = 0
                let s = pos
                while true {
                    let c = p[pos]
                    if c == 9 {
                        tabs += 1
                        if tabs == 1 { t1 = pos } else if tabs == 2 { t2 = pos } else if tabs == 3 { t3 = pos }
                    } else if c == 10 {
                        break
                    } else if c < 0x20 || c >= 0x7F {
                        throw .syntax(file: file, line: line, detail: "非法字符")
                    }
                    pos += 1
                }
                let e = pos
                pos += 1
                guard tabs == 3 else { throw .syntax(file: file, line: line, detail: "字段数应为 4") }
                let idR = s..<t1
                guard TextFile.isTargetID(p[idR]) else { throw .syntax(file: file, line: line, detail: "标识字符集") }
                if line > 1 {
                    let c = PoolSorting.compareRaw(p, prevStart, prevEnd, p, idR.lowerBound, idR.upperBound)
                    if c == 0 {
                        throw .duplicate(file: file, line: line, value: String(decoding: p[idR], as: UTF8.self))
                    }
                    if c > 0 { throw .unsorted(file: file, line: line) }
                }
                prevStart = idR.lowerBound
                prevEnd = idR.upperBound
                ids.append(contentsOf: p[idR])
                offs.append(ids.count)
                let st = p[(t1 + 1)..<t2]
                if let k = known.first(where: { $0.bytes.elementsEqual(st) }) {
                    sIndex.append(k.index)
                } else {
                    let label = String(decoding: st, as: UTF8.self)
                    guard TextFile.isStratum(label) else { throw .syntax(file: file, line: line, detail: "层标签") }
                    known.append((Array(st), UInt16(labels.count)))
                    sIndex.append(UInt16(labels.count))
                    labels.append(label)
                }
                let dv = p[(t2 + 1)..<t3]
                guard dv.count == 6, dv.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
                    throw .syntax(file: file, line: line, detail: "区划代码")
                }
                divs.append(dv.reduce(UInt32(0)) { $0 * 10 + UInt32($1 - 48) })
                let sv = p[(t3 + 1)..<e]
                guard sv.count <= 12, sv.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
                    throw .syntax(file: file, line: line, detail: "街道代码")
                }
                streets.append(contentsOf: sv)
                sOffs.append(streets.count)
            }
        }
        return CanonicalPool(
            parsed: bytes, digest: digest, ids: ids, idOffsets: offs, stratumLabels: labels, stratumIndex: sIndex, divisions: divs,
            streets: streets, streetOffsets: sOffs)
    }
}
