// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiDraw

/// Where a department stands in a draw's commit-and-reveal.
public struct DrawDepartmentStatus: Sendable, Codable, Equatable {
    public var department: String
    /// The published commitment to the department's secret, once made.
    public var commitment: String?
    public var committedAt: String?
    public var revealed: Bool
    /// When the secret was handed in (the time of its public log entry).
    public var revealedAt: String?
}

/// A draw as staff and the public see it.
public struct DrawSummary: Sendable, Codable, Equatable {
    public var id: String
    public var planID: Int64
    public var batchID: Int64
    public var state: DrawState
    public var departments: [DrawDepartmentStatus]
    /// Secrets are accepted until this time (UTC ISO 8601); set by the announcement, which must
    /// come before the commitments are published. Nil while nothing is announced.
    public var revealDeadline: String?
    /// The announced future public value (date and source), if any, and its value once entered
    /// with where it was read and when.
    public var publicValueDate: String?
    public var publicValueSource: String?
    public var publicValue: String?
    public var publicValueNote: String
    public var publicValueEnteredAt: String?
    /// The approved exception when no public value is used: who approved it and why (public).
    public var exceptionApprover: String
    public var exceptionReason: String
    /// The draw this one replaces, with the reason and who approved.
    public var redrawOf: String?
    public var redrawReason: String
    public var redrawApprover: String
    public var preparedBy: String
    public var preparedAt: String
    public var committedAt: String?
    public var executedAt: String?
}

/// A re-draw's justification: a draw is never deleted or overwritten.
public struct Redraw: Sendable, Codable, Equatable {
    /// The draw being replaced (the batch's latest).
    public var of: String
    public var reason: String
    /// Who approved the re-draw (name and post).
    public var approver: String

    public init(of: String, reason: String, approver: String) {
        self.of = of
        self.reason = reason
        self.approver = approver
    }
}

extension DrawError: DomainError {
    public var field: String? {
        switch self {
        case .commitmentMismatch: "secret"
        default: nil
        }
    }

    /// A wrong secret or bad input is the caller's (422); libraries that cannot staff every team,
    /// or stored files that no longer agree, are a conflict with the data as it is (409).
    public var kind: ErrorKind {
        switch self {
        case .commitmentMismatch, .invalidInput, .syntax: .invalid
        case .matchingInfeasible, .mismatch, .duplicate, .unsorted, .missingFile: .conflict
        }
    }
}

struct DrawRow: Codable {
    var id: String
    var planId: Int64
    var batchId: Int64
    /// Decoded as the enum: a state the machine does not know fails the read, never a guess.
    var state: DrawState
    var revealDeadline: String?
    var publicValueDate: String?
    var publicValueSource: String?
    var publicValue: String?
    var publicValueNote: String
    var publicValueEnteredAt: String?
    var exceptionApprover: String
    var exceptionReason: String
    var conflictSalt: String
    var conflictPairs: String
    var redrawOf: String?
    var redrawReason: String
    var redrawApprover: String
    var preparedBy: String
    var preparedAt: String
    var committedAt: String?
    var executedAt: String?

    static let columns = """
        id, plan_id, batch_id, state, reveal_deadline, public_value_date, public_value_source, public_value, public_value_note,
        public_value_entered_at, exception_approver, exception_reason, conflict_salt, conflict_pairs,
        redraw_of, redraw_reason, redraw_approver, prepared_by, prepared_at, committed_at, executed_at
        """

    func summary(_ departments: [DepartmentRow]) -> DrawSummary {
        DrawSummary(
            id: id, planID: planId, batchID: batchId, state: state,
            departments: departments.map {
                DrawDepartmentStatus(
                    department: $0.department, commitment: $0.commitment, committedAt: $0.committedAt, revealed: $0.secret != nil,
                    revealedAt: $0.revealedAt)
            },
            revealDeadline: revealDeadline, publicValueDate: publicValueDate, publicValueSource: publicValueSource,
            publicValue: publicValue, publicValueNote: publicValueNote, publicValueEnteredAt: publicValueEnteredAt,
            exceptionApprover: exceptionApprover, exceptionReason: exceptionReason, redrawOf: redrawOf,
            redrawReason: redrawReason, redrawApprover: redrawApprover, preparedBy: preparedBy, preparedAt: preparedAt,
            committedAt: committedAt, executedAt: executedAt)
    }
}

struct DepartmentRow: Codable {
    var position: Int
    var department: String
    var commitment: String?
    var committedAt: String?
    var secret: String?
    var revealedAt: String?
}
