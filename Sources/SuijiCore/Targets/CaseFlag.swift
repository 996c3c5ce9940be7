// SPDX-License-Identifier: Apache-2.0

/// A case recorded on a target that lifts the once-a-year rule (§14: "不涉及投诉举报、转办交办、
/// 立案查处等情形的，原则上不在同一年度对同一检查对象实施多次抽查检查"): what it is, when it
/// arose and where it came from (e.g. the 12315 platform, a referral letter's number).
public struct CaseFlag: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// 投诉举报.
        case complaint
        /// 转办交办.
        case referral
        /// 立案查处.
        case caseFiled = "case-filed"

        /// Chinese name.
        public var label: String {
            switch self {
            case .complaint: "投诉举报"
            case .referral: "转办交办"
            case .caseFiled: "立案查处"
            }
        }

        /// The kind for its Chinese name or its code.
        public init?(label: String) {
            guard let kind = Self.allCases.first(where: { $0.label == label || $0.rawValue == label }) else { return nil }
            self = kind
        }
    }

    public var kind: Kind
    public var date: CalendarDate
    /// Where the case came from (at most 200 characters).
    public var source: String

    public init(kind: Kind, date: CalendarDate, source: String) {
        self.kind = kind
        self.date = date
        self.source = source
    }

    /// "投诉举报（2026年5月3日，12315 平台 No. 123）".
    public var text: String { "\(kind.label)（\(date.iso)，\(source)）" }
}
