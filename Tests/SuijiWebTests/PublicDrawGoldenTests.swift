// SPDX-License-Identifier: Apache-2.0

import Foundation
import HummingbirdTesting
import Testing

/// The public draw page of a fixed draw, byte for byte (the `<main>` part: the page's own
/// content, not the site's frame). Regenerate with `SUIJI_UPDATE_GOLDEN=1` after a deliberate
/// change and read the diff: one heading per stratum with its cutoff, names beside credit
/// codes, teams by name, the announcement, the log head.
@Suite("The public draw page, golden")
struct PublicDrawGoldenTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/public-draw.html")

    @Test func thePublicDrawPageIsTheGolden() async throws {
        try await withApp { fixture, client in
            try await PlanDrawFixture.seed(fixture)
            let (_, batch) = try await PlanDrawFixture.approvedPlan(client)
            let id = try await PlanDrawFixture.executedDraw(client, batch: batch)
            let html = try await anonymousPage(client, "/public/draws/\(id)").html
            let main = try #require(
                html.range(of: "<main id=\"main\">").flatMap { start in
                    html.range(of: "</main>").map { String(html[start.lowerBound..<$0.upperBound]) + "\n" }
                })
            if ProcessInfo.processInfo.environment["SUIJI_UPDATE_GOLDEN"] == "1" {
                try main.write(to: Self.golden, atomically: true, encoding: .utf8)
            }
            let expected = try String(contentsOf: Self.golden, encoding: .utf8)
            #expect(main == expected)
            // What the golden shows, stated: one heading per stratum (4 risk classes at most).
            #expect((1...4).contains(main.components(separatedBy: "类风险层：抽中").count - 1))
        }
    }
}
