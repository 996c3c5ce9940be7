// SPDX-License-Identifier: Apache-2.0

import Foundation
import VaporCSQLite

/// A value bound to a raw statement.
enum RawBind: Sendable {
    case text(String?)
    case int(Int64)
}

extension SQLiteRaw {
    /// The rows of the cached statement `sql` with `binds` (`?1`, `?2` …), decoded as `T` from
    /// columns named like its keys in snake case (the row types the SQLKit path decodes too).
    func all<T: Decodable>(_ sql: String, _ binds: [RawBind] = [], as type: T.Type = T.self) throws -> [T] {
        let statement = try cached(sql)
        defer { statement.rewind() }
        // Every parameter is bound on each run (a statement's bindings are kept between runs).
        guard binds.count == Int(statement.parameterCount) else {
            throw SQLiteRawError(message: "\(binds.count) values bound to \(statement.parameterCount) parameters", code: SQLITE_MISUSE)
        }
        for (index, value) in binds.enumerated() {
            switch value {
            case .text(let text): statement.bind(Int32(index + 1), text)
            case .int(let number): statement.bind(Int32(index + 1), number)
            }
        }
        var rows: [T] = []
        let columns = statement.columnIndexes
        while try statement.step() {
            rows.append(try T(from: RawRowDecoder(statement: statement, columns: columns)))
        }
        return rows
    }

    /// The first row, if any.
    func first<T: Decodable>(_ sql: String, _ binds: [RawBind] = [], as type: T.Type = T.self) throws -> T? {
        try all(sql, binds, as: type).first
    }
}

extension SQLiteRawStatement {
    /// Column index by name.
    var columnIndexes: [String: Int32] {
        var indexes: [String: Int32] = [:]
        for index in 0..<columnCount { indexes[columnName(index)] = index }
        return indexes
    }
}

/// Decodes one row of a raw statement; keys in camel case read columns in snake case.
private struct RawRowDecoder: Decoder {
    let statement: SQLiteRawStatement
    let columns: [String: Int32]
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(RawRowContainer(statement: statement, columns: columns))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: codingPath, debugDescription: "rows are keyed"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw DecodingError.typeMismatch(Any.self, .init(codingPath: codingPath, debugDescription: "rows are keyed"))
    }
}

private struct RawRowContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let statement: SQLiteRawStatement
    let columns: [String: Int32]
    var codingPath: [any CodingKey] = []
    var allKeys: [Key] { [] }

    func index(_ key: Key) throws -> Int32 {
        if let index = columns[key.stringValue] ?? columns[Self.snakeCase(key.stringValue)] { return index }
        throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no column \(key.stringValue)"))
    }

    static func snakeCase(_ text: String) -> String {
        var out = ""
        for character in text {
            if character.isUppercase {
                out += "_" + character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out
    }

    func contains(_ key: Key) -> Bool { (try? index(key)) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { statement.isNull(try index(key)) }

    func decode(_ type: String.Type, forKey key: Key) throws -> String { statement.text(try index(key)) ?? "" }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { Int(statement.int64(try index(key))) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { statement.int64(try index(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { Int32(truncatingIfNeeded: statement.int64(try index(key))) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { statement.int64(try index(key)) != 0 }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { Double(statement.text(try index(key)) ?? "") ?? 0 }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let index = try index(key)
        switch type {
        case is String.Type: return (statement.text(index) ?? "") as! T
        case is Int.Type: return Int(statement.int64(index)) as! T
        case is Int64.Type: return statement.int64(index) as! T
        case is Bool.Type: return (statement.int64(index) != 0) as! T
        default:
            throw DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: "unsupported column type"))
        }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        throw DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: "flat rows"))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: codingPath, debugDescription: "flat rows"))
    }

    func superDecoder() throws -> any Decoder { RawRowDecoder(statement: statement, columns: columns) }
    func superDecoder(forKey key: Key) throws -> any Decoder { RawRowDecoder(statement: statement, columns: columns) }
}
