// SPDX-License-Identifier: Apache-2.0
import SuijiDraw
import Testing

@Suite struct BundleTests {
    func lines(_ b: [UInt8]) -> [String] { String(decoding: b, as: UTF8.self).split(separator: "\n").map(String.init) }
    func join(_ l: [String]) -> [UInt8] { Array((l.joined(separator: "\n") + "\n").utf8) }

    @Test func tamperedSelectionFails() throws {
        let b = try Fixture().bundle()
        var sel = lines(b.files["selection.txt"]!)
        var f = sel[0].split(separator: "\t").map(String.init)
        f[2] = TestVectors.targetID(29)
        sel[0] = f.joined(separator: "\t")
        let bad = b.replacing("selection.txt", with: join(sel))
        let r = Verifier.verify(bundle: bad)
        guard case .mismatch(let file, let line, _, _, _)? = r.failure else {
            Issue.record("expected mismatch")
            return
        }
        #expect(file == "selection.txt" && line == 1)
        #expect(r.failure!.message.hasPrefix("抽取结果第 1 行"))
        // Without updating the manifest the manifest check fires first.
        var files = b.files
        files["selection.txt"] = join(sel)
        #expect(Verifier.verify(bundle: DrawBundle(files: files)).failure?.code == "mismatch")
        if case .mismatch(let mf, _, _, _, _)? = Verifier.verify(bundle: DrawBundle(files: files)).failure { #expect(mf == "manifest.txt") }
    }

    @Test func removedPoolLineFails() throws {
        let b = try Fixture().bundle()
        var pool = lines(b.files["pool.txt"]!)
        pool.remove(at: 3)
        let r = Verifier.verify(bundle: b.replacing("pool.txt", with: join(pool)))
        #expect(r.failure == .mismatch(file: "parameters.txt", line: 8, field: "pool-size", expected: "29", found: "30"))
        #expect(r.failure?.message == "参数文件第 8 行：pool-size 与重算结果不符（应为 29，实为 30）")
    }

    @Test func changedRevealFails() throws {
        let f = try Fixture()
        let b = try f.bundle()
        var rev = lines(b.files["reveal.txt"]!)
        rev[4] = "secret\tTAX\t" + String(repeating: "ab", count: 32)
        let r = Verifier.verify(bundle: b.replacing("reveal.txt", with: join(rev)))
        #expect(r.failure == .commitmentMismatch(department: "TAX"))
        #expect(r.failure?.message == "部门 TAX 公开的秘密与其承诺不符")
    }

    @Test func droppedFileAndBadSyntaxFail() throws {
        let b = try Fixture().bundle()
        var files = b.files
        files.removeValue(forKey: "record.txt")
        #expect(Verifier.verify(bundle: DrawBundle(files: files)).failure == .missingFile(name: "record.txt"))
        var pool = b.files["pool.txt"]!
        pool.removeLast()
        #expect(Verifier.verify(bundle: b.replacing("pool.txt", with: pool)).failure?.code == "syntax")
    }

    @Test func explainEveryFate() throws {
        let f = try Fixture()
        let b = try f.bundle()
        let sel = lines(b.files["selection.txt"]!)[0].split(separator: "\t").map(String.init)
        let drawn = try Verifier.explain(bundle: b, id: sel[2])
        #expect(drawn.fate == .drawn(rank: 1))
        #expect(drawn.key.map(Bytes.hex64) == sel[3])
        let rep = lines(b.files["replacements.txt"]!)[0].split(separator: "\t").map(String.init)
        #expect(try Verifier.explain(bundle: b, id: rep[2]).fate == .replacement(rank: 1))
        let ex = try Verifier.explain(bundle: b, id: TestVectors.targetID(31))
        #expect(ex.fate == .excluded(.deregistered))
        #expect(try Verifier.explain(bundle: b, id: "NOT-HERE").fate == .notInPool)
        let listed = Set((lines(b.files["selection.txt"]!) + lines(b.files["replacements.txt"]!)).map { $0.split(separator: "\t")[2] })
        let other = (1...30).map(TestVectors.targetID).first { !listed.contains(Substring($0)) }!
        let e = try Verifier.explain(bundle: b, id: other)
        #expect(e.fate == .notDrawn)
        #expect(e.key! > e.cutoff!.key)
        #expect(e.message.contains("未被抽中"))
    }
}
