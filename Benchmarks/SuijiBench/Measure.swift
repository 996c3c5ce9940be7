// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore

#if canImport(Glibc)
    import Glibc
#endif

/// One run of a command: wall time, CPU time and peak memory, from the kernel's accounting.
struct Measured: CustomStringConvertible {
    var wall: Double
    var user: Double
    var system: Double
    /// Peak resident set size in MB.
    var peakMB: Double
    var status: Int32
    var output: String
    /// CPU time of a database server working for the command (PostgreSQL), in seconds.
    var server: Double = 0

    var cpu: Double { user + system + server }

    var description: String {
        server > 0
            ? String(format: "%7.2f s wall, %6.2f s CPU (server %.2f s), %6.0f MB peak", wall, cpu, server, peakMB)
            : String(format: "%7.2f s wall, %6.2f s CPU, %6.0f MB peak", wall, cpu, peakMB)
    }

    /// Runs `arguments` (the first is the program) to completion; standard output is returned,
    /// standard error goes to the bench's own standard error. Throws when it fails.
    static func run(_ arguments: [String], environment: [String: String] = [:], quiet: Bool = false) throws -> Measured {
        let outPath = FileManager.default.temporaryDirectory.appendingPathComponent("suiji-bench-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if quiet { posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0) }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let start = Date()
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, envp)
        guard spawned == 0 else { throw BenchError("cannot start \(arguments[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        // The kernel's ru_maxrss of a child started by posix_spawn (vfork) starts at this
        // process's own high-water mark, so the child's peak is sampled from /proc instead.
        var peak = 0.0
        while true {
            let done = wait4(pid, &status, WNOHANG, &usage)
            if done == pid { break }
            if done < 0 && errno != EINTR { break }
            peak = max(peak, Self.highWaterMB(pid))
            usleep(20_000)
        }
        let wall = Date().timeIntervalSince(start)
        let output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let measured = Measured(
            wall: wall, user: Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6,
            system: Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6, peakMB: peak,
            status: exit, output: output)
        guard exit == 0 else {
            throw BenchError("\(arguments.prefix(3).joined(separator: " ")) … exited with \(exit): \(output.suffix(500))")
        }
        return measured
    }

    /// VmHWM (peak resident set) of a running process, in MB; 0 when it cannot be read.
    static func highWaterMB(_ pid: pid_t) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kB = line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap({ Double($0) })
        else { return 0 }
        return kB / 1024
    }

    /// Starts `arguments` in the background; returns its process id.
    static func start(_ arguments: [String], log: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchError("cannot start \(arguments[0])") }
        return pid
    }

    /// Stops a process started with `start` and returns its peak memory in MB.
    static func stop(_ pid: pid_t) -> Double {
        let peak = highWaterMB(pid)
        kill(pid, SIGTERM)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        return peak
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Repeated measurements of a candidate and its baseline, run alternately so that the load of a
/// shared machine falls on both alike.
struct Comparison {
    var label: String
    var baselineLabel: String
    var candidate: [Measured] = []
    var baseline: [Measured] = []

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// Spread of the runs: (max − min) / median.
    static func spread(_ values: [Double]) -> Double {
        guard let low = values.min(), let high = values.max() else { return .nan }
        return (high - low) / median(values)
    }

    func report(rows: Int? = nil) {
        let wall = Self.median(candidate.map(\.wall))
        let cpu = Self.median(candidate.map(\.cpu))
        let baseWall = Self.median(baseline.map(\.wall))
        let baseCPU = Self.median(baseline.map(\.cpu))
        func rate(_ seconds: Double) -> String { rows.map { String(format: "  %9.0f rows/s", Double($0) / seconds) } ?? "" }
        print(
            String(
                format: "  %@ %7.3f s wall (spread %3.0f%%), %7.3f s CPU, %6.0f MB peak%@", label.padded(40), wall,
                Self.spread(candidate.map(\.wall)) * 100, cpu, candidate.map(\.peakMB).max() ?? 0, rate(wall)))
        print(
            String(
                format: "  %@ %7.3f s wall (spread %3.0f%%), %7.3f s CPU, %6.0f MB peak%@", baselineLabel.padded(40), baseWall,
                Self.spread(baseline.map(\.wall)) * 100, baseCPU, baseline.map(\.peakMB).max() ?? 0, rate(baseWall)))
        print(
            String(
                format: "  ratio %@ / %@: %.2f× wall, %.2f× CPU  (%d runs each)", label, baselineLabel, wall / baseWall, cpu / baseCPU,
                candidate.count))
    }
}

extension String {
    func padded(_ width: Int) -> String {
        let count = self.count + self.unicodeScalars.filter { $0.value >= 0x2E80 }.count
        return count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}

/// CPU time of a local PostgreSQL server, from /proc: its postmaster's own and that of its
/// children already ended (backends of finished connections), plus its live children's.
struct ServerCPU {
    let postmaster: pid_t

    /// The server behind `url` (found through its checkpointer's parent).
    init(url: String) throws {
        let output = try Measured.run(["psql", url, "-At", "-c", "SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'"])
            .output.trimmed
        guard let checkpointer = Int32(output), let fields = Self.fields(checkpointer), fields.count > 1, let parent = Int32(fields[1])
        else { throw BenchError("cannot find the PostgreSQL server's processes (\(output))") }
        postmaster = parent
    }

    /// The fields of /proc/PID/stat after the command name (state, ppid, …).
    static func fields(_ pid: pid_t) -> [Substring]? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else {
            return nil
        }
        return stat[stat.index(after: close)...].split(separator: " ")
    }

    /// The server's CPU seconds so far.
    func seconds() -> Double {
        var ticks = 0.0
        if let own = Self.fields(postmaster), own.count > 14 {
            ticks += own[11...14].compactMap { Double($0) }.reduce(0, +)
        }
        let parent = String(postmaster)
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(entry), let fields = Self.fields(pid), fields.count > 12, fields[1] == parent else { continue }
            ticks += (Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)
        }
        return ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Runs `arguments` and adds the server's CPU time over the run.
    func measure(_ arguments: [String]) throws -> Measured {
        let before = seconds()
        var measured = try Measured.run(arguments)
        measured.server = max(0, seconds() - before)
        return measured
    }
}
