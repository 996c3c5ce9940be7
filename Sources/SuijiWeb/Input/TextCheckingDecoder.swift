// SPDX-License-Identifier: Apache-2.0

import SuijiCore

/// A `Decoder` over another that checks every string a type actually decodes with `TextSafety`
/// (so unknown fields a client adds, which are ignored, are not judged), and reports the first
/// offending one with its coding path (`items.0.notes`). An explicit `null` for a field is
/// refused too: no field of the API is nullable.
struct TextCheckingDecoder: Decoder {
    /// The first string refused, with its path.
    final class Finding: @unchecked Sendable {
        var issue: FieldIssue?

        func check(_ text: String, path: [any CodingKey]) {
            guard issue == nil, let scalar = TextSafety.forbidden(in: text) else { return }
            let field = path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            let name = field.isEmpty ? "请求内容" : "字段 \(field) "
            issue = FieldIssue(field: field.isEmpty ? "body" : field, message: TextSafety.message(label: name, scalar: scalar))
        }
    }

    let base: any Decoder
    let finding: Finding

    var codingPath: [any CodingKey] { base.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { base.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Keyed(base: try base.container(keyedBy: type), finding: finding))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        Unkeyed(base: try base.unkeyedContainer(), finding: finding)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        Single(base: try base.singleValueContainer(), finding: finding)
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let base: KeyedDecodingContainer<Key>
        let finding: Finding

        var codingPath: [any CodingKey] { base.codingPath }
        var allKeys: [Key] { base.allKeys }
        func contains(_ key: Key) -> Bool { base.contains(key) }
        /// An explicit `null` is refused (the spec declares no field nullable: leave it out instead).
        func decodeNil(forKey key: Key) throws -> Bool {
            guard try base.decodeNil(forKey: key) else { return false }
            let field = (codingPath + [key]).map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            throw RequestError(issue: FieldIssue(field: field, message: "字段 \(field) 不能为 null：没有值时请省略该字段"))
        }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try base.decode(type, forKey: key) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String {
            let text = try base.decode(type, forKey: key)
            finding.check(text, path: codingPath + [key])
            return text
        }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try base.decode(type, forKey: key) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try base.decode(type, forKey: key) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try base.decode(type, forKey: key) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try base.decode(type, forKey: key) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try base.decode(type, forKey: key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try base.decode(type, forKey: key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try base.decode(type, forKey: key) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try base.decode(type, forKey: key) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try base.decode(type, forKey: key) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try base.decode(type, forKey: key) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try base.decode(type, forKey: key) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try base.decode(type, forKey: key) }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try T(from: TextCheckingDecoder(base: try base.superDecoder(forKey: key), finding: finding))
        }
        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            KeyedDecodingContainer(Keyed<NestedKey>(base: try base.nestedContainer(keyedBy: type, forKey: key), finding: finding))
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            Unkeyed(base: try base.nestedUnkeyedContainer(forKey: key), finding: finding)
        }
        func superDecoder() throws -> any Decoder { TextCheckingDecoder(base: try base.superDecoder(), finding: finding) }
        func superDecoder(forKey key: Key) throws -> any Decoder {
            TextCheckingDecoder(base: try base.superDecoder(forKey: key), finding: finding)
        }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        var base: any UnkeyedDecodingContainer
        let finding: Finding

        var codingPath: [any CodingKey] { base.codingPath }
        var count: Int? { base.count }
        var isAtEnd: Bool { base.isAtEnd }
        var currentIndex: Int { base.currentIndex }
        mutating func decodeNil() throws -> Bool { try base.decodeNil() }
        mutating func decode(_ type: String.Type) throws -> String {
            let index = IndexKey(intValue: base.currentIndex)
            let text = try base.decode(type)
            finding.check(text, path: codingPath + [index])
            return text
        }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try T(from: TextCheckingDecoder(base: try base.superDecoder(), finding: finding))
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            KeyedDecodingContainer(Keyed<NestedKey>(base: try base.nestedContainer(keyedBy: type), finding: finding))
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            Unkeyed(base: try base.nestedUnkeyedContainer(), finding: finding)
        }
        mutating func superDecoder() throws -> any Decoder { TextCheckingDecoder(base: try base.superDecoder(), finding: finding) }
    }

    struct Single: SingleValueDecodingContainer {
        let base: any SingleValueDecodingContainer
        let finding: Finding

        var codingPath: [any CodingKey] { base.codingPath }
        func decodeNil() -> Bool { base.decodeNil() }
        func decode(_ type: Bool.Type) throws -> Bool { try base.decode(type) }
        func decode(_ type: String.Type) throws -> String {
            let text = try base.decode(type)
            finding.check(text, path: codingPath)
            return text
        }
        func decode(_ type: Double.Type) throws -> Double { try base.decode(type) }
        func decode(_ type: Float.Type) throws -> Float { try base.decode(type) }
        func decode(_ type: Int.Type) throws -> Int { try base.decode(type) }
        func decode(_ type: Int8.Type) throws -> Int8 { try base.decode(type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try base.decode(type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try base.decode(type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try base.decode(type) }
        func decode(_ type: UInt.Type) throws -> UInt { try base.decode(type) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try base.decode(type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try base.decode(type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try base.decode(type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try base.decode(type) }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try base.decode(type) }
    }

    struct IndexKey: CodingKey {
        var stringValue: String { String(intValue ?? 0) }
        var intValue: Int?
        init(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { intValue = Int(stringValue) }
    }

    /// Decodes `T` from its top-level decoder through the checking decoder.
    struct Probe<T: Decodable>: Decodable {
        let value: T
        let issue: FieldIssue?

        init(from decoder: any Decoder) throws {
            let finding = Finding()
            value = try T(from: TextCheckingDecoder(base: decoder, finding: finding))
            issue = finding.issue
        }
    }
}
