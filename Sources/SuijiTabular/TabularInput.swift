// SPDX-License-Identifier: Apache-2.0

import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of a table file: in memory (an upload), or a file on disk that is read piece by
/// piece (the command line), so that a million-row file never sits whole in memory.
public enum TabularInput: Sendable {
    case data(Data)
    case file(String)

    /// Its size in bytes, when known.
    public var size: Int? {
        switch self {
        case .data(let data): return data.count
        case .file(let path): return (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        }
    }

    /// The whole input as `Data` (an XLSX workbook needs its central directory); a file is
    /// mapped, not read into the heap.
    func wholeData() throws -> Data {
        switch self {
        case .data(let data): return data
        case .file(let path):
            do { return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) } catch {
                throw TabularError.unreadableFile(path: path)
            }
        }
    }
}

/// Reads a `TabularInput` in pieces of at most `pieceSize` bytes.
struct TabularPieceReader {
    static let pieceSize = 1 << 20

    private let input: TabularInput
    private let pieceSize: Int
    private var descriptor: Int32 = -1
    private var offset = 0

    init(_ input: TabularInput, pieceSize: Int = Self.pieceSize) throws {
        self.input = input
        self.pieceSize = max(1, pieceSize)
        if case .file(let path) = input {
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { throw TabularError.unreadableFile(path: path) }
        }
    }

    /// Closes the file (if any).
    mutating func close() {
        if descriptor >= 0 { closeDescriptor(descriptor) }
        descriptor = -1
    }

    /// The next piece, empty at the end.
    mutating func next() throws -> [UInt8] {
        switch input {
        case .data(let data):
            let end = min(data.count, offset + pieceSize)
            defer { offset = end }
            return offset >= end ? [] : [UInt8](data[(data.startIndex + offset)..<(data.startIndex + end)])
        case .file(let path):
            var piece = [UInt8](repeating: 0, count: pieceSize)
            var filled = 0
            while filled < piece.count {
                let count = piece.withUnsafeMutableBytes { buffer in
                    read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw TabularError.unreadableFile(path: path)
                }
                if count == 0 { break }
                filled += count
            }
            piece.removeSubrange(filled...)
            offset += filled
            return piece
        }
    }
}

private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}
