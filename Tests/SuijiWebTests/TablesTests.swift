// SPDX-License-Identifier: Apache-2.0

import Foundation
import HTTPTypes
import HummingbirdTesting
import SuijiCore
import SuijiStore
import Testing

/// Tables sort by their column headers (server-side, whitelisted keys), show page numbers, and
/// the public search pages past its first 50 results (issue 13, point 8).
@Suite("Sortable, numbered tables")
struct TablesTests {
    /// 120 companies 第1号公司…第120号公司 in SAMR's library, risk classes A–D in turn.
    static func seed(_ fixture: WebFixture) async throws {
        try await PlanDrawFixture.seed(fixture)
    }

    @Test func libraryListsSortByAWhitelistedColumnAndNumberTheirPages() async throws {
        try await withApp { fixture, client in
            try await Self.seed(fixture)
            let samr = try await login(client, "samr")
            func page(_ uri: String) async throws -> (status: HTTPResponse.Status, html: String) {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: samr.cookie]) { ($0.status, String(buffer: $0.body)) }
            }
            // The header links sort ascending, then the sorted column links to descending.
            let plain = try await page("/targets")
            #expect(plain.html.contains("<a href=\"/targets?dir=asc&amp;sort=name\" class=\"sort\">名称</a>"))
            let ascending = try await page("/targets?sort=name&dir=asc")
            #expect(ascending.html.contains("aria-sort=\"ascending\"") && ascending.html.contains("名称 ▲"))
            #expect(ascending.html.contains("href=\"/targets?dir=desc&amp;sort=name\""))
            let descending = try await page("/targets?sort=name&dir=desc")
            let first = { (html: String) in html.range(of: #"第\d+号公司"#, options: .regularExpression).map { String(html[$0]) } }
            // Names compare as text: 第99号公司 sorts after 第120号公司.
            #expect(first(ascending.html) == "第100号公司" && first(descending.html) == "第9号公司")
            // Page numbers, keeping the order.
            #expect(descending.html.contains("<span aria-current=\"page\" class=\"current\">1</span>"))
            #expect(descending.html.contains("<a href=\"/targets?sort=name&amp;dir=desc&amp;page=2\">2</a>"))
            // An unknown key (or an injection attempt) falls back to the default order.
            let odd = try await page("/targets?sort=name%3BDROP%20TABLE%20targets&dir=asc")
            #expect(odd.status == .ok && first(odd.html) == first(plain.html))
            // A page number past the end or absurdly large is answered, not a crash.
            #expect(try await page("/targets?page=99999999999999999999").status == .ok)
            #expect(try await page("/inspections?page=9223372036854775807").status == .ok)
        }
    }

    @Test func thePublicSearchPagesPastFiftyResults() async throws {
        try await withApp { fixture, client in
            try await Self.seed(fixture)
            let first = try await anonymousPage(client, "/public/targets?q=%E5%85%AC%E5%8F%B8")  // 公司
            #expect(first.status == .ok && first.html.contains("共 120 个"))
            #expect(first.html.contains("<a href=\"/public/targets?q=%E5%85%AC%E5%8F%B8&amp;page=3\">3</a>"))
            let third = try await anonymousPage(client, "/public/targets?q=%E5%85%AC%E5%8F%B8&page=3")
            let rows = third.html.components(separatedBy: "<tr><td><a href=\"/public/targets/").count - 1
            #expect(rows == 20 && third.html.contains("第 3 / 3 页"))
        }
    }

    @Test func theInspectionListSortsByDueDateAndState() async throws {
        try await withApp { fixture, client in
            let (_, all) = try await PlanDrawFixture.drawnInspection(fixture, client)
            let samr = try await login(client, "samr")
            let sorted = try await InspectionPagesTests.page(client, "/inspections?sort=target&dir=desc", samr).html
            let names = all.map(\.target.name).sorted(by: >)
            let firstShown = sorted.range(of: names[0]).map(\.lowerBound)
            let lastShown = sorted.range(of: names[min(names.count - 1, 19)]).map(\.lowerBound)
            #expect(firstShown != nil && lastShown != nil && firstShown! <= lastShown!)
            #expect(sorted.contains("检查对象 ▼"))
        }
    }
}
