// SPDX-License-Identifier: Apache-2.0

import Foundation

/// The result of one check item of an inspection (§16.3), entered by a member of the team
/// ("谁检查、谁录入、谁负责").
public struct Finding: Sendable, Codable, Equatable {
    /// The plan item checked.
    public var item: PlanItem
    /// The method(s) used.
    public var methods: [CheckMethod]
    public var category: ResultCategory
    /// The kinds of serious non-cooperation, for `ResultCategory.nonCooperation` only.
    public var nonCooperation: [NonCooperation]
    public var notes: String
    /// Settled by online check (§16.1): not re-checked on site.
    public var settledOnline: Bool
    /// The inspector who entered it (`Account.inspectorID`).
    public var enteredByInspector: Int64?
    /// The account that entered it.
    public var enteredBy: String
    public var enteredAt: Date

    /// Creates a finding.
    public init(
        item: PlanItem, methods: [CheckMethod], category: ResultCategory, nonCooperation: [NonCooperation] = [], notes: String = "",
        settledOnline: Bool = false, enteredByInspector: Int64? = nil, enteredBy: String, enteredAt: Date
    ) {
        self.item = item
        self.methods = methods
        self.category = category
        self.nonCooperation = nonCooperation
        self.notes = notes
        self.settledOnline = settledOnline
        self.enteredByInspector = enteredByInspector
        self.enteredBy = enteredBy
        self.enteredAt = enteredAt
    }
}
