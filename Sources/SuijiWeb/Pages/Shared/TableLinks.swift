// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiStore

/// A column header of a sortable table: a link that sorts by it (ascending first, then
/// descending), with the current order marked. Sorting is the server's (`?sort=&dir=`).
struct SortableColumn: Encodable {
    var label: String
    /// Nil for a column that does not sort.
    var url: String?
    /// "▲" or "▼" on the column the table is sorted by.
    var mark: String?
    /// `ascending` or `descending` for assistive technology, on the sorted column.
    var ariaSort: String?
}

/// One link of a pager: a page number, or a gap ("…").
struct PageLink: Encodable {
    var number: Int
    var url: String?
    var current: Bool
    var gap: Bool
}

/// The pager under a table: previous, the page numbers around the current one, next.
struct Pager: Encodable {
    var page: Int
    var pageCount: Int
    var total: Int
    var previousURL: String?
    var nextURL: String?
    var pages: [PageLink]
    var hasPages: Bool
}

/// Builds the links of sortable, paged tables from the request's own query, keeping its search
/// and filters.
struct TableLinks {
    let path: String
    let query: [(String, String)]

    init(path: String, query: [(String, String)]) {
        self.path = path
        self.query = query
    }

    /// The links of the request `uri`'s path and query.
    init(path: String, parameters: some Sequence<(key: Substring, value: Substring)>) {
        self.init(path: path, query: parameters.map { (String($0.key), String($0.value)) })
    }

    /// The current sort of `?sort=&dir=` when `allowed` holds the key.
    func sort(allowed: some Collection<String>) -> ListSort? {
        guard let key = value("sort"), allowed.contains(key) else { return nil }
        return ListSort(key: key, descending: value("dir") == "desc")
    }

    func value(_ name: String) -> String? { query.last { $0.0 == name }?.1 }

    /// This page's URL with `changes` applied (nil removes a parameter).
    func url(_ changes: [String: String?]) -> String {
        var items = query.filter { changes[$0.0] == nil }
        for (name, value) in changes.sorted(by: { $0.key < $1.key }) { if let value { items.append((name, value)) } }
        guard !items.isEmpty else { return path }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        return path + "?"
            + items.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
    }

    /// Headers for `labels`, sortable where `keys` has a key.
    func columns(_ labels: [String], keys: [String?], current: ListSort?) -> [SortableColumn] {
        zip(labels, keys).map { label, key in
            guard let key else { return SortableColumn(label: label) }
            let isCurrent = current?.key == key
            let descending = isCurrent && current?.descending == false
            return SortableColumn(
                label: label, url: url(["sort": key, "dir": descending ? "desc" : "asc", "page": nil]),
                mark: isCurrent ? (current?.descending == true ? "▼" : "▲") : nil,
                ariaSort: isCurrent ? (current?.descending == true ? "descending" : "ascending") : nil)
        }
    }

    /// The pager of page `page` of `pageCount` (`total` rows).
    func pager(page: Int, pageCount: Int, total: Int) -> Pager {
        let links = PageNumber.window(page: page, pageCount: pageCount).map { number in
            number.map { PageLink(number: $0, url: $0 == page ? nil : url(["page": String($0)]), current: $0 == page, gap: false) }
                ?? PageLink(number: 0, url: nil, current: false, gap: true)
        }
        return Pager(
            page: page, pageCount: pageCount, total: total, previousURL: page > 1 ? url(["page": String(page - 1)]) : nil,
            nextURL: page < pageCount ? url(["page": String(page + 1)]) : nil, pages: links, hasPages: !links.isEmpty)
    }
}
