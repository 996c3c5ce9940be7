// SPDX-License-Identifier: Apache-2.0
import Foundation
import SuijiDraw
import Testing

@Suite struct PythonInteropTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// python3 from PATH (skipped when absent).
    static let python: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin")
        .split(separator: ":").map { "\($0)/python3" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static func run(_ args: [String]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python!)
        p.arguments = [root.appendingPathComponent("tools/reference_verifier.py").path] + args
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: out, as: UTF8.self))
    }

    @Test(.enabled(if: python != nil), arguments: ["V1", "V3", "V4", "V5"])
    func pythonVerifiesSwiftBundle(name: String) throws {
        var b = try TestVectors.bundle(TestVectors.definitions.first { $0.name == name }!)
        if name == "V5" {
            let first = String(decoding: b.files["assignment.txt"]!, as: UTF8.self).split(separator: "\n")[1].split(separator: "\t")
            b = try b.appendingReplacements([
                ReplacementApproval(
                    target: String(first[0]), slot: String(first[1]),
                    replaced: String(first[2]), approver: "A-1",
                    reason: "leave", date: "2026-12-12")
            ])
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("suiji-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (n, bytes) in b.files { try Data(bytes).write(to: dir.appendingPathComponent(n)) }
        let (status, out) = try Self.run(["verify", dir.path])
        #expect(status == 0, "\(out)")
        #expect(out.contains("OK record-digest \(b.recordDigest!)"))
        // And a tampered copy fails in Python too.
        var sel = b.files["selection.txt"]!
        sel[sel.count - 2] = sel[sel.count - 2] == 0x30 ? 0x31 : 0x30
        try Data(sel).write(to: dir.appendingPathComponent("selection.txt"))
        #expect(try Self.run(["verify", dir.path]).0 == 1)
    }

    /// V6 in Python: exact with the salt, public constraints without; N1–N4 rejected.
    @Test(.enabled(if: python != nil))
    func pythonVerifiesTheFullVectorAndRejectsTheNegatives() throws {
        func write(_ b: DrawBundle) throws -> URL {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("suiji-v6-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            for (n, bytes) in b.files { try Data(bytes).write(to: dir.appendingPathComponent(n)) }
            return dir
        }
        let b = try TestVectors.bundle(TestVectors.definitions.first { $0.name == "V6" }!)
        let dir = try write(b)
        defer { try? FileManager.default.removeItem(at: dir) }
        let salted = try Self.run(["verify", dir.path, "--salt", Bytes.hex(TestVectors.conflictSalt)])
        #expect(salted.0 == 0 && salted.1.contains("OK record-digest \(b.recordDigest!)") && !salted.1.contains("NOTE"), "\(salted.1)")
        let plain = try Self.run(["verify", dir.path])
        #expect(plain.0 == 0 && plain.1.contains("NOTE"), "\(plain.1)")
        for (name, file, mutated) in try FullVectorTests.negatives() {
            let bad = try write(mutated)
            defer { try? FileManager.default.removeItem(at: bad) }
            let (status, out) = try Self.run(["verify", bad.path])
            #expect(status == 1 && out.contains(file), "\(name): \(out)")
        }
    }

    @Test(.enabled(if: python != nil))
    func pythonRegeneratesVectors() throws {
        let (status, out) = try Self.run(["vectors"])
        #expect(status == 0)
        for v in TestVectors.definitions { #expect(out.contains(try TestVectors.dump(v)), "vector \(v.name)") }
    }
}
