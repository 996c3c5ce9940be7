// SPDX-License-Identifier: Apache-2.0

import Foundation
import ZIPFoundation

/// A draw's published files as one ZIP, for the public download (`suiji verify` takes the
/// unpacked directory).
public enum BundleArchive {
    /// The files in a ZIP under a folder named after the draw.
    public static func zip(_ files: [String: [UInt8]], folder: String) throws -> Data {
        try zip(entries: files.sorted(by: { $0.key < $1.key }).map { ($0.key, Data($0.value)) }, folder: folder)
    }

    /// The ZIP of `entries` (path, content), in order, under `folder` (also the dossier's).
    static func zip(entries: [(String, Data)], folder: String) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, content) in entries {
            try archive.addEntry(
                with: "\(folder)/\(path)", type: .file, uncompressedSize: Int64(content.count), compressionMethod: .deflate,
                provider: { position, size in content.subdata(in: Int(position)..<Int(position) + size) })
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}
