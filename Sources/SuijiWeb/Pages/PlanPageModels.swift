// SPDX-License-Identifier: Apache-2.0

/// View model of `/plans`: the plans the viewer may read and the new-plan form.
/// Mustache reads stored properties only, so every derived value is stored.
struct PlansPage {
    struct Row {
        var url: String
        var code: String
        var name: String
        var year: Int
        var initiator: String
        var participants: String
        var state: String
        var window: String
    }

    struct Option {
        var value: String
        var label: String
        var checked: Bool
    }

    /// The list's filters as chosen.
    struct Filter {
        var text: String
        var count: Int
        var total: Int
        var isActive: Bool
        var years: [Option]
        var states: [Option]
        var departments: [Option]
    }

    /// What the form was filled with (kept when it is sent back with errors).
    struct Values {
        var name = ""
        var code = ""
        var year = ""
        var otherItems = ""
        var areas = ""
        var industries = ""
        var tags = ""
        var windowStart = ""
        var windowEnd = ""
        var notes = ""
    }

    var rows: [Row]
    var isEmpty: Bool
    var columns: [SortableColumn]
    var canCreate: Bool
    var filter: Filter
    var errors: [String]
    var hasErrors: Bool
    var departments: [Option]
    var items: [Option]
    var hasItems: Bool
    var kinds: [Option]
    var values: Values
}

/// View model of `/plans/:id`.
struct PlanPage {
    struct Action {
        var action: String
        var label: String
    }

    struct Item {
        var department: String
        var code: String
        var name: String
    }

    struct DrawLink {
        var id: String
        var url: String
        var state: String
        var publicURL: String
    }

    struct BatchRow {
        var id: Int64
        var code: String
        var window: String
        var size: String
        var options: String
        var draws: [DrawLink]
        var hasDraws: Bool
        var latestDraw: String
        var canPrepare: Bool
    }

    var id: Int64
    var code: String
    var name: String
    var year: Int
    var initiator: String
    var participants: String
    var items: [Item]
    var scope: String
    var window: String
    var notes: String
    var state: String
    var published: String
    var actions: [Action]
    var hasActions: Bool
    var batches: [BatchRow]
    var hasBatches: Bool
    var canAddBatch: Bool
    var errors: [String]
    var hasErrors: Bool
    var roundings: [FieldOption]
    var windowStart: String
    var windowEnd: String
    /// Merge links (§12): the plans merged into this one, or the plan it was merged into.
    var mergedFrom: [MergeLink] = []
    var hasMergedFrom = false
    var mergedInto: MergeLink?

    struct MergeLink {
        var code: String
        var url: String
    }
}
