// SPDX-License-Identifier: Apache-2.0
import Foundation
import SuijiDraw
import Testing

@Suite struct SpecVectorTests {
    static let recordDigests = [
        "V1": "dd9cd1f7edc2d2605274dc9a0cab576281250186fb7841847f9049ff1d011194",
        "V2": "b40f43b5ee12025279d1e671853bda7cfdaeb9a706351c60829f34bd2b1a8aa9",
        "V3": "6d429eff4d747b164f8cc2e289d5a7359009358a38728e3e727097a810ac9392",
        "V4": "332f184cd119f85ddcb6528c724d181bd18eec3e43d0a0e4c5803952278d4871",
        "V5": "6a214398bfe3465ba34d3074086392d333e995e94dd05cc7da921a51a24e4d7b",
        "V6": "8af15bd44cbbfc0d737f3ae2a2b9e80db8cff6011722353a0dbd06cb7cd2b1cd",
    ]

    @Test(arguments: TestVectors.definitions.map(\.name))
    func recordDigest(name: String) throws {
        let v = TestVectors.definitions.first { $0.name == name }!
        let b = try TestVectors.bundle(v)
        #expect(b.recordDigest == Self.recordDigests[name])
        let report = Verifier.verify(bundle: b)
        #expect(report.ok, "\(report.failure?.message ?? "")")
    }

    @Test func v3SeedAndSelection() throws {
        let b = try TestVectors.bundle(TestVectors.definitions[2])
        let record = String(decoding: b.files["record.txt"]!, as: UTF8.self)
        #expect(record.contains("prk\te6b186cec1ad672af612c2b1f81e046033e963d016be3888051aa9cc3ee2e5f9\n"))
        #expect(record.contains("target-key\t3eeabb2c780433bef9bca12b12b357ae2daa084d37ca1acf58471b58f4b29955\n"))
        #expect(record.contains("inspector-key\t70fd9a8144022393972f8784c61556a80946fb7f175e9bfa50c8b8c43aeda393\n"))
        let sel = String(decoding: b.files["selection.txt"]!, as: UTF8.self)
        #expect(
            sel.hasPrefix(
                "A\t1\t913101000004608076\t2499c0f216bee834\nA\t2\t913101000002513496\t261fc52e03d66533\nB\t1\t913101000001780393\t0cc856dd71b7f934\n"
            ))
        let key = TargetKeys.key(
            targetKey: hex("3eeabb2c780433bef9bca12b12b357ae2daa084d37ca1acf58471b58f4b29955"),
            id: "913101000004608076")
        #expect(Bytes.hex64(key) == "2499c0f216bee834")
    }

    @Test func missingRevealVectorRecordsMissing() throws {
        let b = try TestVectors.bundle(TestVectors.definitions[3])
        let record = String(decoding: b.files["record.txt"]!, as: UTF8.self)
        #expect(record.contains("missing\tHEALTH-310115\n"))
        #expect(String(decoding: b.files["reveal.txt"]!, as: UTF8.self).contains("secret\tHEALTH-310115\tmissing\n"))
    }

    /// The published vectors document equals what this implementation generates.
    @Test func vectorsDocumentIsCurrent() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/draw-vectors.md"), encoding: .utf8)
        for v in TestVectors.definitions {
            #expect(doc.contains(try TestVectors.dump(v)), "vector \(v.name) differs from docs/draw-vectors.md")
        }
    }
}
