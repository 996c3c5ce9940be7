// SPDX-License-Identifier: Apache-2.0

/// How a target was told of the inspection (§16.2).
public enum NoticeChannel: String, Sendable, Codable, CaseIterable {
    case phone
    case fax
    case mail
    case letter
    case inPerson

    /// Chinese name.
    public var label: String {
        switch self {
        case .phone: "电话"
        case .fax: "传真"
        case .mail: "邮件"
        case .letter: "信函"
        case .inPerson: "当面告知"
        }
    }
}

/// The advance notice of an inspection: how, when and by whom the target was told, or that it
/// was not told because the law forbids notice, with the legal ground.
///
/// JSON: `{"notified": true, "channel": "phone", "date": "2026-07-01", "by": "张三"}` or
/// `{"notified": false, "legalGround": "…"}`.
public enum Notice: Sendable, Equatable, Codable {
    /// The target was told by `by` over `channel` on `date`.
    case notified(channel: NoticeChannel, date: CalendarDate, by: String)
    /// Not notified in advance, on `legalGround`.
    case notNotified(legalGround: String)

    enum CodingKeys: String, CodingKey {
        case notified, channel, date, by, legalGround
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if try container.decodeIfPresent(Bool.self, forKey: .notified) ?? true {
            self = .notified(
                channel: try container.decode(NoticeChannel.self, forKey: .channel),
                date: try container.decode(CalendarDate.self, forKey: .date),
                by: try container.decodeIfPresent(String.self, forKey: .by) ?? "")
        } else {
            self = .notNotified(legalGround: try container.decodeIfPresent(String.self, forKey: .legalGround) ?? "")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .notified(let channel, let date, let by):
            try container.encode(true, forKey: .notified)
            try container.encode(channel, forKey: .channel)
            try container.encode(date, forKey: .date)
            try container.encode(by, forKey: .by)
        case .notNotified(let legalGround):
            try container.encode(false, forKey: .notified)
            try container.encode(legalGround, forKey: .legalGround)
        }
    }

    /// Rules: who notified is named; a notice cannot predate the draw day nor postdate the
    /// inspection window; not notifying needs its legal ground.
    public func validate(drawnOn: CalendarDate?, windowEnd: CalendarDate) -> [FieldIssue] {
        switch self {
        case .notified(_, let date, let by):
            var issues: [FieldIssue] = []
            if by.trimmed.isEmpty { issues.append(FieldIssue(field: "by", message: "请填写告知人")) }
            if let drawnOn, date < drawnOn { issues.append(FieldIssue(field: "date", message: "告知日期不能早于抽取日期 \(drawnOn.iso)")) }
            if date > windowEnd { issues.append(FieldIssue(field: "date", message: "告知日期不能晚于检查结束日期 \(windowEnd.iso)")) }
            return issues
        case .notNotified(let legalGround):
            return legalGround.trimmed.isEmpty ? [FieldIssue(field: "legalGround", message: "不事先告知须写明法律依据")] : []
        }
    }
}
