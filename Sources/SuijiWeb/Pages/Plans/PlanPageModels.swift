// SPDX-License-Identifier: Apache-2.0

/// View model of `/plans`: the plans the viewer may read, sortable and filtered.
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

    var rows: [Row]
    var isEmpty: Bool
    var columns: [SortableColumn]
    /// A department admin may start a plan (`/plans/new`).
    var canCreate: Bool
    var filter: Filter
}

/// View model of `/plans/:id`.
struct PlanPage {
    struct Action {
        var action: String
        var label: String
        var url: String
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
        /// The initiator may change or delete the batch: no draw yet.
        var canEdit: Bool
        var editURL: String
        var prepareURL: String
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
    /// The new-batch form, as posted when it came back, and its preview.
    var batch: BatchFormValues
    var batchPreview: PoolPreviewModel?
    /// The plan's window: the batch dates' bounds.
    var minDate: String
    var maxDate: String
    /// The initiator may change or delete the plan: it is a draft.
    var canEdit: Bool
    /// Merge links (§12): the plans merged into this one, or the plan it was merged into.
    var mergedFrom: [MergeLink] = []
    var hasMergedFrom = false
    var mergedInto: MergeLink?
    /// The plan's own links (`PlanPaths`).
    var editURL = ""
    var addBatchURL = ""
    var deleteURL = ""

    struct MergeLink {
        var code: String
        var url: String
    }
}
