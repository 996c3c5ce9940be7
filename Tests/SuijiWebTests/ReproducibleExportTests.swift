// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import HummingbirdTesting
import SuijiCore
import Testing

/// With the clock frozen and the random source seeded, exporting the same data twice gives the
/// same bytes: open data, the exchange file and the library exports carry no hidden time.
@Suite("Exports are byte-reproducible")
struct ReproducibleExportTests {
    @Test func exportingTwiceGivesIdenticalBytes() async throws {
        try await withApp { fixture, client in
            // setup: a published inspection, so every file has rows
            let inspection = try await PlanDrawFixture.publishedInspection(fixture, client, healthCategory: "not-publicized")
            let samr = try await login(client, "samr")
            let year = inspection.windowEnd.year
            for (uri, staff) in [
                ("/public/data/results.xlsx", false), ("/public/data/draws.xlsx", false), ("/public/data/plans.csv", false),
                ("/exchange.xlsx?year=\(year)", true), ("/api/v1/exports/targets.xlsx", true),
            ] {
                // MUT
                func export() async throws -> Data {
                    try await client.execute(uri: uri, method: .get, headers: staff ? [.cookie: samr.cookie] : [:]) { response in
                        #expect(response.status == .ok, "\(uri)")
                        return Data(buffer: response.body)
                    }
                }
                let first = try await export()
                let second = try await export()
                // validate
                #expect(first.count > 100, "\(uri)")
                #expect(first == second, "\(uri) differs between two exports")
            }
        }
    }
}
