// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import Testing

@testable import SuijiWeb

/// No silent fallbacks in the web layer: a JSON answer that cannot be encoded and a template
/// that is missing are errors, and the templates are resolved when the server starts.
@Suite("Web failures are loud")
struct FailLoudlyTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// The Swift files under `Sources/<target>`, with their text.
    static func swiftFiles(_ target: String) throws -> [(name: String, text: String)] {
        let folder = sources.appendingPathComponent(target)
        let paths = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        return try paths.filter { $0.hasSuffix(".swift") }.sorted().map {
            ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))
        }
    }

    @Test func aValueThatCannotBeEncodedAnswers500NotAnEmptyObject() {
        // MUT: JSON has no NaN
        let response = JSONBody.response(["ratio": Double.nan])
        // validate
        #expect(response.status == .internalServerError)
        #expect(response.headers[.contentType] == "application/json; charset=utf-8")
    }

    @Test func aMissingTemplateIsAnError() async throws {
        // setup
        let pages = try await PageRenderer.bundled()
        // MUT + validate
        #expect(throws: TemplateError.missing("no-such-page")) { try pages.requireTemplates(["home", "no-such-page"]) }
        #expect(throws: TemplateError.missing("no-such-page")) { _ = try pages.html("no-such-page", [String: String](), account: nil) }
        #expect(pages.render("no-such-page", [String: String](), account: nil).status == .internalServerError)
    }

    @Test func everyTemplateTheCodeRendersIsResolvedAtBoot() throws {
        // setup: the template names written in `render(` and `html(` calls
        var rendered: Set<String> = []
        for file in try Self.swiftFiles("SuijiWeb") {
            for match in file.text.matches(of: /(?:render|html)\(\s*"([a-z0-9-]+)"/) { rendered.insert(String(match.output.1)) }
        }
        // and the partials the templates include
        let templates = Self.sources.appendingPathComponent("SuijiWeb/Templates")
        for name in try FileManager.default.contentsOfDirectory(atPath: templates.path) where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: templates.appendingPathComponent(name), encoding: .utf8)
            for match in text.matches(of: /\{\{>\s*([a-z0-9-]+)/) { rendered.insert(String(match.output.1)) }
        }
        // validate
        #expect(rendered.count > 25)
        let unlisted = rendered.subtracting(PageRenderer.templates).sorted()
        #expect(unlisted.isEmpty, "templates rendered but not checked at boot (PageRenderer.templates): \(unlisted)")
    }

    @Test func handlersTakeTheirStoresFromStores() throws {
        // validate: every store is built once, in `Stores`; HTTP handlers and commands use those
        for target in ["SuijiWeb", "SuijiCLI"] {
            for file in try Self.swiftFiles(target) {
                let built = file.text.matches(of: /[A-Z][A-Za-z]*(?:Store|Exporter|Importer|Reader|Directory)\(database:/).map {
                    String($0.output)
                }
                #expect(built.isEmpty, "\(target)/\(file.name) builds \(built) instead of using `stores`")
            }
        }
    }
}
