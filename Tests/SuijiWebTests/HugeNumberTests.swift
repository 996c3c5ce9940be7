// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import HummingbirdTesting
import SuijiCore
import SuijiStore
import Testing

/// Issue 11.1: a client's page, count and offset numbers never trap the server (an overflow
/// would kill the test process itself).
@Suite("Huge numbers in queries")
struct HugeNumberTests {
    static let huge = "9223372036854775807"

    @Test func listingsAnswerHugePageNumbers() async throws {
        try await withApp { _, client in
            // setup: the weakest account that can list, and the office for the audit log
            let bearer = try await token(client, "inspector")
            let office = try await login(client, "office")
            // MUT + validate: the API listings refuse an out-of-range number, naming it (400) …
            for path in ["inspectors", "targets", "items", "experts"] {
                for (query, field) in [
                    ("page=\(Self.huge)", "page"), ("page=1&perPage=\(Self.huge)", "perPage"), ("page=-\(Self.huge)", "page"),
                    ("perPage=99999999999999999999", "perPage"), ("page=abc", "page"),
                ] {
                    try await client.execute(
                        uri: "/api/v1/\(path)?\(query)", method: .get, headers: [.authorization: "Bearer \(bearer)"]
                    ) { response in
                        #expect(response.status == .badRequest, "/api/v1/\(path)?\(query)")
                        let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                        #expect((json?["error"] as? [String: Any])?["field"] as? String == field)
                    }
                }
                // … and answer the last page there is.
                try await client.execute(
                    uri: "/api/v1/\(path)?page=\(Paging.maxPage)&perPage=500", method: .get, headers: [.authorization: "Bearer \(bearer)"]
                ) { response in
                    #expect(response.status == .ok)
                    let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                    #expect((json?["items"] as? [Any])?.isEmpty == true)
                }
            }
            for uri in ["/api/v1/outside-checks?page=\(Self.huge)", "/api/v1/outside-checks?year=\(Self.huge)"] {
                try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer \(bearer)"]) {
                    #expect($0.status == .badRequest, "\(uri)")
                }
            }
            for query in ["limit=\(Self.huge)", "offset=\(Self.huge)", "plan=9223372036854775808", "plan=-1"] {
                try await client.execute(uri: "/api/v1/inspections?\(query)", method: .get, headers: [.authorization: "Bearer \(bearer)"]) {
                    #expect($0.status == .badRequest, "\(query)")
                }
            }
            try await client.execute(
                uri: "/api/v1/inspections?limit=1000&offset=\(InspectionQuery.maxOffset)", method: .get,
                headers: [.authorization: "Bearer \(bearer)"]
            ) { #expect($0.status == .ok) }
            // the staff pages read the same numbers leniently (clamped: a hand-edited address still shows a page)
            for path in [
                "/targets", "/items", "/inspectors", "/experts", "/inspections", "/admin/audit", "/plans?year=\(Self.huge)",
                "/outside-checks?year=\(Self.huge)", "/outside-checks?year=-\(Self.huge)",
            ] {
                let separator = path.contains("?") ? "&" : "?"
                try await client.execute(uri: path + separator + "page=\(Self.huge)", method: .get, headers: [.cookie: office.cookie]) {
                    #expect($0.status == .ok, "\(path)")
                }
            }
            // the public open data with a year and a version no calendar knows
            try await client.execute(uri: "/public/data/plans.csv?year=\(Self.huge)", method: .get) { #expect($0.status == .badRequest) }
            try await client.execute(uri: "/public/data/plans.csv?year=2026", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/public/annual-plans/\(Self.huge)?version=\(Self.huge)", method: .get) {
                #expect($0.status == .notFound)
            }
        }
    }

    @Test func auditPageLinksStayWithinTheBound() async throws {
        try await withApp { _, client in
            let office = try await login(client, "office")
            try await client.execute(uri: "/admin/audit?page=\(Paging.maxPage)", method: .get, headers: [.cookie: office.cookie]) {
                #expect($0.status == .ok)
                #expect(!String(buffer: $0.body).contains("page=\(Paging.maxPage + 1)"))
            }
        }
    }
}
