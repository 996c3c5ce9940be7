// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HummingbirdTesting
import SuijiCore
import SuijiStore
import Testing

@Suite("Inspector accounts")
struct InspectorAccountTests {
    @Test func theOfficeLinksAnInspectorsLoginByCertificateNumber() async throws {
        try await withApp { fixture, client in
            try await PlanDrawFixture.seed(fixture)
            let office = try await login(client, "office")
            let fields = [
                ("username", "samr-zhang"), ("displayName", "张检查"), ("password", "fixture-pass-2026"), ("role", "inspector"),
                ("departmentCode", "SAMR"),
            ]
            // A certificate of another department's library, a missing one, and a link on an admin are refused.
            for (certificate, role) in [("HEALTH-1", "inspector"), ("SAMR-99", "inspector"), ("SAMR-2", "departmentAdmin")] {
                let refused = try await InspectionPagesTests.post(
                    client, "/admin/accounts", office,
                    fields.map { $0.0 == "role" ? ("role", role) : $0 } + [("inspectorCertificate", certificate)])
                #expect(refused.status == .unprocessableContent)
                #expect(refused.html.contains(role == "inspector" ? "本部门执法检查人员库中没有执法证号为 \(certificate) 的人员" : "只有执法检查人员账号"))
            }
            #expect(try await fixture.stores.accounts.all().contains { $0.username == "samr-zhang" } == false)

            let created = try await InspectionPagesTests.post(
                client, "/admin/accounts", office, fields + [("inspectorCertificate", "SAMR-2")])
            #expect(created.status == .found)
            let account = try #require(try await fixture.stores.accounts.all().first { $0.username == "samr-zhang" })
            let inspector = try await fixture.stores.inspectors.list(scope: .only("SAMR"), query: ListQuery(search: "SAMR-2")).items
            #expect(account.inspectorID == inspector.first { $0.certificateNumber == "SAMR-2" }?.id)
        }
    }
}
