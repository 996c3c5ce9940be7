// SPDX-License-Identifier: Apache-2.0

import Foundation

/// A check outside the draw as a form, the API or an import row gives it: text fields, checked
/// into an `OutsideCheck` (the target's name comes from the department's library).
public struct OutsideCheckInput: Sendable, Codable, Equatable {
    public var target: String?
    public var kind: String?
    public var checkedOn: String?
    public var source: String?
    public var inspectors: String?
    public var outcome: String?
    public var notes: String?

    /// Creates an input.
    public init(
        target: String? = nil, kind: String? = nil, checkedOn: String? = nil, source: String? = nil, inspectors: String? = nil,
        outcome: String? = nil, notes: String? = nil
    ) {
        self.target = target
        self.kind = kind
        self.checkedOn = checkedOn
        self.source = source
        self.inspectors = inspectors
        self.outcome = outcome
        self.notes = notes
    }

    /// Column headers of imports and field labels of the form.
    public static let labels: [String: String] = [
        "target": "统一社会信用代码/标识", "kind": "检查类型", "checkedOn": "检查日期", "source": "线索来源或依据", "inspectors": "检查人员",
        "outcome": "检查结果", "notes": "备注",
    ]

    public static func label(_ field: String) -> String { labels[field] ?? field }

    /// The checked values, or every issue; `today` bounds the date (no future checks).
    public func validated(today: CalendarDate) -> Result<Checked, OutsideCheckError> {
        var checker = InputChecker()
        let target = checker.required(self.target, field: "target", label: Self.label("target"), maxLength: 64)
        let kind = checker.parse(self.kind, field: "kind", label: Self.label("kind"), default: nil, OutsideCheckKind.init(text:))
        var date = checker.date(checkedOn, field: "checkedOn", label: Self.label("checkedOn"))
        if date == nil && InputChecker.trimmed(checkedOn).isEmpty { checker.add("checkedOn", "检查日期不能为空") }
        if let day = date, day > today || day.year < 2000 {
            checker.add("checkedOn", "检查日期应在 2000-01-01 至今天（\(today.iso)）之间")
            date = nil
        }
        let source = checker.required(self.source, field: "source", label: Self.label("source"), maxLength: 200)
        let inspectors = InputChecker.list(self.inspectors)
        if inspectors.isEmpty { checker.add("inspectors", "检查人员不能为空（至少一人，多人以顿号分隔）") }
        if inspectors.contains(where: { $0.count > 30 }) || inspectors.count > 20 { checker.add("inspectors", "检查人员最多 20 人，每个姓名不超过 30 个字") }
        let outcome = checker.parse(
            self.outcome, field: "outcome", label: Self.label("outcome"), default: nil, OutsideCheckOutcome.init(text:))
        let notes = InputChecker.trimmed(self.notes)
        if notes.count > 1000 { checker.add("notes", "备注不能超过 1000 个字") }
        guard checker.isEmpty, let kind, let date, let outcome else { return .failure(.invalid(checker.issues)) }
        return .success(
            Checked(target: target, kind: kind, checkedOn: date, source: source, inspectors: inspectors, outcome: outcome, notes: notes))
    }

    /// The input once checked.
    public struct Checked: Sendable, Equatable {
        public var target: String
        public var kind: OutsideCheckKind
        public var checkedOn: CalendarDate
        public var source: String
        public var inspectors: [String]
        public var outcome: OutsideCheckOutcome
        public var notes: String
    }
}

/// Errors of checks outside the draw.
public enum OutsideCheckError: WorkflowError, Equatable {
    case invalid([FieldIssue])
    case forbidden(String)
    case notFound(String)

    public var reason: WorkflowReason {
        switch self {
        case .invalid(let issues): .invalid(issues)
        case .forbidden(let reason): .forbidden(reason)
        case .notFound(let reason): .notFound(reason)
        }
    }
}
