// SPDX-License-Identifier: Apache-2.0

import Foundation
import Mustache

/// A page model turned into a context Mustache reads without reflection: the model's compiled
/// `Encodable` conformance runs once per page and fills a tree of nodes that answer Mustache's
/// look-ups by dictionary (`MustacheParent`), instead of Mustache building a `Mirror` of the
/// model at every `{{name}}` (and again at every level it climbs). Keys and nesting are the
/// model's, so templates are unchanged; a nil optional is left out, which Mustache reads as nil.
enum MustacheContext {
    /// The context of `value`.
    static func make<Value: Encodable>(_ value: Value) -> Any {
        let node = ContextNode()
        do {
            try value.encode(to: ContextEncoder(node: node))
        } catch {
            return [String: Any]()
        }
        return node.contextValue ?? [String: Any]()
    }
}

/// One value of the context: a leaf (string, number, boolean), an object or a list.
final class ContextNode: MustacheParent {
    var fields: [String: ContextNode]?
    var items: [ContextNode]?
    var leaf: Any?

    func child(named name: String) -> Any? { fields?[name]?.contextValue }

    /// What Mustache sees: the leaf itself, the node as an object, or the list's values.
    var contextValue: Any? {
        if let items { return items.map(\.contextValue) }
        if fields != nil { return self }
        return leaf
    }

    func field(_ key: String) -> ContextNode {
        let node = ContextNode()
        if fields == nil { fields = [:] }
        fields![key] = node
        return node
    }

    func append() -> ContextNode {
        let node = ContextNode()
        if items == nil { items = [] }
        items!.append(node)
        return node
    }
}

private struct ContextEncoder: Encoder {
    let node: ContextNode
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.fields == nil { node.fields = [:] }
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.items == nil { node.items = [] }
        return UnkeyedContainer(node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(node: node) }
}

/// Encodes `value` into `node`: the common leaves directly, anything else by its conformance.
private func encodeValue<T: Encodable>(_ value: T, into node: ContextNode) throws {
    switch value {
    case let text as String: node.leaf = text
    case let flag as Bool: node.leaf = flag
    case let number as Int: node.leaf = number
    case let number as Int64: node.leaf = number
    case let number as Double: node.leaf = number
    default: try value.encode(to: ContextEncoder(node: node))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: ContextNode
    var codingPath: [any CodingKey] = []

    mutating func encodeNil(forKey key: Key) throws {}

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encodeValue(value, into: node.field(key.stringValue))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let child = node.field(key.stringValue)
        child.fields = [:]
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = node.field(key.stringValue)
        child.items = []
        return UnkeyedContainer(node: child)
    }

    mutating func superEncoder() -> any Encoder { ContextEncoder(node: node.field("super")) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { ContextEncoder(node: node.field(key.stringValue)) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: ContextNode
    var codingPath: [any CodingKey] = []
    var count: Int { node.items?.count ?? 0 }

    mutating func encodeNil() throws { _ = node.append() }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encodeValue(value, into: node.append())
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = node.append()
        child.fields = [:]
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = node.append()
        child.items = []
        return UnkeyedContainer(node: child)
    }

    mutating func superEncoder() -> any Encoder { ContextEncoder(node: node.append()) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let node: ContextNode
    var codingPath: [any CodingKey] = []

    mutating func encodeNil() throws {}

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encodeValue(value, into: node)
    }
}
