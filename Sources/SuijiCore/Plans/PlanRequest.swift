// SPDX-License-Identifier: Apache-2.0

/// A joint plan as a client sends it (API body, `suiji draw run` file); optional lists default
/// to empty. The initiator is the caller's department on the API.
public struct PlanRequest: Codable, Sendable, Equatable {
    /// The target scope; missing lists mean "any".
    public struct Scope: Codable, Sendable, Equatable {
        public var kinds: [TargetKind]?
        public var areas: [String]?
        public var industries: [String]?
        public var tags: [String]?
    }

    public var code: String
    public var name: String
    public var year: Int
    /// Used by the command line only; the API takes the caller's department.
    public var initiator: String?
    public var participants: [String]?
    public var items: [PlanItem]
    public var scope: Scope?
    public var windowStart: CalendarDate
    public var windowEnd: CalendarDate
    public var notes: String?

    /// The plan, initiated by `initiator`.
    public func plan(initiator: String) -> Plan {
        Plan(
            code: code, name: name, year: year, initiator: initiator, participants: participants ?? [], items: items,
            scope: TargetScope(
                kinds: scope?.kinds ?? [], areas: scope?.areas ?? [], industries: scope?.industries ?? [], tags: scope?.tags ?? []),
            windowStart: windowStart, windowEnd: windowEnd, notes: notes ?? "")
    }
}

/// Per-mille ratios per risk class, `{A, B, C, D, rounding}`.
public struct RatioRequest: Codable, Sendable, Equatable {
    public var a: Int
    public var b: Int
    public var c: Int
    public var d: Int
    public var rounding: RatioRounding?

    public init(a: Int, b: Int, c: Int, d: Int, rounding: RatioRounding?) {
        self.a = a
        self.b = b
        self.c = c
        self.d = d
        self.rounding = rounding
    }

    enum CodingKeys: String, CodingKey {
        case a = "A"
        case b = "B"
        case c = "C"
        case d = "D"
        case rounding
    }
}

/// A batch as a client sends it: either `count` or `ratios`.
public struct BatchRequest: Codable, Sendable, Equatable {
    public var code: String
    public var start: CalendarDate
    public var end: CalendarDate
    public var count: Int?
    public var ratios: RatioRequest?
    public var crossUnit: Bool?
    public var capExtra: Int?

    /// The batch of plan `planID`; exactly one of `count` and `ratios` must be given.
    public func batch(planID: Int64) throws(PlanError) -> Batch {
        let size: SampleSize
        switch (count, ratios) {
        case (let count?, nil): size = .count(count)
        case (nil, let r?): size = .ratios(a: r.a, b: r.b, c: r.c, d: r.d, rounding: r.rounding ?? .default)
        default:
            throw .invalid([FieldIssue(field: "count", message: "请填写抽取数量，或各风险等级的抽查比例（二者选一）")])
        }
        return Batch(planID: planID, code: code, start: start, end: end, size: size, crossUnit: crossUnit ?? false, capExtra: capExtra ?? 0)
    }
}
