// SPDX-License-Identifier: Apache-2.0

/// Display rules for numeric cell values read from XLSX.
///
/// The literal `<v>` text is kept, except that integral values lose a trailing
/// ".0" ("12.0" → "12") and integral scientific notation below 1e15 is expanded
/// ("1.2E+3" → "1200"). Dates are stored by Excel as serial numbers and are
/// returned as that number text (e.g. "45292" for 2024-01-01); number formats are
/// not applied.
public enum TabularNumberText {
    /// The display text for the literal numeric value `literal`.
    public static func display(_ literal: String) -> String {
        var sawDot = false
        var sawExponent = false
        for b in literal.utf8 {
            if b == 0x2E { sawDot = true } else if b == 0x45 || b == 0x65 { sawExponent = true }
        }
        if sawExponent {
            if let d = Double(literal), d.rounded() == d, abs(d) < 1e15 {
                return String(Int64(d))
            }
            return literal
        }
        guard sawDot else { return literal }
        // Strip a fractional part made only of zeros: "12.0" / "12.000" → "12".
        var utf8 = Array(literal.utf8)
        guard let dot = utf8.firstIndex(of: 0x2E) else { return literal }
        if utf8[(dot + 1)...].allSatisfy({ $0 == 0x30 }) {
            utf8.removeSubrange(dot...)
            if utf8.isEmpty || utf8 == [0x2D] { return "0" }
            if utf8 == [0x2D, 0x30] { return "0" }
            return String(decoding: utf8, as: UTF8.self)
        }
        return literal
    }
}
