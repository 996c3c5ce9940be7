// SPDX-License-Identifier: Apache-2.0

/// What can be done to an open follow-up.
public enum FollowUpAction: String, Sendable, Codable, CaseIterable {
    /// The re-check found the problem rectified (rectifications only); closes it.
    case rectified
    /// The re-check found the problem not rectified (rectifications only); closes it.
    case notRectified
    /// Closes a case, a lead or a judicial transfer (办结).
    case close

    /// Chinese name.
    public var label: String {
        switch self {
        case .rectified: "复查：已整改"
        case .notRectified: "复查：未整改"
        case .close: "办结"
        }
    }
}

extension FollowUp {
    /// The follow-up after `action` on `day`, or an error naming the illegal transition: a
    /// rectification closes only by its re-check, the other kinds only by `close`, and a
    /// closed follow-up changes no more.
    public func applying(_ action: FollowUpAction, on day: CalendarDate) throws(FollowUpError) -> FollowUp {
        guard state == .open else { throw .illegalTransition(kind: kind, state: state, action: action) }
        var next = self
        switch (kind, action) {
        case (.rectification, .rectified), (.rectification, .notRectified):
            guard day >= openedOn else { throw .invalid([FieldIssue(field: "date", message: "复查日期不能早于责令改正之日")]) }
            next.outcome = action == .rectified ? .rectified : .notRectified
            next.recheckedOn = day
        case (.caseFiled, .close), (.leadTransferred, .close), (.judicialTransfer, .close):
            break
        default:
            throw .illegalTransition(kind: kind, state: state, action: action)
        }
        next.state = .closed
        next.closedOn = day
        return next
    }
}
