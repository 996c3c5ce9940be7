// SPDX-License-Identifier: Apache-2.0

/// Reads whole numbers a client sends as text (query parameters, form fields) into a range, so
/// no number can trap the arithmetic that follows. One parser for every such input.
public enum BoundedNumber {
    /// The number in `text` clamped into `range`; nil when the text is missing, empty or not a
    /// whole number (digits with an optional sign, surrounding white space allowed). Numbers
    /// too long for `Int` are clamped to the nearer end of `range` as well.
    public static func int(_ text: (some StringProtocol)?, in range: ClosedRange<Int>) -> Int? {
        guard let text else { return nil }
        let trimmed = String(text).trimmed
        var digits = Substring(trimmed)
        var negative = false
        if let sign = digits.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        guard let magnitude = Int(digits) else { return negative ? range.lowerBound : range.upperBound }
        return min(max(negative ? -magnitude : magnitude, range.lowerBound), range.upperBound)
    }

    /// The number in `text` if it lies in `range`; nil when missing, unreadable or outside it
    /// (for inputs where clamping would change the meaning, such as a year or a version).
    public static func exact(_ text: (some StringProtocol)?, in range: ClosedRange<Int>) -> Int? {
        guard let text, let value = Int(String(text).trimmed), range.contains(value) else { return nil }
        return value
    }
}
