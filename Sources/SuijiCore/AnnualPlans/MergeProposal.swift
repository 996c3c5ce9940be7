// SPDX-License-Identifier: Apache-2.0

/// A merge proposal shown to the office: two submitted plans close enough for one visit to
/// cover them. Accepting makes one joint plan; the originals stay, marked merged and linked.
public struct MergeProposal: Sendable, Codable, Equatable, Identifiable {
    public enum State: String, Sendable, Codable, CaseIterable {
        case open
        case accepted
        case rejected
        /// One of its plans was decided otherwise (merged elsewhere, approved, sent back).
        case withdrawn

        public var label: String {
            switch self {
            case .open: "待处理"
            case .accepted: "已采纳"
            case .rejected: "不采纳"
            case .withdrawn: "已失效"
            }
        }
    }

    public var id: Int64
    public var year: Int
    /// The plans' ids, lower first.
    public var planIDs: [Int64]
    public var planCodes: [String]
    public var measure: MergeMeasure
    public var state: State
    public var note: String
    public var decidedBy: String?
    public var decidedAt: String?
    /// The joint plan made when accepted.
    public var mergedPlanID: Int64?
    public var createdAt: String

    public init(
        id: Int64 = 0, year: Int, planIDs: [Int64], planCodes: [String], measure: MergeMeasure, state: State = .open, note: String = "",
        decidedBy: String? = nil, decidedAt: String? = nil, mergedPlanID: Int64? = nil, createdAt: String
    ) {
        self.id = id
        self.year = year
        self.planIDs = planIDs
        self.planCodes = planCodes
        self.measure = measure
        self.state = state
        self.note = note
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.mergedPlanID = mergedPlanID
        self.createdAt = createdAt
    }

    /// The code of the joint plan an accepted proposal makes, e.g. `2026-HB-3`.
    public var mergedCode: String { "\(year)-HB-\(id)" }
}

/// The office's decision on a proposal.
public enum MergeDecision: String, Sendable, Codable, CaseIterable {
    case accept
    case reject
}
