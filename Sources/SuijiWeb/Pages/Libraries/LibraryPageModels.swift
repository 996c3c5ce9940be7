// SPDX-License-Identifier: Apache-2.0

/// View model of a library listing.
struct ListPage: PageModel {
    /// Mustache reads stored properties only, so derived values are stored.
    struct Row: Encodable {
        var url: String
        var first: String
        var rest: [String]

        init(url: String, cells: [String]) {
            self.url = url
            first = cells.first ?? ""
            rest = Array(cells.dropFirst())
        }
    }

    struct Filter: Encodable {
        var name: String
        var label: String
        var options: [FieldOption]
    }

    var title: String
    var path: String
    var listURL: String
    var newURL: String
    var search: String
    var columns: [SortableColumn]
    var rows: [Row]
    var filters: [Filter]
    var total: Int
    var pager: Pager
    var canCreate: Bool
    var exportURL: String
    var isEmpty: Bool
}

/// View model of a record's detail page.
struct DetailPage {
    struct Field {
        var label: String
        var value: String
    }

    /// A table under the fields (versions, status history, conflicts).
    struct Section {
        var title: String
        var columns: [String]
        var rows: [Cells]
        var isEmpty: Bool

        struct Cells {
            var cells: [String]
        }

        init(title: String, columns: [String], rows: [[String]]) {
            self.title = title
            self.columns = columns
            self.rows = rows.map(Cells.init)
            isEmpty = rows.isEmpty
        }
    }

    var title: String
    var path: String
    var listURL: String
    var fields: [Field]
    var editURL: String?
    var sections: [Section]
}

/// View model of a create/edit form.
struct FormPage {
    struct Field {
        var name: String
        var label: String
        var value: String
        var options: [FieldOption]
        var isSelect: Bool
        var error: String?
    }

    var title: String
    var action: String
    var cancelURL: String
    var errors: [String]
    var fields: [Field]
    var hasErrors: Bool
}
