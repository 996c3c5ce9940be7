// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiDraw

/// A draw's bundle as a directory on disk (`suiji draw export`, an unpacked public ZIP): read
/// whole for `suiji verify DIR`, or memory-mapped for `suiji verify DIR --target CODE`, which
/// reads only the few lines it needs (a 10⁶-line pool stays on disk).
public enum BundleDirectory {
    /// Every `.txt` file of the directory.
    public static func read(_ path: String) throws -> DrawBundle {
        let url = URL(fileURLWithPath: path)
        var files: [String: [UInt8]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: path) where name.hasSuffix(".txt") {
            files[name] = Array(try Data(contentsOf: url.appendingPathComponent(name)))
        }
        return DrawBundle(files: files)
    }

    /// Why `id` was or was not drawn: `record.txt` and `reveal.txt` read, the sorted files
    /// searched in place (`TargetLookup`).
    public static func explain(_ path: String, id: String) throws -> TargetExplanation {
        let url = URL(fileURLWithPath: path)
        func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: url.appendingPathComponent(name))) }
        return try TargetLookup.explain(id: id, record: try bytes("record.txt"), reveal: try bytes("reveal.txt")) { name, compare in
            let mapped = try Data(contentsOf: url.appendingPathComponent(name), options: .alwaysMapped)
            return mapped.withUnsafeBytes { LineSearch.find(in: $0, compare) }
        }
    }
}
