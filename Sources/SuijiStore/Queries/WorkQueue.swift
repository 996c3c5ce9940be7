// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore

/// The work waiting for one account, as its home page lists it: plans to act on, draws to
/// commit, reveal or execute, inspections to notify, results due, results to review and
/// overdue rectifications.
public struct WorkQueue: Sendable, Equatable {
    /// A plan on which the account may take a step now.
    public struct PlanTask: Sendable, Equatable {
        public var plan: Plan
        public var actions: [PlanAction]
    }

    /// What a draw waits for from the account.
    public enum DrawStep: String, Sendable, Equatable {
        case announce, commit, reveal, enterPublicValue, execute

        /// Chinese name of the step.
        public var label: String {
            switch self {
            case .announce: "预告公开随机值"
            case .enterPublicValue: "录入公开随机值"
            case .commit: "提交承诺"
            case .reveal: "揭示秘密值"
            case .execute: "执行抽取"
            }
        }
    }

    /// A draw waiting for the account's step.
    public struct DrawTask: Sendable, Equatable {
        public var draw: DrawSummary
        public var planName: String
        public var step: DrawStep
    }

    /// A batch of an approved plan whose draw the account's department (the initiator) has not
    /// prepared yet (准备抽取).
    public struct BatchTask: Sendable, Equatable {
        public var plan: Plan
        public var batch: Batch
    }

    /// An outstanding result and the days left until it is due (negative when overdue).
    public struct ResultTask: Sendable, Equatable {
        public var inspection: Inspection
        public var daysLeft: Int?
    }

    public var plans: [PlanTask] = []
    public var draws: [DrawTask] = []
    /// Batches waiting for their draw to be prepared.
    public var batchesToDraw: [BatchTask] = []
    /// Outstanding inspections planned for today (今日检查).
    public var visitsToday: [Inspection] = []
    /// Outstanding inspections without a recorded notice.
    public var toNotify: [Inspection] = []
    /// Outstanding results (未录入 or 退回), earliest due first.
    public var resultsDue: [ResultTask] = []
    /// Submitted results the account may review.
    public var toReview: [Inspection] = []
    /// Open rectification orders past their deadline.
    public var overdueRectifications: [FollowUp] = []
    /// For the office: years without a State Council holiday notice in which outstanding
    /// inspections have their due dates (暂定), with how many; load the notice when it is out.
    public var missingHolidayNotices: [MissingNotice] = []

    /// A year whose holiday notice is missing and the outstanding inspections due in it.
    public struct MissingNotice: Sendable, Equatable {
        public var year: Int
        public var inspections: Int
    }

    public init() {}
}
