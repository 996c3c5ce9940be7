// SPDX-License-Identifier: Apache-2.0

/// A ratio entered as a percentage with per-mille precision ("3.5" % = 35 ‰), as officials write
/// them ("抽查比例不低于 3%"), and shown back the same way. The draw itself works in ‰.
public enum Permille {
    /// The per-mille value of `text`, a percentage 0–100 with at most one decimal ("3", "3.5",
    /// "０.５%" full width too); nil when it is not one.
    public static func fromPercent(_ text: String) -> Int? {
        var digits = ""
        for scalar in text.trimmed.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19: digits.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case 0xFF0E, 0x3002: digits.append(".")
            case 0x25, 0xFF05: continue  // a trailing % sign
            default: digits.unicodeScalars.append(scalar)
            }
        }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.count <= 3, whole.allSatisfy(\.isASCIIDigit),
            let units = Int(whole)
        else { return nil }
        var tenths = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard fraction.count == 1, let digit = fraction.first, digit.isASCIIDigit else { return nil }
            tenths = Int(String(digit))!
        }
        let value = units * 10 + tenths
        return value <= 1000 ? value : nil
    }

    /// "3.5%", "10%", "0%".
    public static func percentText(_ permille: Int) -> String {
        let sign = permille < 0 ? "-" : ""
        let magnitude = abs(permille)
        return sign + (magnitude % 10 == 0 ? "\(magnitude / 10)%" : "\(magnitude / 10).\(magnitude % 10)%")
    }

    /// The value a form field shows for `permille`: "3.5", "10".
    public static func percentField(_ permille: Int) -> String {
        String(percentText(permille).dropLast())
    }
}
