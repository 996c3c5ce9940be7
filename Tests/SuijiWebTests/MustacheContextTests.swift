// SPDX-License-Identifier: Apache-2.0

import Mustache
import Testing

@testable import SuijiWeb

/// A page model handed to Mustache as a prepared context renders exactly as Mustache renders the
/// model by reflection: same keys, nesting, lists, booleans, numbers and missing optionals.
@Suite struct MustacheContextTests {
    struct Line: Encodable {
        var name: String
        var count: Int
        var note: String?
        var tags: [String]
    }

    struct Page: Encodable {
        var title: String
        var lines: [Line]
        var empty: [Line]
        var isOpen: Bool
        var isClosed: Bool
        var subtitle: String?
        var owner: Line?
    }

    static let template = """
        <h1>{{title}}</h1>{{#subtitle}}<h2>{{subtitle}}</h2>{{/subtitle}}{{^subtitle}}<h2>无</h2>{{/subtitle}}
        {{#lines}}<p>{{name}} {{count}} {{#note}}[{{note}}]{{/note}}{{^note}}-{{/note}} {{#tags}}<i>{{.}}</i>{{/tags}} {{title}}</p>{{/lines}}
        {{^empty}}<p>空</p>{{/empty}}{{#isOpen}}开{{/isOpen}}{{#isClosed}}关{{/isClosed}}{{#owner}}{{name}}/{{count}}{{/owner}}
        """

    @Test func preparedContextRendersLikeReflection() throws {
        let template = try MustacheTemplate(string: Self.template)
        let page = Page(
            title: "标题 <&>",
            lines: [
                Line(name: "甲", count: 3, note: "备注", tags: ["SAMR-001", "SAMR-002"]), Line(name: "乙", count: 0, note: nil, tags: []),
            ],
            empty: [], isOpen: true, isClosed: false, subtitle: nil, owner: Line(name: "丙", count: 7, note: nil, tags: []))
        let reflected = template.render(page)
        let prepared = template.render(MustacheContext.make(page))
        #expect(prepared == reflected)
        #expect(prepared.contains("<i>SAMR-002</i>"))
        #expect(prepared.contains("<h2>无</h2>"))
        #expect(prepared.contains("丙/7"))
    }
}
