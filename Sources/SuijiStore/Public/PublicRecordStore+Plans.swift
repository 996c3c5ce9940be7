// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// A draw as the public may see it: its plan is public (`PlanPolicy.isPublic`).
public struct PublicDraw: Sendable {
    public var plan: Plan
    public var batch: Batch
    public var draw: DrawSummary
}

/// Plans, batches and draws for the public portal, read without an account: what is public is
/// decided by `PlanPolicy` alone (the same rule the open data's SQL applies, through
/// `PlanPolicy.isPublicSQL`).
extension PublicRecordStore {
    /// Plans on the portal (public and published by the office), newest first.
    public func portalPlans() async throws -> [Plan] {
        try await PlanStore(database: database).all().filter(PlanPolicy.isOnPortal)
    }

    /// The plan `id` when it stands on the portal.
    public func portalPlan(id: Int64) async throws -> Plan? {
        let plan = try await database.read { db in try await PlanStore.load(id: id, on: db) }
        return plan.flatMap { PlanPolicy.isOnPortal($0) ? $0 : nil }
    }

    /// The batches of a plan on the portal (empty for any other plan).
    public func batches(planID: Int64) async throws -> [Batch] {
        guard try await portalPlan(id: planID) != nil else { return [] }
        return try await database.read { db in try await PlanStore.loadBatches(planID: planID, on: db) }
    }

    /// The draws of a public plan, newest first (empty for any other plan).
    public func draws(planID: Int64) async throws -> [DrawSummary] {
        let plan = try await database.read { db in try await PlanStore.load(id: planID, on: db) }
        guard let plan, PlanPolicy.isPublic(plan) else { return [] }
        return try await DrawStore(database: database).list(of: [plan])
    }

    /// The draw `id` with its plan and batch, when its plan is public; nil otherwise.
    public func draw(_ id: String) async throws -> PublicDraw? {
        try await database.read { db in try await Self.publicDraw(id, on: db) }
    }

    /// Draw `id` with its plan and batch read on `db`, when its plan is public; nil otherwise.
    static func publicDraw(_ id: String, on db: any SQLDatabase) async throws -> PublicDraw? {
        let found: (DrawRow, [DepartmentRow])
        do { found = try await DrawStore.load(id, on: db) } catch is PlanError { return nil }
        let (row, departments) = found
        guard let plan = try await PlanStore.load(id: row.planId, on: db), PlanPolicy.isPublic(plan),
            let batch = try await PlanStore.loadBatch(id: row.batchId, on: db)
        else { return nil }
        return PublicDraw(plan: plan, batch: batch, draw: row.summary(departments))
    }

    /// The public page's record of draw `id` (`DrawPageRecord`), read in one transaction, when
    /// its plan is public; nil otherwise.
    public func drawPage(_ id: String) async throws -> DrawPageRecord? {
        let flavour = database.flavour
        return try await database.readTransaction { db in
            guard let found = try await Self.publicDraw(id, on: db) else { return nil }
            return try await DrawStore.pageRecord(found.draw, plan: found.plan, batch: found.batch, flavour: flavour, on: db)
        }
    }

    /// The batch of `draw` when its plan is public; nil otherwise.
    public func batch(of draw: DrawSummary) async throws -> Batch? {
        try await database.read { db in
            guard let plan = try await PlanStore.load(id: draw.planID, on: db), PlanPolicy.isPublic(plan) else { return nil }
            return try await PlanStore.loadBatch(id: draw.batchID, on: db)
        }
    }
}

extension PlanPolicy {
    /// `isPublic` as SQL: `<state column> IN (…the public states…)`.
    static func isPublicSQL(state column: String) -> SQLQueryString {
        "\(unsafeRaw: column) IN (\(binds: publicStates.map(\.rawValue)))"
    }
}
