// SPDX-License-Identifier: Apache-2.0

import SuijiCore
import Testing

/// Which results found a problem is said once, by `ProblemCategory`.
@Suite("Problem categories (§16.3)")
struct ProblemCategoryTests {
    @Test func theProblemsOfTheCommonListAreTheSixOfficialOnes() {
        // MUT
        let problems = ResultCategory.common.filter(\.isProblem)
        // validate
        #expect(problems == [.notPublicized, .falsePublicity, .unreachable, .correctionOrdered, .followUpPending, .nonCooperation])
        #expect(problems.map { $0.problemCategory?.label } == problems.map(\.label))
    }

    @Test func everyDepartmentsViolationIsOneCategory() {
        // setup
        let food = ResultCategory.violation(department: "SAMR", text: "食品安全")
        let health = ResultCategory.violation(department: "HEALTH", text: "公共场所卫生")
        // validate
        #expect(food.problemCategory == .violation && health.problemCategory == .violation)
        #expect(ProblemCategory.violation.matches(food) && !ProblemCategory.notPublicized.matches(food))
        #expect(!ResultCategory.noProblem.isProblem && ResultCategory.noProblem.problemCategory == nil)
    }

    @Test func eachCategoryButViolationIsACommonResult() {
        for category in ProblemCategory.allCases where category != .violation {
            #expect(ResultCategory.common.contains { $0.code == category.rawValue }, "\(category)")
        }
    }
}
