// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import SuijiDemo

/// `suiji demo --fresh --no-serve` (the demo district built from nothing), against
/// `suiji migrate` of an empty database (the fixed cost of starting and creating the schema).
struct DemoBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "suiji demo --fresh --no-serve vs suiji migrate of an empty file (goal ≤ 2.5 s).")

    @OptionGroup var options: BenchOptions
    @Option(help: "Runs of each (alternating).") var runs = 5

    func run() async throws {
        let data = try options.data()
        let path = "\(data.dir)/demo-fresh.sqlite"
        var comparison = Comparison(label: "suiji demo --fresh --no-serve", baselineLabel: "suiji migrate (empty file)")
        for _ in 1...runs {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            comparison.baseline.append(try Measured.run([data.suiji, "migrate", "--db", path], quiet: true))
            comparison.candidate.append(try Measured.run([data.suiji, "demo", "--fresh", "--no-serve", "--db", path], quiet: true))
        }
        comparison.report()
    }
}
