// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird

/// An upload written to a temporary file as it arrives, then mapped back: a large import is never
/// held whole in the heap (only the pages being read are), and nothing is left on disk (the file
/// is unlinked once mapped).
final class UploadSpool {
    private let url: URL
    private var handle: FileHandle?
    private(set) var count = 0

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("suiji-upload-\(UUID().uuidString).part")
        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown)
        }
        handle = try FileHandle(forWritingTo: url)
    }

    deinit {
        try? handle?.close()
        try? FileManager.default.removeItem(at: url)
    }

    func write(_ buffer: ByteBuffer) throws {
        guard buffer.readableBytes > 0 else { return }
        count += buffer.readableBytes
        try handle?.write(contentsOf: Data(buffer.readableBytesView))
    }

    /// The bytes written, mapped from the file (which is then removed).
    func finish() throws -> Data {
        try handle?.close()
        handle = nil
        defer { try? FileManager.default.removeItem(at: url) }
        return count == 0 ? Data() : try Data(contentsOf: url, options: .alwaysMapped)
    }

    /// Writes `body` to a spool, refusing it past `limit` bytes (`BodyTooLarge`).
    static func read(_ body: RequestBody, limit: Int) async throws -> Data {
        let spool = try UploadSpool()
        for try await chunk in body {
            guard spool.count + chunk.readableBytes <= limit else { throw BodyTooLarge(limit: limit) }
            try spool.write(chunk)
        }
        return try spool.finish()
    }
}
