// SPDX-License-Identifier: Apache-2.0

import Foundation
import HummingbirdTesting
import Testing

/// The public draw page of a fixed draw, byte for byte (the `<main>` part: the page's own
/// content, not the site's frame), through `GoldenFile`. Regenerate with `SUIJI_UPDATE_GOLDEN=1`
/// after a deliberate change and read the diff: one heading per stratum with its cutoff, names beside credit
/// codes, teams by name, the announcement, the log head.
@Suite("The public draw page, golden")
struct PublicDrawGoldenTests {
    @Test func thePublicDrawPageIsTheGolden() async throws {
        try await withApp { fixture, client in
            try await PlanDrawFixture.seed(fixture)
            let (_, batch) = try await PlanDrawFixture.approvedPlan(client)
            let id = try await PlanDrawFixture.executedDraw(client, batch: batch)
            let html = try await anonymousPage(client, "/public/draws/\(id)").html
            let main = try GoldenFile.main(html)
            try GoldenFile.check(main, "public-draw.html")
            // What the golden shows, stated: one heading per stratum (4 risk classes at most).
            #expect((1...4).contains(main.components(separatedBy: "类风险层：抽中").count - 1))
        }
    }
}
