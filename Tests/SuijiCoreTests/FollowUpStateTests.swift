// SPDX-License-Identifier: Apache-2.0

import SuijiCore
import Testing

@Suite("Follow-up states (§17)")
struct FollowUpStateTests {
    func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    func followUp(_ kind: FollowUpKind) -> FollowUp {
        FollowUp(
            inspectionID: 1, targetUID: "u", department: "SAMR", kind: kind, openedOn: day("2026-09-01"), deadline: day("2026-09-30"),
            caseNumber: "西市监立〔2026〕12号", caseDate: day("2026-09-02"), transferredTo: "区卫生健康委", transferredOn: day("2026-09-03"),
            transferredBy: "张三")
    }

    @Test func aRectificationClosesByItsRecheck() throws {
        let order = followUp(.rectification)
        let rectified = try order.applying(.rectified, on: day("2026-10-08"))
        #expect(rectified.state == .closed && rectified.outcome == .rectified && rectified.recheckedOn == day("2026-10-08"))
        let not = try order.applying(.notRectified, on: day("2026-10-08"))
        #expect(not.outcome == .notRectified && not.closedOn == day("2026-10-08"))
        #expect(throws: FollowUpError.illegalTransition(kind: .rectification, state: .open, action: .close)) {
            _ = try order.applying(.close, on: day("2026-10-08"))
        }
        #expect(throws: FollowUpError.self) { _ = try order.applying(.rectified, on: day("2026-08-01")) }
        #expect(throws: FollowUpError.illegalTransition(kind: .rectification, state: .closed, action: .notRectified)) {
            _ = try rectified.applying(.notRectified, on: day("2026-10-09"))
        }
    }

    @Test(arguments: [FollowUpKind.caseFiled, .leadTransferred, .judicialTransfer])
    func otherKindsCloseOnlyByClose(_ kind: FollowUpKind) throws {
        let entry = followUp(kind)
        let closed = try entry.applying(.close, on: day("2026-12-01"))
        #expect(closed.state == .closed && closed.closedOn == day("2026-12-01") && closed.outcome == nil)
        for action in [FollowUpAction.rectified, .notRectified] {
            #expect(throws: FollowUpError.illegalTransition(kind: kind, state: .open, action: action)) {
                _ = try entry.applying(action, on: day("2026-12-01"))
            }
        }
        #expect(throws: FollowUpError.self) { _ = try closed.applying(.close, on: day("2026-12-02")) }
        #expect(!entry.isOverdue(today: day("2027-01-01")))
    }

    @Test func overdueRectifications() throws {
        let order = followUp(.rectification)
        #expect(!order.isOverdue(today: day("2026-09-30")))
        #expect(order.isOverdue(today: day("2026-10-01")))
        #expect(!(try order.applying(.rectified, on: day("2026-10-02"))).isOverdue(today: day("2026-10-05")))
    }

    @Test func eachKindNeedsItsDetails() {
        for kind in FollowUpKind.allCases { #expect(followUp(kind).validate().isEmpty) }
        let bare = { (kind: FollowUpKind) in
            FollowUp(inspectionID: 1, targetUID: "u", department: "SAMR", kind: kind, openedOn: self.day("2026-09-01"))
        }
        #expect(bare(.rectification).validate().map(\.field) == ["deadline"])
        #expect(bare(.caseFiled).validate().map(\.field) == ["caseNumber", "caseDate"])
        #expect(bare(.leadTransferred).validate().map(\.field) == ["transferredTo", "transferredOn", "transferredBy"])
        #expect(bare(.judicialTransfer).validate().map(\.field) == ["transferredTo", "transferredOn"])
        var early = followUp(.rectification)
        early.deadline = day("2026-08-01")
        #expect(early.validate().map(\.field) == ["deadline"])
        let error = FollowUpError.illegalTransition(kind: .caseFiled, state: .closed, action: .close)
        #expect(error.message == "“立案”处于“已办结”状态，不能办结" && error.kind == .conflict)
    }
}
