// SPDX-License-Identifier: Apache-2.0

import Foundation

/// A 统一社会信用代码 (unified social credit code) of GB 32100-2015.
///
/// Layout: registration authority (1) · organisation type (1) · administrative division (6)
/// · subject identifier = GB 11714 organisation code (9, its last character a check character)
/// · check character (1). Only the 31 characters `0-9 A-H J-N P-R T U W-Y` are allowed.
public struct CreditCode: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The 18 characters, upper case.
    public let value: String

    /// The allowed characters in order of their numeric value (0…30).
    public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    /// Weights of positions 1…17 (3^(i-1) mod 31).
    public static let weights: [Int] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    /// Weights of the first 8 characters of a GB 11714 organisation code.
    static let organisationWeights: [Int] = [3, 7, 9, 10, 5, 8, 4, 2]

    /// Parses and validates a credit code; surrounding spaces are trimmed, full-width digits and
    /// letters (typed with a Chinese input method: `９１３６…`) read as their half-width forms,
    /// and letters upper-cased.
    public init(_ text: String) throws(CreditCodeError) {
        var trimmed = text.trimmed
        var changed = false
        if !trimmed.utf8.allSatisfy({ $0 < 0x80 }) {
            trimmed = Self.halfWidth(trimmed)
            changed = true
        }
        var bytes = Array(trimmed.utf8)
        guard bytes.count == 18 else {
            // 18 characters, some of them not ASCII: name the first such character.
            let scalars = Array(trimmed.unicodeScalars)
            if scalars.count == 18, let index = scalars.firstIndex(where: { !$0.isASCII }) {
                throw .invalidCharacter(position: index + 1, character: String(scalars[index]))
            }
            throw .length(scalars.count)
        }
        for index in bytes.indices where bytes[index] >= 97 && bytes[index] <= 122 {
            bytes[index] -= 32
            changed = true
        }
        var sum = 0
        var last = 0
        for (index, byte) in bytes.enumerated() {
            guard let value = Self.value(of: byte) else {
                throw .invalidCharacter(position: index + 1, character: String(UnicodeScalar(byte)))
            }
            if index < 17 { sum += value * Self.weights[index] } else { last = value }
        }
        guard let types = Self.typeTable[Int(bytes[0])] else {
            throw .unknownRegistrationAuthority(String(UnicodeScalar(bytes[0])))
        }
        guard types.contains(bytes[1]) else {
            throw .unknownOrganisationType(authority: String(UnicodeScalar(bytes[0])), type: String(UnicodeScalar(bytes[1])))
        }
        guard Self.isPlausibleDivision(bytes[2..<8]) else {
            throw .invalidDivision(String(decoding: bytes[2..<8], as: UTF8.self))
        }
        guard Self.organisationCodeIsValid(bytes[8..<17]) else {
            throw .organisationCodeCheckFailed(String(decoding: bytes[8..<17], as: UTF8.self))
        }
        let expected = (31 - sum % 31) % 31
        guard expected == last else {
            throw .checkCharacterMismatch(expected: String(Self.alphabet[expected]), actual: String(UnicodeScalar(bytes[17])))
        }
        self.value = changed ? String(decoding: bytes, as: UTF8.self) : trimmed
    }

    /// `text` with full-width ASCII forms (U+FF01–U+FF5E) as their ASCII characters.
    static func halfWidth(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
                scalars.append(ascii)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars).trimmed
    }

    /// Type codes by registration-authority byte, for the hot path of imports.
    private static let typeTable: [Int: Set<UInt8>] = Dictionary(
        uniqueKeysWithValues: RegistrationAuthority.typeCodes.map { authority, types in
            (Int(authority.asciiValue!), Set(types.keys.map { $0.asciiValue! }))
        })

    static func checkValue(_ values: ArraySlice<Int>) -> Int {
        var sum = 0
        for (value, weight) in zip(values, weights) { sum += value * weight }
        return (31 - sum % 31) % 31
    }

    /// Whether `text` is a valid credit code.
    public static func isValid(_ text: String) -> Bool { (try? CreditCode(text)) != nil }

    /// The check character for the first 17 character values.
    public static func checkCharacter<C: Collection>(_ values: C) -> Character where C.Element == Int {
        alphabet[checkValue(ArraySlice(values))]
    }

    /// Completes 17 characters with their check character (for generators and tests).
    public static func completing(_ first17: String) -> String? {
        let bytes = Array(first17.utf8)
        guard bytes.count == 17 else { return nil }
        var values: [Int] = []
        for byte in bytes {
            guard let value = value(of: byte) else { return nil }
            values.append(value)
        }
        return first17 + String(checkCharacter(values))
    }

    /// The GB 11714 check character for an 8-character organisation code body.
    public static func organisationCheckCharacter(_ body: String) -> Character? {
        let bytes = Array(body.utf8)
        guard bytes.count == 8 else { return nil }
        var sum = 0
        for (byte, weight) in zip(bytes, organisationWeights) {
            guard let value = organisationValue(of: byte) else { return nil }
            sum += value * weight
        }
        switch 11 - sum % 11 {
        case 10: return "X"
        case 11: return "0"
        case let digit: return Character(String(digit))
        }
    }

    /// Registration authority code (position 1).
    public var registrationAuthority: Character { value.first! }
    /// Organisation type code (position 2).
    public var organisationType: Character { value[value.index(after: value.startIndex)] }
    /// The 6-digit administrative division (positions 3–8).
    public var division: String { String(value.dropFirst(2).prefix(6)) }
    /// The 9-character organisation code (positions 9–17).
    public var organisationCode: String { String(value.dropFirst(8).prefix(9)) }

    public var description: String { value }
    public static func < (lhs: CreditCode, rhs: CreditCode) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    static func value(of byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return alphabetIndex[Int(byte - UInt8(ascii: "A"))]
        default: return nil
        }
    }

    /// Value of each letter A…Z in the alphabet, nil for I, O, S, V, Z.
    private static let alphabetIndex: [Int?] = (0..<26).map { offset in
        let letter = Character(UnicodeScalar(UInt8(ascii: "A") + UInt8(offset)))
        return alphabet.firstIndex(of: letter)
    }

    private static func organisationValue(of byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(byte - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }

    private static func organisationCodeIsValid(_ bytes: ArraySlice<UInt8>) -> Bool {
        var sum = 0
        for (byte, weight) in zip(bytes.prefix(8), organisationWeights) {
            guard let value = organisationValue(of: byte) else { return false }
            sum += value * weight
        }
        let expected: UInt8 =
            switch 11 - sum % 11 {
            case 10: UInt8(ascii: "X")
            case 11: UInt8(ascii: "0")
            case let digit: UInt8(ascii: "0") + UInt8(digit)
            }
        return bytes.last == expected
    }

    private static func isPlausibleDivision(_ bytes: ArraySlice<UInt8>) -> Bool {
        var number = 0
        for byte in bytes {
            guard byte >= 48 && byte <= 57 else { return false }
            number = number * 10 + Int(byte - 48)
        }
        if number == 100_000 { return true }  // central-level registrations
        return AdministrativeDivision.provinceNumbers.contains(number / 10_000)
    }
}
