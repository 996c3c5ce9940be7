// SPDX-License-Identifier: Apache-2.0

import SuijiDraw
import Foundation
import ZIPFoundation

/// One file of an archived dossier.
public struct DossierFile: Sendable, Codable, Equatable {
    /// The path inside the dossier's folder, e.g. `附件/1-现场照片.jpg`.
    public var path: String
    /// What it is, in Chinese (抽查通知书、检查记录表…).
    public var title: String
    public var bytes: Int
    /// Lower-case hex SHA-256 of the content.
    public var sha256: String

    public init(path: String, title: String, bytes: Int, sha256: String) {
        self.path = path
        self.title = title
        self.bytes = bytes
        self.sha256 = sha256
    }
}

/// The index of an archived dossier (`index.json`).
public struct DossierIndex: Sendable, Codable, Equatable {
    public var inspectionID: Int64
    public var target: String
    public var targetUID: String
    public var state: String
    /// When the archive was made (ISO 8601).
    public var createdAt: String
    public var files: [DossierFile]

    public init(inspectionID: Int64, target: String, targetUID: String, state: String, createdAt: String, files: [DossierFile]) {
        self.inspectionID = inspectionID
        self.target = target
        self.targetUID = targetUID
        self.state = state
        self.createdAt = createdAt
        self.files = files
    }
}

/// Problems found when an archived dossier is checked against its index.
public enum DossierArchiveError: Error, Equatable, CustomStringConvertible {
    case unreadable(String)
    case missingIndex
    case missingFile(String)
    case digestMismatch(String)
    case unlisted(String)

    public var description: String {
        switch self {
        case .unreadable(let reason): "档案文件无法读取：\(reason)"
        case .missingIndex: "档案缺少 index.json"
        case .missingFile(let path): "档案缺少目录中列出的文件 \(path)"
        case .digestMismatch(let path): "文件 \(path) 的 SHA-256 与目录不符（已被改动）"
        case .unlisted(let path): "文件 \(path) 不在目录中"
        }
    }
}

/// A dossier as one ZIP: a folder with the files, `index.json` and a human-readable `目录.txt`
/// listing each file with its size and SHA-256, and `SHA256SUMS`, so the archive can be checked
/// file by file (`sha256sum -c SHA256SUMS`).
public enum DossierArchive {
    /// The names of the two index files.
    public static let indexName = "index.json"
    public static let tableName = "目录.txt"
    /// The digests in the form `sha256sum -c SHA256SUMS` checks.
    public static let sumsName = "SHA256SUMS"

    /// The ZIP of `files` (path, title, content) under `folder`, with the index.
    public static func zip(
        folder: String, files: [(path: String, title: String, content: Data)], index header: DossierIndex
    ) throws -> (data: Data, index: DossierIndex) {
        var index = header
        index.files = files.map {
            DossierFile(path: $0.path, title: $0.title, bytes: $0.content.count, sha256: Bytes.sha256Hex($0.content))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = try encoder.encode(index)
        let sums = index.files.map { "\($0.sha256)  \($0.path)\n" }.joined()
        let entries =
            files.map { ($0.path, $0.content) } + [(indexName, json), (tableName, Data(table(index).utf8)), (sumsName, Data(sums.utf8))]
        return (try BundleArchive.zip(entries: entries, folder: folder), index)
    }

    /// `目录.txt`: one line per file.
    static func table(_ index: DossierIndex) -> String {
        var lines = [
            "检查档案目录", "检查任务：\(index.inspectionID)", "检查对象：\(index.target)（\(index.targetUID)）", "状态：\(index.state)",
            "归档时间：\(index.createdAt)", "", "序号\t文件\t说明\t大小（字节）\tSHA-256",
        ]
        for (number, file) in index.files.enumerated() {
            lines.append("\(number + 1)\t\(file.path)\t\(file.title)\t\(file.bytes)\t\(file.sha256)")
        }
        lines.append("")
        lines.append("共 \(index.files.count) 个文件。核对：对每个文件计算 SHA-256，应与上表一致（在本目录下运行 sha256sum -c SHA256SUMS）。")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads an archived dossier and checks every file against `index.json`: each listed file
    /// is present with its digest, and no other file (besides the two index files) is there.
    public static func verify(_ data: Data) throws(DossierArchiveError) -> DossierIndex {
        var contents: [String: Data] = [:]
        do {
            let archive = try Archive(data: data, accessMode: .read)
            for entry in archive where entry.type == .file {
                var content = Data()
                _ = try archive.extract(entry) { content.append($0) }
                let path = entry.path.split(separator: "/", maxSplits: 1).last.map(String.init) ?? entry.path
                contents[path] = content
            }
        } catch {
            throw .unreadable(String(describing: error))
        }
        guard let json = contents[indexName] else { throw .missingIndex }
        let index: DossierIndex
        do {
            index = try JSONDecoder().decode(DossierIndex.self, from: json)
        } catch {
            throw .unreadable("index.json: \(error)")
        }
        for file in index.files {
            guard let content = contents[file.path] else { throw .missingFile(file.path) }
            guard content.count == file.bytes, Bytes.sha256Hex(content) == file.sha256 else { throw .digestMismatch(file.path) }
        }
        let listed = Set(index.files.map(\.path) + [indexName, tableName, sumsName])
        if let extra = contents.keys.sorted().first(where: { !listed.contains($0) }) { throw .unlisted(extra) }
        return index
    }
}
