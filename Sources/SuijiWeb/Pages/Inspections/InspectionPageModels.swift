// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore

/// The inspection list: "我的检查任务" for inspectors, the visible inspections for the others.
/// Stored properties only (Mustache reads them through Mirror).
struct InspectionsPage {
    struct Row {
        var url: String
        var target: String
        var plan: String
        var planURL: String
        var window: String
        var due: String
        var remaining: String
        var overdue: Bool
        var state: String
        var today: Bool
        var contact: WorkQueuePage.Contact?
    }

    var title: String
    var rows: [Row]
    var isEmpty: Bool
    var states: [FieldOption]
    var overdueOnly: Bool
    var columns: [SortableColumn]
    var pager: Pager
}

/// One inspection: the record, the team's entry forms and the reviewer's buttons.
struct InspectionPage {
    struct Member {
        var role: String
        var name: String
        var department: String
    }

    struct Item {
        var department: String
        var code: String
        var name: String
        var methods: String
        var result: String
        var hasResult: Bool
    }

    struct Event {
        var at: String
        var actor: String
        var action: String
        var change: String
        var reason: String
    }

    struct Option {
        var value: String
        var label: String
        var checked: Bool
    }

    /// A professional body or expert entrusted (§16.2).
    struct Entrusted {
        var kind: String
        var entrustee: String
        var items: String
        var work: String
        var date: String
        var by: String
    }

    /// The entry form of one item, filled with the recorded finding or the rejected input.
    struct Entry {
        var department: String
        var departmentName: String
        var code: String
        var name: String
        var methods: [Option]
        var categories: [Option]
        var kinds: [Option]
        var settledOnline: Bool
        var notes: String
        var errors: [String]
        var hasErrors: Bool
    }

    var id: Int64
    var target: String
    var targetUID: String
    /// Where the target is and how to call it (a `tel:` link on phones).
    var contact: WorkQueuePage.Contact?
    var plan: String
    var planURL: String
    var drawID: String
    var window: String
    var departments: String
    var due: String
    var remaining: String
    var overdue: Bool
    var late: Bool
    var state: String
    var returnReason: String
    var hasReturnReason: Bool
    var notice: String
    var plannedDate: String
    var canSchedule: Bool
    var scheduleValue: String
    var windowStart: String
    var windowEnd: String
    var scheduleErrors: [String]
    var hasScheduleErrors: Bool
    var team: [Member]
    var items: [Item]
    var trail: [Event]
    var hasTrail: Bool
    var errors: [String]
    var hasErrors: Bool
    var canEnter: Bool
    var channels: [Option]
    var noticeDate: String
    var notNotified: Bool
    var legalGround: String
    var noticeErrors: [String]
    var hasNoticeErrors: Bool
    var entries: [Entry]
    var canSubmit: Bool
    var canApprove: Bool
    var canReturn: Bool
    var canPublish: Bool
    var isReviewer: Bool
    var records: InspectionRecordsSection
    var urls: InspectionLinks
}
