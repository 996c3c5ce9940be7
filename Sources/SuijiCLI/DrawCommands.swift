// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import SuijiCore
import SuijiDraw
import SuijiStore

/// `suiji draw`: verifiable draws from the command line.
struct DrawCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draw", abstract: "Run, list and export verifiable draws.",
        subcommands: [Run.self, List.self, Export.self, Log.self])

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

extension DrawCommand {
    /// `suiji draw log [--out FILE]`
    struct Log: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log", abstract: "Write the public draw log (draw-log.txt, as the portal serves it) after checking its chain.")
        @OptionGroup var database: DatabaseOptions
        @Option(name: .long, help: "Output file (default: standard output).") var out: String?

        func run() async throws {
            let stores = try await database.open()
            let log = try await stores.publicLog.log()
            await stores.database.close()
            let bytes = log.fileBytes()
            _ = try PublicLog.parse(bytes)
            if let out {
                try Data(bytes).write(to: URL(fileURLWithPath: out))
                Console.error("wrote \(log.entries.count) entries to \(out); head \(log.head?.hash ?? "-")")
            } else {
                FileHandle.standardOutput.write(Data(bytes))
            }
        }
    }
}

/// `suiji verify DIR`: recomputes a draw from its bundle alone; with `--log`, checks it against
/// the public draw log; with `--target`, explains one target at once.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Recompute a draw from its public bundle; prints OK or the first mismatch (exit 1).")

    @Argument(help: "Directory of the bundle (from `suiji draw export` or the public page).") var directory: String
    @Option(
        name: .long,
        help:
            "Only explain one target (key, its stratum's cutoff, drawn or not, and why) from the bundle's files, without recomputing the rest."
    )
    var target: String?
    @Option(name: .long, help: "The conflict salt (hex, auditors only) to recompute the matching exactly.") var salt: String?
    @Option(
        name: .long,
        help:
            "The public draw log (a file, or the portal's URL …/public/draw-log.txt): the bundle must match what was logged while the draw went on."
    )
    var log: String?

    func run() async throws {
        if let target {
            do {
                print(try BundleDirectory.explain(directory, id: target.trimmed.uppercased()).message)
                print("note: 仅解释该对象（随机数、本层截止值）；完整核验请运行 suiji verify \(directory)")
            } catch {
                print("MISMATCH: \((error as? DrawError)?.message ?? "\(error)")")
                throw ExitCode(1)
            }
            return
        }
        let bundle = try BundleDirectory.read(directory)
        let report = Verifier.verify(bundle: bundle, conflictSalt: salt.flatMap(Bytes.fromHex))
        if let failure = report.failure {
            print("MISMATCH: \(failure.message)")
            throw ExitCode(1)
        }
        if let log {
            do {
                let parsed = try PublicLog.parse(try await Self.load(log))
                try Verifier.checkAnchors(bundle: bundle, log: parsed)
                print("OK \(report.recordDigest ?? "")")
                print("log: 与公开日志一致（日志头 第 \(parsed.head?.seq ?? 0) 条 \(parsed.head?.hash ?? "")）")
            } catch let error as DrawError {
                print("MISMATCH: 与公开日志不符：\(error.message)")
                throw ExitCode(1)
            }
        } else {
            print("OK \(report.recordDigest ?? "")")
        }
        for note in report.notes { print("note: \(note)") }
    }

    /// The log's bytes from a file or an http(s) URL.
    static func load(_ location: String) async throws -> [UInt8] {
        if location.hasPrefix("http://") || location.hasPrefix("https://"), let url = URL(string: location) {
            let (data, response) = try await URLSession.shared.data(from: url)
            if let http = response as? HTTPURLResponse, http.statusCode != 200 {
                throw ValidationError("\(location): HTTP \(http.statusCode)")
            }
            return Array(data)
        }
        guard let data = FileManager.default.contents(atPath: location) else { throw ValidationError("cannot read \(location)") }
        return Array(data)
    }
}
