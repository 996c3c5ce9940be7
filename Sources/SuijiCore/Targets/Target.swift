// SPDX-License-Identifier: Apache-2.0

/// A check target (检查对象) in a department's target library (§4, §10).
public struct Target: Sendable, Codable, Equatable, Identifiable {
    /// Database id; 0 before the target is stored.
    public var id: Int64
    /// Code of the department whose library holds it ("谁监管、谁建设、谁维护").
    public var departmentCode: String
    /// The credit code for market entities, else the stable id of a non-market target.
    public var uid: String
    public var name: String
    public var kind: TargetKind
    /// Six-digit administrative division (所属区划).
    public var division: String
    /// Street or town (街道/乡镇) code or name.
    public var street: String
    /// Grid (网格) within the street.
    public var grid: String
    public var address: String
    /// Industry, GB/T 4754 code and/or name.
    public var industry: String
    public var riskClass: RiskClass
    public var status: TargetStatus
    /// Date the status took effect (closing or deregistration date).
    public var statusDate: CalendarDate?
    /// Codes of the check items this target is tagged for (分类标注).
    public var tags: [String]
    /// Date of the last random inspection.
    public var lastRandomInspection: CalendarDate?
    /// Legal representative or person in charge; personal data, masked in public.
    public var legalRepresentative: String
    /// Contact phone (联系电话) for the inspectors who visit; never public.
    public var phone: String
    /// A 投诉举报 / 转办交办 / 立案查处 case, which lifts the once-a-year rule in its year (§14).
    public var caseFlag: CaseFlag?

    public init(
        id: Int64 = 0, departmentCode: String, uid: String, name: String, kind: TargetKind,
        division: String, street: String = "", grid: String = "", address: String = "",
        industry: String = "", riskClass: RiskClass = .b, status: TargetStatus = .operating,
        statusDate: CalendarDate? = nil, tags: [String] = [], lastRandomInspection: CalendarDate? = nil,
        legalRepresentative: String = "", phone: String = "", caseFlag: CaseFlag? = nil
    ) {
        self.id = id
        self.departmentCode = departmentCode
        self.uid = uid
        self.name = name
        self.kind = kind
        self.division = division
        self.street = street
        self.grid = grid
        self.address = address
        self.industry = industry
        self.riskClass = riskClass
        self.status = status
        self.statusDate = statusDate
        self.tags = tags
        self.lastRandomInspection = lastRandomInspection
        self.legalRepresentative = legalRepresentative
        self.phone = phone
        self.caseFlag = caseFlag
    }

    /// The credit code, for market entities.
    public var creditCode: String? { kind.hasCreditCode ? uid : nil }

    /// Whether two versions differ in what a registry sync reports as "changed".
    public func differs(from other: Target) -> Bool {
        var left = self
        left.id = other.id
        return left != other
    }
}

/// Rules for the stable ids of non-market targets.
public enum StableID {
    /// Allowed: 1–64 characters of `0-9 A-Z -`, as the draw specification requires.
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (1...64).contains(bytes.count) else { return false }
        return bytes.allSatisfy { byte in
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || byte == 45
        }
    }
}
