// SPDX-License-Identifier: Apache-2.0

import Foundation

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
    /// CPU time of a database server the command talked to (PostgreSQL), when measured.
    var server = 0.0

    var cpu: Double { user + system + server }

    var description: String {
        server > 0
            ? String(format: "%7.2f s wall, %6.2f s CPU (%.2f s of it the server's), %6.0f MB peak", wall, cpu, server, peakMB)
            : String(format: "%7.2f s wall, %6.2f s CPU, %6.0f MB peak", wall, cpu, peakMB)
    }

    /// Runs `arguments` as `run` does and adds the CPU time the PostgreSQL server `server` spent meanwhile.
    static func run(_ arguments: [String], server: PostgresServer) throws -> Measured {
        let before = server.settledCPU()
        var measured = try run(arguments)
        measured.server = server.settledCPU() - before
        return measured
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

/// A local PostgreSQL server, found by its data directory, whose CPU time can be read: that of
/// the postmaster and its live processes, plus that of the processes it has reaped (the
/// connections' backends, which end with their connection).
struct PostgresServer {
    let postmaster: Int32

    /// The server of `url` (it must run on this machine, readable by this user).
    init(url: String) throws {
        let directory = try Measured.run(["psql", url, "-At", "-c", "SHOW data_directory"]).output.trimmingCharacters(
            in: .whitespacesAndNewlines)
        let pidFile = try String(contentsOfFile: directory + "/postmaster.pid", encoding: .utf8)
        guard let pid = pidFile.split(separator: "\n").first.flatMap({ Int32($0) }) else {
            throw BenchError("cannot read the postmaster's pid in \(directory)")
        }
        postmaster = pid
    }

    /// `cpu()` once the backends of connections just closed have ended and been reaped (their
    /// time moves from the live processes to the postmaster's children's time when reaped).
    func settledCPU() -> Double {
        usleep(1_500_000)
        return cpu()
    }

    /// Seconds of CPU used so far by the server.
    func cpu() -> Double {
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        var total = 0.0
        let processes = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for name in processes {
            guard let pid = Int32(name), let fields = Self.stat(pid) else { continue }
            // Fields after the command: state is [0], ppid [1], utime [11], stime [12], cutime [13], cstime [14].
            if pid == postmaster {
                total += fields[11...14].compactMap { Double($0) }.reduce(0, +)
            } else if Int32(fields[1]) == postmaster {
                total += fields[11...12].compactMap { Double($0) }.reduce(0, +)
            }
        }
        return total / ticks
    }

    /// The fields of /proc/PID/stat after the command name.
    private static func stat(_ pid: Int32) -> [Substring]? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        return fields.count > 14 ? Array(fields) : nil
    }
}
