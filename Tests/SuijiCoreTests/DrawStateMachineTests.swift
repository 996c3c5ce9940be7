// SPDX-License-Identifier: Apache-2.0

import SuijiCore
import Testing

/// The draw's state machine is one table in Core: which step each state allows, and why not.
@Suite("Draw state machine")
struct DrawStateMachineTests {
    @Test func eachStepIsAllowedInExactlyOneState() throws {
        for step in DrawStep.allCases {
            // MUT
            let allowed = DrawState.allCases.filter { (try? $0.require(step, draw: "D1")) != nil }
            // validate
            #expect(allowed == [DrawState.required(for: step)], "\(step)")
        }
    }

    @Test func theLifeRunsPreparedCommittedExecuted() throws {
        // MUT + validate
        var state = DrawState.prepared
        try state.require(.commit, draw: "D1")
        state = DrawState.after(.commit)
        #expect(state == .committed)
        try state.require(.reveal, draw: "D1")
        try state.require(.execute, draw: "D1")
        state = DrawState.after(.execute)
        #expect(state == .executed)
        try state.require(.replaceInspector, draw: "D1")
    }

    @Test func aRefusalNamesTheDraw() {
        // MUT + validate
        #expect(throws: PlanError.conflict("抽取 D1 已发布承诺，不能再修改")) { try DrawState.committed.require(.commit, draw: "D1") }
        #expect(throws: PlanError.conflict("抽取 D1 不在揭示阶段（executed）")) { try DrawState.executed.require(.reveal, draw: "D1") }
        #expect(throws: PlanError.conflict("抽取 D1 尚未执行，没有完整的公示记录")) { try DrawState.committed.require(.readRecord, draw: "D1") }
    }

    @Test func filesArePublicFromTheCommitmentsOnAndAllOnceExecuted() {
        // validate
        #expect(DrawState.allCases.map(\.publishesFiles) == [false, true, true])
        #expect(DrawState.allCases.map(\.publishesAllFiles) == [false, false, true])
    }

    @Test func anUnknownStoredStateIsAnError() throws {
        // MUT + validate
        #expect(try DrawState(stored: "executed") == .executed)
        #expect(throws: PlanError.self) { try DrawState(stored: "drawn") }
    }
}
