// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore

/// Lists of short texts stored in one TEXT column as a JSON array.
enum ListColumn {
    /// Encodes `["a","b"]`; fast enough for bulk imports: no JSONEncoder per row, and the text
    /// escaped byte by byte (every byte of a multi-byte UTF-8 character is ≥ 0x80 and passes as is).
    static func encode(_ values: [String]) -> String {
        if values.isEmpty { return "[]" }
        var out: [UInt8] = []
        out.reserveCapacity(values.reduce(2) { $0 + $1.utf8.count + 3 })
        out.append(0x5B)  // [
        for (index, value) in values.enumerated() {
            if index > 0 { out.append(0x2C) }  // ,
            out.append(0x22)
            for byte in value.utf8 {
                switch byte {
                case 0x22: out += [0x5C, 0x22]  // \"
                case 0x5C: out += [0x5C, 0x5C]  // \\
                case 0x0A: out += [0x5C, 0x6E]  // \n
                case 0x0D: out += [0x5C, 0x72]  // \r
                case 0x09: out += [0x5C, 0x74]  // \t
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    out += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]  // \u00XX
                default: out.append(byte)
                }
            }
            out.append(0x22)
        }
        out.append(0x5D)  // ]
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes a JSON array of strings; anything else gives an empty list.
    static func decode(_ text: String) -> [String] {
        if text == "[]" || text.isEmpty { return [] }
        return (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }
}

/// A page of a listing.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    /// Rows matching the query, over all pages.
    public var total: Int
    /// 1-based page number.
    public var page: Int
    public var perPage: Int

    public init(items: [Item], total: Int, page: Int, perPage: Int) {
        self.items = items
        self.total = total
        self.page = page
        self.perPage = perPage
    }

    /// Number of pages (at least 1).
    public var pageCount: Int { Paging(page: page, perPage: perPage, maxPerPage: perPage).pageCount(total: total) }
}

/// The order a listing is asked for: a key of the listing's whitelist (`sortColumns`), up or down.
public struct ListSort: Sendable, Equatable {
    public var key: String
    public var descending: Bool

    public init(key: String, descending: Bool = false) {
        self.key = key
        self.descending = descending
    }
}

/// Paging and free-text search shared by the library listings.
public struct ListQuery: Sendable {
    /// Matches name or code (substring).
    public var search: String
    /// Restrict to one department (within the caller's scope).
    public var department: String?
    /// Extra equality filters by column name, e.g. `["risk_class": "D"]`; columns are checked
    /// against each listing's allowed filters.
    public var filters: [String: String]
    /// The page asked for, bounded (`Paging`): no page number can overflow the offset.
    public var paging: Paging
    /// Nil for the listing's own order.
    public var sort: ListSort?

    public init(
        search: String = "", department: String? = nil, filters: [String: String] = [:], page: Int = 1, perPage: Int = 50,
        sort: ListSort? = nil
    ) {
        self.init(search: search, department: department, filters: filters, paging: Paging(page: page, perPage: perPage), sort: sort)
    }

    public init(
        search: String = "", department: String? = nil, filters: [String: String] = [:], paging: Paging, sort: ListSort? = nil
    ) {
        self.search = search.trimmingCharacters(in: .whitespaces)
        self.department = department
        self.filters = filters
        self.paging = paging
        self.sort = sort
    }

    /// 1-based page number.
    public var page: Int { paging.page }
    public var perPage: Int { paging.perPage }
    var offset: Int { paging.offset }
}
