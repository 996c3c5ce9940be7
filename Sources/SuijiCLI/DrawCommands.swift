// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import SuijiCore
import SuijiDraw
import SuijiStore

/// `suiji draw`: verifiable draws from the command line.
struct DrawCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draw", abstract: "Run, list and export verifiable draws.",
        subcommands: [Run.self, List.self, Export.self])

    /// `suiji draw run PLAN.json`
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Create (or reuse) the plan and batch of PLAN.json, then prepare, commit, reveal and execute; prints the draw id.")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The plan file (JSON; see docs/draw-run.md).") var file: String

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
            let input = try JSONDecoder().decode(DrawRunFile.self, from: data)
            let stores = try await database.open()
            do {
                let id = try await DrawRunner(stores: stores, now: Date()).run(input)
                print(id)
                await stores.database.close()
            } catch let error as any DomainError {
                Console.error(error.message)
                await stores.database.close()
                throw ExitCode(2)
            }
        }
    }

    /// `suiji draw list`
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the draws, newest first.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let stores = try await database.open()
            for draw in try await stores.draws.list(for: DrawRunner.office) {
                let redraw = draw.redrawOf.map { "\tredraw of \($0): \(draw.redrawReason)" } ?? ""
                print("\(draw.id)\t\(draw.state.rawValue)\t\(draw.preparedAt)\(redraw)")
            }
            await stores.database.close()
        }
    }

    /// `suiji draw export ID --out DIR`
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Write the public bundle of a draw to a directory (what `suiji verify` checks).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The draw id.") var id: String
        @Option(name: .long, help: "Output directory (created if missing).") var out: String

        func run() async throws {
            let stores = try await database.open()
            let files = try await stores.draws.publishedFiles(id)
            await stores.database.close()
            guard !files.isEmpty else {
                Console.error("draw \(id) has published nothing yet (it is waiting for every department's commitment)")
                throw ExitCode(1)
            }
            let directory = URL(fileURLWithPath: out)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for (name, bytes) in files.sorted(by: { $0.key < $1.key }) {
                try Data(bytes).write(to: directory.appendingPathComponent(name))
            }
            Console.error("wrote \(files.count) files to \(out)")
        }
    }
}

/// `suiji verify DIR`: recomputes a draw from its bundle alone.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Recompute a draw from its public bundle; prints OK or the first mismatch (exit 1).")

    @Argument(help: "Directory of the bundle (from `suiji draw export` or the public page).") var directory: String
    @Option(name: .long, help: "Explain one target: its key, its stratum's cutoff, drawn or not, and why.") var target: String?
    @Option(name: .long, help: "The conflict salt (hex, auditors only) to recompute the matching exactly.") var salt: String?

    func run() async throws {
        let url = URL(fileURLWithPath: directory)
        var files: [String: [UInt8]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) where name.hasSuffix(".txt") {
            files[name] = Array(try Data(contentsOf: url.appendingPathComponent(name)))
        }
        let bundle = DrawBundle(files: files)
        let report = Verifier.verify(bundle: bundle, conflictSalt: salt.flatMap(Bytes.fromHex))
        if let failure = report.failure {
            print("MISMATCH: \(failure.message)")
            throw ExitCode(1)
        }
        print("OK \(report.recordDigest ?? "")")
        for note in report.notes { print("note: \(note)") }
        if let target {
            do {
                print(try Verifier.explain(bundle: bundle, id: target.trimmed.uppercased()).message)
            } catch {
                print("MISMATCH: \(error.message)")
                throw ExitCode(1)
            }
        }
    }
}
