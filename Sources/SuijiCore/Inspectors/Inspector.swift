// SPDX-License-Identifier: Apache-2.0

import Foundation

/// Enforcement level (执法层级).
public enum EnforcementLevel: String, Sendable, Codable, CaseIterable {
    case district
    case city
    case province

    /// Chinese name.
    public var label: String {
        switch self {
        case .district: "区级"
        case .city: "市级"
        case .province: "省级"
        }
    }

    /// Parses a code or 区/区级/县级, 市/市级, 省/省级.
    public init?(label text: String) {
        switch text.trimmed {
        case "district", "区", "区级", "县级", "县区级": self = .district
        case "city", "市", "市级": self = .city
        case "province", "省", "省级": self = .province
        default: return nil
        }
    }
}

/// Whether an inspector can be drawn.
public enum InspectorStatus: String, Sendable, Codable, CaseIterable {
    case active
    /// On leave between `leaveFrom` and `leaveTo`.
    case onLeave
    /// Transferred out of enforcement work.
    case transferred

    /// Chinese name.
    public var label: String {
        switch self {
        case .active: "在岗"
        case .onLeave: "休假"
        case .transferred: "调离"
        }
    }

    /// Parses a code or the Chinese name.
    public init?(label text: String) {
        let value = text.trimmed
        if let status = InspectorStatus(rawValue: value) {
            self = status
        } else if let status = InspectorStatus.allCases.first(where: { $0.label == value }) {
            self = status
        } else if value == "请假" {
            self = .onLeave
        } else {
            return nil
        }
    }
}

/// An enforcement officer (执法检查人员) of the inspector library (§10).
public struct Inspector: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var departmentCode: String
    public var name: String
    /// 执法证号: unique across the district.
    public var certificateNumber: String
    public var certificateExpiry: CalendarDate
    public var level: EnforcementLevel
    /// Division or street codes the officer may enforce in (执法区域).
    public var area: [String]
    /// Codes of the check items the officer is qualified for.
    public var qualifications: [String]
    /// Expertise tags (业务专长).
    public var expertise: [String]
    public var status: InspectorStatus
    public var leaveFrom: CalendarDate?
    public var leaveTo: CalendarDate?
    /// The station or street the officer belongs to (for 所所交叉).
    public var station: String
    /// Phone; personal data, never public.
    public var phone: String

    public init(
        id: Int64 = 0, departmentCode: String, name: String, certificateNumber: String,
        certificateExpiry: CalendarDate, level: EnforcementLevel = .district, area: [String] = [],
        qualifications: [String] = [], expertise: [String] = [], status: InspectorStatus = .active,
        leaveFrom: CalendarDate? = nil, leaveTo: CalendarDate? = nil, station: String = "", phone: String = ""
    ) {
        self.id = id
        self.departmentCode = departmentCode
        self.name = name
        self.certificateNumber = certificateNumber
        self.certificateExpiry = certificateExpiry
        self.level = level
        self.area = area
        self.qualifications = qualifications
        self.expertise = expertise
        self.status = status
        self.leaveFrom = leaveFrom
        self.leaveTo = leaveTo
        self.station = station
        self.phone = phone
    }

    /// Whether the officer can serve on every day from `start` to `end`: active (or on leave
    /// outside that window) and with a certificate valid through `end`.
    public func isAvailable(from start: CalendarDate, to end: CalendarDate) -> Bool {
        certificateExpiry >= end && isOnDuty(from: start, to: end)
    }

    /// Whether the officer is active, and not on leave on any day from `start` to `end`
    /// (the certificate aside).
    public func isOnDuty(from start: CalendarDate, to end: CalendarDate) -> Bool {
        switch status {
        case .active: return true
        case .transferred: return false
        case .onLeave:
            guard let from = leaveFrom, let to = leaveTo else { return false }
            return to < start || from > end
        }
    }
}
