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
    public static func parse(_ bytes: [UInt8]) throws(DrawError) -> CanonicalPool {
        let file = "pool.txt"
        var ids = [UInt8]()
        var offs = [0]
        var labels = [String]()
        var labelIndex = [[UInt8]: UInt16]()
        var sIndex = [UInt16]()
        var divs = [UInt32]()
        var streets = [UInt8]()
        var sOffs = [0]
        if !bytes.isEmpty && bytes.last != 10 { throw .syntax(file: file, line: 0, detail: "缺少结尾换行") }
        var line = 0
        var pos = 0
        let n = bytes.count
        var prevStart = 0
        var prevEnd = 0
        try bytes.withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) throws(DrawError) in
            while pos < n {
                line += 1
                var fields = [Range<Int>]()
                var s = pos
                while true {
                    let c = p[pos]
                    if c == 9 || c == 10 {
                        fields.append(s..<pos)
                        s = pos + 1
                        if c == 10 { break }
                    } else if c < 0x20 || c >= 0x7F {
                        throw .syntax(file: file, line: line, detail: "非法字符")
                    }
                    pos += 1
                }
                pos += 1
                guard fields.count == 4 else { throw .syntax(file: file, line: line, detail: "字段数应为 4") }
                let idR = fields[0]
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
                let st = Array(p[fields[1]])
                if let k = labelIndex[st] {
                    sIndex.append(k)
                } else {
                    let label = String(decoding: st, as: UTF8.self)
                    guard TextFile.isStratum(label) else { throw .syntax(file: file, line: line, detail: "层标签") }
                    labelIndex[st] = UInt16(labels.count)
                    sIndex.append(UInt16(labels.count))
                    labels.append(label)
                }
                let dv = p[fields[2]]
                guard dv.count == 6, dv.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
                    throw .syntax(file: file, line: line, detail: "区划代码")
                }
                divs.append(dv.reduce(UInt32(0)) { $0 * 10 + UInt32($1 - 48) })
                let sv = p[fields[3]]
                guard sv.count <= 12, sv.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
                    throw .syntax(file: file, line: line, detail: "街道代码")
                }
                streets.append(contentsOf: sv)
                sOffs.append(streets.count)
            }
        }
        return CanonicalPool(
            parsed: bytes, ids: ids, idOffsets: offs, stratumLabels: labels, stratumIndex: sIndex, divisions: divs, streets: streets,
            streetOffsets: sOffs)
    }
}
