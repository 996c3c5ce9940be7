// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import Testing

@Suite("Follow-up policy")
struct FollowUpPolicyTests {
    static let samr = Account(username: "samr", displayName: "samr", role: .departmentAdmin, departmentCode: "SAMR")
    static let culture = Account(username: "c", displayName: "c", role: .departmentAdmin, departmentCode: "CULTURE")
    static let office = Account(username: "o", displayName: "o", role: .office)

    static func inspection(_ state: InspectionState, problem: Bool) -> Inspection {
        var inspection = InspectionStateTests.inspection()
        inspection.state = state
        inspection.findings = [
            Finding(
                item: inspection.items[1], methods: [.onSite], category: problem ? .correctionOrdered : .noProblem, enteredBy: "x",
                enteredAt: Date(timeIntervalSince1970: 0))
        ]
        return inspection
    }

    @Test func onlyThePlansAdminsOpenOnceAProblemIsApproved() throws {
        #expect(try FollowUpPolicy.requireOpen(Self.samr, Self.inspection(.published, problem: true)) == "SAMR")
        #expect(throws: FollowUpError.self) { try FollowUpPolicy.requireOpen(Self.culture, Self.inspection(.published, problem: true)) }
        #expect(throws: FollowUpError.self) { try FollowUpPolicy.requireOpen(Self.office, Self.inspection(.published, problem: true)) }
        #expect(throws: FollowUpError.self) { try FollowUpPolicy.requireOpen(Self.samr, Self.inspection(.submitted, problem: true)) }
        #expect(throws: FollowUpError.self) { try FollowUpPolicy.requireOpen(Self.samr, Self.inspection(.approved, problem: false)) }
        let inspection = Self.inspection(.approved, problem: true)
        #expect(throws: FollowUpError.self) { try FollowUpPolicy.requireOpen(Self.samr, inspection, item: inspection.items[0]) }
        #expect(try FollowUpPolicy.requireOpen(Self.samr, inspection, item: inspection.items[1]) == "SAMR")
    }

    @Test func theOpeningDepartmentHandlesWhileOpen() throws {
        var followUp = FollowUp(
            inspectionID: 1, targetUID: "X", department: "SAMR", kind: .caseFiled, openedOn: CalendarDate(iso: "2026-08-01")!)
        try FollowUpPolicy.requireHandle(Self.samr, followUp)
        #expect(throws: FollowUpError.self) { try FollowUpPolicy.requireHandle(Self.culture, followUp) }
        followUp.state = .closed
        #expect(throws: FollowUpError.self) { try FollowUpPolicy.requireHandle(Self.samr, followUp) }
    }
}
