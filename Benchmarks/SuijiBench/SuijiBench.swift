// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import SuijiDemo

/// Benchmarks of the user's path: each runs the built `suiji` (`import`, `draw run`, `serve`,
/// `demo`) on realistic data and prints its figures beside a baseline measured in the same run,
/// alternating runs so that the load of a shared machine falls on both. Not tests: build with
/// `swift build -c release` and run `.build/release/suiji-bench <command>`.
@main
struct SuijiBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suiji-bench", abstract: "Suiji benchmarks of the user's path (run the release build).",
        subcommands: [ImportBench.self, DrawBench.self, ServeBench.self, DemoBench.self, TargetBench.self])
}
