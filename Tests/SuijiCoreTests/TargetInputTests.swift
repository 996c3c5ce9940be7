// SPDX-License-Identifier: Apache-2.0

import SuijiCore
import Testing

@Suite("Validating targets, items, inspectors and experts")
struct InputValidationTests {
    func target(_ fields: [WritableKeyPath<TargetInput, String?>: String]) -> TargetInput {
        var input = TargetInput()
        input.name = "昌江区某瓷器店"
        input.kind = "个体工商户"
        input.creditCode = "91330100716105852F"
        input.division = "360202"
        for (path, value) in fields { input[keyPath: path] = value }
        return input
    }

    @Test func aValidTargetKeepsEveryField() throws {
        var input = target([\.riskClass: "d", \.status: "注销", \.statusDate: "2026/3/1", \.tags: "SAMR-001；SAMR-002、SAMR-003"])
        input.street = " 西郊街道 "
        let value = try input.validated(department: "SAMR").get()
        #expect(value.riskClass == .d)
        #expect(value.status == .deregistered)
        #expect(value.statusDate?.iso == "2026-03-01")
        #expect(value.tags == ["SAMR-001", "SAMR-002", "SAMR-003"])
        #expect(value.street == "西郊街道")
        #expect(value.creditCode == "91330100716105852F")
    }

    @Test func nonMarketTargetsUseAStableID() throws {
        var input = target([\.kind: "产品", \.stableID: "prd-000123"])
        input.creditCode = nil
        let value = try input.validated(department: "SAMR").get()
        #expect(value.uid == "PRD-000123")
        #expect(value.creditCode == nil)
        input.stableID = ""
        guard case .failure(.invalid(let issues)) = input.validated(department: "SAMR") else {
            Issue.record("accepted")
            return
        }
        #expect(issues.map(\.field) == ["stableID"])
    }

    @Test func everyBadFieldIsReported() {
        let input = target([\.name: "", \.kind: "公 司", \.division: "3602", \.riskClass: "E", \.statusDate: "2026-02-30"])
        guard case .failure(.invalid(let issues)) = input.validated(department: "SAMR") else {
            Issue.record("accepted")
            return
        }
        #expect(issues.map(\.field) == ["name", "kind", "division", "riskClass", "statusDate"])
        #expect(issues.allSatisfy { !$0.message.isEmpty })
    }

    @Test func checkItemsNeedAMethodAndKnownKinds() {
        var input = CheckItemInput()
        input.code = "SAMR-001"
        input.name = "企业公示信息的抽查"
        input.methods = "实地核查;网络检查"
        input.targetKinds = "公司、个体工商户"
        input.isKeyItem = "是"
        input.guidanceRatioPermille = "30"
        let item = try? input.validated(department: "SAMR").get()
        #expect(item?.methods == [.onSite, .online])
        #expect(item?.targetKinds == [.company, .individualBusiness])
        #expect(item?.isKeyItem == true)
        input.methods = "飞行检查"
        input.guidanceRatioPermille = "1200"
        guard case .failure(.invalid(let issues)) = input.validated(department: "SAMR") else {
            Issue.record("accepted")
            return
        }
        #expect(issues.map(\.field) == ["methods", "guidanceRatioPermille"])
    }

    @Test func inspectorsOnLeaveNeedDates() throws {
        var input = InspectorInput()
        input.name = "张伟"
        input.certificateNumber = "36020200001"
        input.certificateExpiry = "2028-12-31"
        input.area = "360202;360202001"
        input.status = "休假"
        guard case .failure(.invalid(let issues)) = input.validated(department: "SAMR") else {
            Issue.record("accepted")
            return
        }
        #expect(issues.map(\.field) == ["leaveFrom"])
        input.leaveFrom = "2026-06-01"
        input.leaveTo = "2026-06-10"
        let inspector = try input.validated(department: "SAMR").get()
        let d = { (text: String) in CalendarDate(iso: text)! }
        #expect(!inspector.isAvailable(from: d("2026-06-05"), to: d("2026-06-20")))
        #expect(inspector.isAvailable(from: d("2026-06-11"), to: d("2026-06-20")))
        #expect(!inspector.isAvailable(from: d("2028-12-01"), to: d("2029-01-05")))  // certificate expired by then
    }

    @Test func accessPolicyFollowsTheRoles() {
        let admin = Account(username: "a", displayName: "a", role: .departmentAdmin, departmentCode: "SAMR")
        let office = Account(username: "o", displayName: "o", role: .office)
        let overseer = Account(username: "v", displayName: "v", role: .overseer)
        let inspector = Account(username: "i", displayName: "i", role: .inspector, departmentCode: "SAMR")
        #expect(AccessPolicy.readScope(admin) == .only("SAMR"))
        #expect(AccessPolicy.readScope(office) == .all)
        #expect(AccessPolicy.readScope(overseer) == .all)
        #expect(AccessPolicy.readScope(inspector) == .only("SAMR"))
        #expect(throws: Never.self) { try AccessPolicy.requireWrite(admin, department: "SAMR") }
        #expect(throws: LibraryError.self) { try AccessPolicy.requireWrite(admin, department: "HEALTH") }
        #expect(throws: LibraryError.self) { try AccessPolicy.requireWrite(office, department: "SAMR") }
        #expect(throws: LibraryError.self) { try AccessPolicy.requireWrite(overseer, department: "SAMR") }
        #expect(throws: LibraryError.self) { try AccessPolicy.requireWrite(inspector, department: "SAMR") }
    }
}
