// SPDX-License-Identifier: Apache-2.0
import Foundation
import ZIPFoundation

/// Description of one worksheet listed in a workbook.
public struct TabularXLSXSheetInfo: Sendable, Equatable {
    /// The sheet name shown on the tab.
    public var name: String
    /// Path of the worksheet part inside the zip, e.g. "xl/worksheets/sheet1.xml".
    public var partPath: String
}

/// Zip-level access to an XLSX package held in memory.
enum TabularXLSXPackage {
    static func open(_ data: Data) throws -> Archive {
        do {
            return try Archive(data: data, accessMode: .read)
        } catch {
            throw TabularError.invalidWorkbook(detail: "zip: \(error)")
        }
    }

    /// Extracts the entry at `path` (exact, then case-insensitive), or nil when absent.
    /// Parts whose uncompressed size exceeds `limit` (as declared, or as actually inflated) fail
    /// with `.expandsTooFar` before more than `limit` bytes are held (zip-bomb guard).
    static func extract(_ archive: Archive, _ path: String, limit: Int = .max) throws -> Data? {
        var entry = archive[path]
        if entry == nil {
            let lower = path.lowercased()
            entry = archive.first {
                $0.path.lowercased() == lower || $0.path.replacingOccurrences(of: "\\", with: "/").lowercased() == lower
            }
        }
        guard let entry else { return nil }
        let tooLarge = TabularError.expandsTooFar(limit: limit)
        guard entry.uncompressedSize <= UInt64(max(0, limit)) else { throw tooLarge }
        var out = Data()
        out.reserveCapacity(Int(clamping: entry.uncompressedSize))
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: true) { chunk in
                guard out.count + chunk.count <= limit else { throw tooLarge }
                out.append(chunk)
            }
        } catch let error as TabularError {
            throw error
        } catch {
            throw TabularError.invalidWorkbook(detail: "\(path): \(error)")
        }
        return out
    }

    /// Reads the sheet list (workbook order) and the shared-strings part path; `used` is the
    /// bytes the two parts inflated to (together at most `limit`).
    static func readWorkbook(_ archive: Archive, limit: Int) throws -> (
        sheets: [TabularXLSXSheetInfo], sharedStrings: String?, used: Int
    ) {
        guard let workbook = try extract(archive, "xl/workbook.xml", limit: limit) else {
            throw TabularError.invalidWorkbook(detail: "missing xl/workbook.xml")
        }
        let rels = try extract(archive, "xl/_rels/workbook.xml.rels", limit: limit - workbook.count) ?? Data()
        var targets: [String: String] = [:]
        var sharedStrings: String?
        rels.withUnsafeBytes { raw in
            var scanner = TabularXMLScanner(raw.bindMemory(to: UInt8.self))
            while let tag = scanner.nextTag() {
                guard tag.kind != .close, scanner.name(tag, is: Array("Relationship".utf8)) else { continue }
                guard let id = scanner.attributeString(Array("Id".utf8), of: tag),
                    let target = scanner.attributeString(Array("Target".utf8), of: tag)
                else { continue }
                if scanner.attributeString(Array("TargetMode".utf8), of: tag) == "External" { continue }
                let path = resolve(target)
                targets[id] = path
                let type = scanner.attributeString(Array("Type".utf8), of: tag) ?? ""
                if type.hasSuffix("/sharedStrings") { sharedStrings = path }
            }
        }
        var sheets: [TabularXLSXSheetInfo] = []
        workbook.withUnsafeBytes { raw in
            var scanner = TabularXMLScanner(raw.bindMemory(to: UInt8.self))
            var index = 0
            while let tag = scanner.nextTag() {
                guard tag.kind != .close, scanner.name(tag, is: Array("sheet".utf8)) else { continue }
                index += 1
                let name = scanner.attributeString(Array("name".utf8), of: tag) ?? "Sheet\(index)"
                // The relationship id is `r:id` (any prefix); its local name is "id".
                let rid = scanner.attributeString(Array("id".utf8), of: tag) ?? ""
                let path = targets[rid] ?? "xl/worksheets/sheet\(index).xml"
                sheets.append(TabularXLSXSheetInfo(name: name, partPath: path))
            }
        }
        if sheets.isEmpty { throw TabularError.invalidWorkbook(detail: "no worksheet") }
        return (sheets, sharedStrings, workbook.count + rels.count)
    }

    /// Resolves a relationship target relative to `xl/`.
    static func resolve(_ target: String) -> String {
        var parts: [Substring] = []
        let absolute = target.hasPrefix("/")
        let base: [Substring] = absolute ? [] : ["xl"]
        for part in base + target.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }
}
