// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing

/// A golden snapshot under `Tests/SuijiWebTests/Golden/`: the text a test produced must equal the
/// file byte for byte. Regenerate with `SUIJI_UPDATE_GOLDEN=1` after a deliberate change and read
/// the diff before committing it.
///
/// The fixture makes everything deterministic at its input (a frozen clock, the store's seeded
/// randomness, fixed libraries), so nothing is masked except what `normalised` documents.
enum GoldenFile {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Checks `text` against `Golden/<name>` (writing it first when `SUIJI_UPDATE_GOLDEN=1`).
    static func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SUIJI_UPDATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "differs from Golden/\(name) (SUIJI_UPDATE_GOLDEN=1 rewrites it)", sourceLocation: sourceLocation)
    }

    /// A page's own content: its `<main>` element (not the site's frame), normalised.
    static func main(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let main = try #require(
            html.range(of: "<main id=\"main\">").flatMap { start in
                html.range(of: "</main>").map { String(html[start.lowerBound..<$0.upperBound]) + "\n" }
            }, sourceLocation: sourceLocation)
        return normalised(main)
    }

    /// A JSON answer, pretty-printed with sorted keys so a change reads as a diff of lines (the
    /// server already sorts its keys; only whitespace is added).
    static func json(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        let pretty = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return normalised(String(decoding: pretty, as: UTF8.self)) + "\n"
    }

    /// The one thing a snapshot may not hold as is: a session's CSRF token. It is a secret drawn
    /// from the system's random generator for each login (and must stay so), so the value of a
    /// `_csrf` form field is replaced by `(csrf)`. Nothing else is rewritten.
    static func normalised(_ text: String) -> String {
        text.replacingOccurrences(
            of: #"name="_csrf" value="[0-9a-f]*""#, with: #"name="_csrf" value="(csrf)""#, options: .regularExpression)
    }
}
