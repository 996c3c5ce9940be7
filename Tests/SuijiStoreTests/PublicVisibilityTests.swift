// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore
import Testing

@testable import SuijiStore

/// Which plans' draws are public is said once (`PlanPolicy.publicStates`): the Swift rule the
/// portal applies and the SQL the open data applies select the same states.
@Suite("Public visibility, one rule")
struct PublicVisibilityTests {
    @Test(arguments: TestDatabase.available)
    func theSQLAndTheSwiftRuleAgreeOnEveryState(_ database: TestDatabase) async throws {
        // setup: one row per plan state
        let stores = try await database.open()
        let states = PlanState.allCases.map(\.rawValue)
        var rows = SQLQueryString("SELECT \(bind: states[0]) AS state")
        for state in states.dropFirst() {
            rows.appendInterpolation(unsafeRaw: " UNION ALL SELECT ")
            rows.appendInterpolation(bind: state)
        }
        let query = rows
        // MUT
        let selected = try await stores.database.read { db in
            try await db.raw("SELECT s.state FROM (\(query)) s WHERE \(PlanPolicy.isPublicSQL(state: "s.state"))").all()
                .map { try $0.decode(column: "state", as: String.self) }
        }
        await stores.database.close()
        // validate
        let expected = PlanState.allCases.filter { state in
            let day = CalendarDate(year: 2026, month: 6, day: 1)!
            let plan = Plan(
                code: "P", name: "计划", year: 2026, initiator: "SAMR", items: [], windowStart: day, windowEnd: day, state: state)
            return PlanPolicy.isPublic(plan)
        }
        #expect(Set(selected) == Set(expected.map(\.rawValue)))
        #expect(expected == PlanPolicy.publicStates)
    }
}
