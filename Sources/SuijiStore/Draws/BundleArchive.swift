// SPDX-License-Identifier: Apache-2.0

import Foundation
import ZIPFoundation

/// A draw's published files as one ZIP, for the public download (`suiji verify` takes the
/// unpacked directory).
public enum BundleArchive {
    /// The files in a ZIP under a folder named after the draw.
    public static func zip(_ files: [String: [UInt8]], folder: String) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (name, bytes) in files.sorted(by: { $0.key < $1.key }) {
            let data = Data(bytes)
            try archive.addEntry(
                with: "\(folder)/\(name)", type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}
