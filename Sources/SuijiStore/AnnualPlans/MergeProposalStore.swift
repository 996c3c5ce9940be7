// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// Merge proposals of a year's submitted plans (§12): computed by `MergeRule` over the plans'
/// eligible targets (read the way their draws read them) and check methods; the office accepts
/// (one joint plan replaces them, the originals kept and linked) or rejects each with a note.
public struct MergeProposalStore: Sendable {
    public let database: SuijiDatabase
    public let criteria: MergeCriteria

    public init(database: SuijiDatabase, criteria: MergeCriteria = .standard) {
        self.database = database
        self.criteria = criteria
    }

    static let columns = "id, year, plan_ids, plan_codes, measure, state, note, decided_by, decided_at, merged_plan_id, created_at"

    /// The proposals of `year`, open ones first.
    public func list(year: Int, for account: Account) async throws -> [MergeProposal] {
        try AnnualPlanStore.requireOffice(account, readOnly: true)
        return try await database.read { db in
            try await db.raw("SELECT \(unsafeRaw: Self.columns) FROM merge_proposals WHERE year = \(bind: year) ORDER BY id").all()
                .map(Self.proposal)
        }.sorted { ($0.state != .open ? 1 : 0, $0.id) < ($1.state != .open ? 1 : 0, $1.id) }
    }

    /// One proposal.
    public func get(id: Int64, for account: Account) async throws -> MergeProposal {
        try AnnualPlanStore.requireOffice(account, readOnly: true)
        guard let proposal = try await database.read({ db in try await Self.load(id, on: db) }) else {
            throw PlanError.notFound("未找到合并建议（\(id)）")
        }
        return proposal
    }

    /// Recomputes the proposals of `year` (the office only): new pairs meeting the measure are
    /// added; an open proposal whose plans are no longer both submitted is withdrawn. A pair
    /// already decided is not proposed again. Returns the proposals added.
    @discardableResult
    public func refresh(year: Int, caller: Caller) async throws -> [MergeProposal] {
        try AnnualPlanStore.requireOffice(caller.account)
        let criteria = criteria
        return try await database.write { db in
            let plans = try await AnnualPlanStore.plans(year: year, on: db)
            let existing = try await db.raw("SELECT \(unsafeRaw: Self.columns) FROM merge_proposals WHERE year = \(bind: year)").all()
                .map(Self.proposal)
            let now = Timestamp.format(caller.at)
            let byID = Dictionary(plans.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for proposal in existing where proposal.state == .open {
                if !proposal.planIDs.allSatisfy({ byID[$0].map(MergeRule.isMergeable) ?? false }) {
                    try await db.raw(
                        """
                        UPDATE merge_proposals SET state = 'withdrawn', decided_by = 'system', decided_at = \(bind: now),
                          note = '计划状态已变化' WHERE id = \(bind: proposal.id)
                        """
                    ).run()
                }
            }
            let seen = Set(existing.map(\.planIDs))
            let candidates = try await Self.candidates(plans.filter(MergeRule.isMergeable), on: db)
            var added: [MergeProposal] = []
            for pair in MergeRule.proposals(candidates, criteria: criteria) where !seen.contains([pair.first.id, pair.second.id]) {
                var proposal = MergeProposal(
                    year: year, planIDs: [pair.first.id, pair.second.id], planCodes: [pair.first.code, pair.second.code],
                    measure: pair.measure, createdAt: now)
                let row = try await db.raw(
                    """
                    INSERT INTO merge_proposals (year, plan_ids, plan_codes, measure, state, note, created_at)
                    VALUES (\(bind: year), \(bind: try JSONText.encode(proposal.planIDs)), \(bind: try JSONText.encode(proposal.planCodes)),
                      \(bind: try JSONText.encode(proposal.measure)), 'open', '', \(bind: now)) RETURNING id
                    """
                ).first()
                proposal.id = try row!.decode(column: "id", as: Int64.self)
                added.append(proposal)
            }
            try await AuditLog.append(
                db, caller: caller, action: "refresh-merge-proposals", entity: "annual-plan", entityID: "\(year)",
                detail: ["added": added.map { $0.planCodes.joined(separator: "+") }.joined(separator: ",")])
            return added
        }
    }

    /// Accepts or rejects an open proposal with a note (the office only). Accepting creates the
    /// joint plan (submitted, initiated by the first plan's initiator), marks both originals
    /// merged and links them to it.
    public func decide(id: Int64, _ decision: MergeDecision, note: String, caller: Caller) async throws -> MergeProposal {
        try AnnualPlanStore.requireOffice(caller.account)
        if decision == .reject && note.trimmed.isEmpty {
            throw PlanError.invalid([FieldIssue(field: "note", message: "不采纳合并建议须写明理由")])
        }
        return try await database.write { db in
            guard var proposal = try await Self.load(id, on: db) else { throw PlanError.notFound("未找到合并建议（\(id)）") }
            guard proposal.state == .open else { throw PlanError.conflict("该合并建议已处理（\(proposal.state.label)）") }
            let now = Timestamp.format(caller.at)
            proposal.state = decision == .accept ? .accepted : .rejected
            proposal.note = note.trimmed
            proposal.decidedBy = caller.account.displayName
            proposal.decidedAt = now
            if decision == .accept {
                var plans: [Plan] = []
                for planID in proposal.planIDs {
                    guard let plan = try await PlanStore.load(id: planID, on: db), MergeRule.isMergeable(plan) else {
                        throw PlanError.conflict("计划（\(planID)）已不是“已提交”状态，不能合并")
                    }
                    plans.append(plan)
                }
                let merged = MergeRule.merged(plans, code: proposal.mergedCode, note: proposal.note)
                let issues = merged.validate()
                guard issues.isEmpty else { throw PlanError.invalid(issues) }
                if try await db.raw("SELECT id FROM plans WHERE code = \(bind: merged.code)").first() != nil {
                    throw PlanError.conflict("计划编号 \(merged.code) 已被占用，无法生成合并计划")
                }
                let row = try await db.raw(
                    """
                    INSERT INTO plans (code, name, year, initiator, participants, items, scope, window_start, window_end, notes,
                      state, published, created_at, updated_at)
                    VALUES (\(bind: merged.code), \(bind: merged.name), \(bind: merged.year), \(bind: merged.initiator),
                      \(bind: try JSONText.encode(merged.participants)), \(bind: try JSONText.encode(merged.items)),
                      \(bind: try JSONText.encode(merged.scope)), \(bind: merged.windowStart.iso), \(bind: merged.windowEnd.iso),
                      \(bind: merged.notes), \(bind: merged.state.rawValue), 0, \(bind: now), \(bind: now))
                    RETURNING id
                    """
                ).first()
                let mergedID = try row!.decode(column: "id", as: Int64.self)
                proposal.mergedPlanID = mergedID
                for plan in plans {
                    try await db.raw("UPDATE plans SET state = 'merged', updated_at = \(bind: now) WHERE id = \(bind: plan.id)").run()
                    try await db.raw(
                        """
                        INSERT INTO plan_merges (source_plan_id, merged_plan_id, proposal_id)
                        VALUES (\(bind: plan.id), \(bind: mergedID), \(bind: proposal.id))
                        """
                    ).run()
                }
                // Other open proposals of these plans are now moot: the merged plan is proposed afresh.
                let others = try await db.raw(
                    "SELECT \(unsafeRaw: Self.columns) FROM merge_proposals WHERE year = \(bind: proposal.year) AND state = 'open'"
                ).all().map(Self.proposal).filter { $0.id != id && !Set($0.planIDs).isDisjoint(with: proposal.planIDs) }
                for other in others {
                    try await db.raw(
                        """
                        UPDATE merge_proposals SET state = 'withdrawn', decided_by = 'system', decided_at = \(bind: now),
                          note = \(bind: "计划已并入 \(merged.code)") WHERE id = \(bind: other.id)
                        """
                    ).run()
                }
                try await AuditLog.append(db, caller: caller, action: "merge", entity: "plan", entityID: merged.code, detail: merged)
            }
            try await db.raw(
                """
                UPDATE merge_proposals SET state = \(bind: proposal.state.rawValue), note = \(bind: proposal.note),
                  decided_by = \(bind: proposal.decidedBy), decided_at = \(bind: now), merged_plan_id = \(bind: proposal.mergedPlanID)
                WHERE id = \(bind: id)
                """
            ).run()
            try await AuditLog.append(
                db, caller: caller, action: decision.rawValue, entity: "merge-proposal", entityID: "\(id)", detail: proposal)
            return proposal
        }
    }

    /// The merge links of a plan: the plans merged into it, and the plan it was merged into.
    public func links(planID: Int64) async throws -> (mergedFrom: [Plan], mergedInto: Plan?) {
        try await database.read { db in
            let from = try await db.raw(
                "SELECT source_plan_id FROM plan_merges WHERE merged_plan_id = \(bind: planID) ORDER BY source_plan_id"
            )
            .all().map { try $0.decode(column: "source_plan_id", as: Int64.self) }
            var plans: [Plan] = []
            for id in from { if let plan = try await PlanStore.load(id: id, on: db) { plans.append(plan) } }
            let into = try await db.raw("SELECT merged_plan_id FROM plan_merges WHERE source_plan_id = \(bind: planID)").first()
                .map { try $0.decode(column: "merged_plan_id", as: Int64.self) }
            var mergedInto: Plan?
            if let into { mergedInto = try await PlanStore.load(id: into, on: db) }
            return (plans, mergedInto)
        }
    }

    /// Each plan with its eligible targets and check methods.
    static func candidates(_ plans: [Plan], on db: any SQLDatabase) async throws -> [MergeCandidate] {
        guard !plans.isEmpty else { return [] }
        let areas = try await AreaStore.resolver(on: db)
        let items = try await db.raw("\(unsafeRaw: CheckItemStore.select) WHERE v.version = i.current_version")
            .all(decoding: CheckItemRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.item)
        let methods = Dictionary(
            items.map { (PlanItem(department: $0.departmentCode, code: $0.code), $0.methods) }, uniquingKeysWith: { a, _ in a })
        var result: [MergeCandidate] = []
        for plan in plans {
            let population = DrawPopulation(
                plan: plan, stratify: false, rule: OnceAYearRule(year: plan.year, items: [], keyItems: []), earlier: [:])
            let eligible = population.eligible(try await population.candidates(on: db), areas: areas)
            result.append(MergeCandidate(plan: plan, eligible: eligible, methods: Set(plan.items.flatMap { methods[$0] ?? [] })))
        }
        return result
    }

    static func load(_ id: Int64, on db: any SQLDatabase) async throws -> MergeProposal? {
        try await db.raw("SELECT \(unsafeRaw: columns) FROM merge_proposals WHERE id = \(bind: id)").first().map(proposal)
    }

    static func proposal(_ row: any SQLRow) throws -> MergeProposal {
        MergeProposal(
            id: try row.decode(column: "id", as: Int64.self), year: try row.decode(column: "year", as: Int.self),
            planIDs: try JSONText.decode([Int64].self, try row.decode(column: "plan_ids", as: String.self)),
            planCodes: try JSONText.decode([String].self, try row.decode(column: "plan_codes", as: String.self)),
            measure: try JSONText.decode(MergeMeasure.self, try row.decode(column: "measure", as: String.self)),
            state: MergeProposal.State(rawValue: try row.decode(column: "state", as: String.self)) ?? .open,
            note: try row.decode(column: "note", as: String.self), decidedBy: try row.decode(column: "decided_by", as: String?.self),
            decidedAt: try row.decode(column: "decided_at", as: String?.self),
            mergedPlanID: try row.decode(column: "merged_plan_id", as: Int64?.self),
            createdAt: try row.decode(column: "created_at", as: String.self))
    }
}
