// SPDX-License-Identifier: Apache-2.0

import ArgumentParser
import Foundation
import SuijiCLI
import Testing

@Suite("The shipped systemd units")
struct DeploymentTests {
    /// The command line of `ExecStart=` (inside `sh -c '…'` when there is one), without the binary.
    static func execStart(_ unit: String) throws -> [String] {
        let text = try String(contentsOf: SuijiBinary.root.appendingPathComponent("deploy/\(unit)"), encoding: .utf8)
        var line = try #require(text.split(separator: "\n").first { $0.hasPrefix("ExecStart=") }).dropFirst("ExecStart=".count)
        if let quoted = line.firstRange(of: "'exec ") {
            line = line[quoted.upperBound...].prefix { $0 != "'" }
        }
        let words = line.replacing(/\$\(date[^)]*\)/, with: "20260101").split(separator: " ").map(String.init)
        #expect(words.first == "/usr/local/bin/suiji")
        return Array(words.dropFirst())
    }

    @Test func theServiceRunsServeWithRestartAndTheKeyOutsideTheDatabase() throws {
        let arguments = try Self.execStart("suiji.service")
        let command = try SuijiCommand.parseAsRoot(arguments)
        #expect(String(describing: type(of: command)) == "ServeCommand")
        let unit = try String(contentsOf: SuijiBinary.root.appendingPathComponent("deploy/suiji.service"), encoding: .utf8)
        #expect(unit.contains("Restart=on-failure") && unit.contains("User=suiji"))
        let key = try #require(arguments.firstIndex(of: "--audit-key")).advanced(by: 1)
        let db = try #require(arguments.firstIndex(of: "--db")).advanced(by: 1)
        #expect(!arguments[key].hasPrefix((arguments[db] as NSString).deletingLastPathComponent))
    }

    @Test func theBackupServiceRunsBackup() throws {
        let command = try SuijiCommand.parseAsRoot(try Self.execStart("suiji-backup.service"))
        #expect(String(describing: type(of: command)) == "BackupCommand")
    }
}
