// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore

/// One step of an inspection's review trail: who moved it from which state to which, and why.
public struct InspectionEvent: Sendable, Codable, Equatable {
    public var at: Date
    /// The account's username.
    public var actor: String
    public var action: InspectionAction
    public var from: InspectionState
    public var to: InspectionState
    /// The reason of a return; empty otherwise.
    public var reason: String

    public init(at: Date, actor: String, action: InspectionAction, from: InspectionState, to: InspectionState, reason: String) {
        self.at = at
        self.actor = actor
        self.action = action
        self.from = from
        self.to = to
        self.reason = reason
    }

    /// Appends the event to `inspection_events`.
    static func append(_ event: InspectionEvent, inspection id: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO inspection_events (inspection_id, at, actor, action, from_state, to_state, reason)
            VALUES (\(bind: id), \(bind: Timestamp.format(event.at)), \(bind: event.actor), \(bind: event.action.rawValue),
              \(bind: event.from.rawValue), \(bind: event.to.rawValue), \(bind: event.reason))
            """
        ).run()
    }

    /// The trail of inspection `id`, oldest first.
    static func trail(inspection id: Int64, on db: any SQLDatabase) async throws -> [InspectionEvent] {
        try await db.raw(
            "SELECT at, actor, action, from_state, to_state, reason FROM inspection_events WHERE inspection_id = \(bind: id) ORDER BY id"
        ).all().map { row in
            InspectionEvent(
                at: StoredDate.parse(try row.decode(column: "at", as: String.self)) ?? Date(timeIntervalSince1970: 0),
                actor: try row.decode(column: "actor", as: String.self),
                action: InspectionAction(rawValue: try row.decode(column: "action", as: String.self)) ?? .submit,
                from: InspectionState(rawValue: try row.decode(column: "from_state", as: String.self)) ?? .pending,
                to: InspectionState(rawValue: try row.decode(column: "to_state", as: String.self)) ?? .pending,
                reason: try row.decode(column: "reason", as: String.self))
        }
    }
}
