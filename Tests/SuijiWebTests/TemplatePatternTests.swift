// SPDX-License-Identifier: Apache-2.0

import Foundation
import Testing

/// Every `pattern=` of the templates compiles in the `v` mode browsers use for the attribute
/// (Chromium logs a SyntaxError and drops the check otherwise).
@Suite("Template patterns")
struct TemplatePatternTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/SuijiWeb/Templates")

    /// The problems of `pattern` in `v` mode, for the subset the templates use: inside a class,
    /// `( ) [ { } / |` must be escaped and `-` may only join two single characters.
    static func vModeProblems(_ pattern: String) -> [String] {
        var problems: [String] = []
        var inClass = false
        var atoms: [Character] = []  // the class so far; "-" marks a range operator
        var index = pattern.startIndex
        while index < pattern.endIndex {
            let character = pattern[index]
            if character == "\\" {
                index = pattern.index(after: index)
                if inClass { atoms.append("x") }
            } else if !inClass {
                if character == "[" { (inClass, atoms) = (true, []) }
            } else if character == "]" {
                if atoms.last == "-" { problems.append("“-” ends a class") }
                inClass = false
            } else if "()[{}/|".contains(character) {
                problems.append("unescaped “\(character)” in a class")
            } else if character == "-" {
                let joinsRange = atoms.count >= 2 && atoms[atoms.count - 2] == "-"
                if atoms.isEmpty || atoms.last == "-" || joinsRange { problems.append("unescaped “-” in a class") }
                atoms.append("-")
            } else {
                atoms.append(character)
            }
            if index < pattern.endIndex { index = pattern.index(after: index) }
        }
        return problems
    }

    @Test func theCheckerCatchesTheHyphenChromiumRejects() {
        #expect(!Self.vModeProblems("[0-9A-Za-z-]+").isEmpty)
        #expect(Self.vModeProblems(#"[0-9A-Za-z\-]+"#).isEmpty)
        #expect(Self.vModeProblems("[0-9a-fA-F]{64}").isEmpty)
    }

    @Test func everyTemplatePatternIsValidInVMode() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.templates.path).filter { $0.hasSuffix(".mustache") }
        var checked = 0
        for name in names {
            let text = try String(contentsOf: Self.templates.appendingPathComponent(name), encoding: .utf8)
            for match in text.matches(of: /pattern="([^"]*)"/) {
                checked += 1
                #expect(Self.vModeProblems(String(match.1)).isEmpty, "\(name): \(match.1)")
            }
        }
        #expect(checked >= 4)
    }
}
