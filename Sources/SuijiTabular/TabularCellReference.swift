// SPDX-License-Identifier: Apache-2.0

/// Conversions between A1-style column letters and 0-based column indexes.
public enum TabularCellReference {
    /// Column letters for a 0-based index: 0 → "A", 25 → "Z", 26 → "AA".
    public static func columnName(_ index: Int) -> String {
        String(decoding: columnLetters(index), as: UTF8.self)
    }

    /// 0-based column index of a reference such as "B3" or "AA", or nil without letters.
    public static func columnIndex(_ reference: String) -> Int? {
        var reference = reference
        return reference.withUTF8 { columnIndex(in: $0, $0.indices) }
    }

    static func columnLetters(_ index: Int) -> [UInt8] {
        var letters: [UInt8] = []
        var n = index + 1
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(UInt8(0x41 + r))
            n = (n - 1) / 26
        }
        letters.reverse()
        return letters
    }

    static func columnIndex(in buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var value = 0
        var sawLetter = false
        for i in range {
            var b = buf[i]
            if b >= 0x61 && b <= 0x7A { b -= 0x20 }
            guard b >= 0x41 && b <= 0x5A else { break }
            value = value * 26 + Int(b - 0x40)
            sawLetter = true
            if value > 1_000_000 { return nil }
        }
        return sawLetter ? value - 1 : nil
    }
}
