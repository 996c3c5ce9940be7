// SPDX-License-Identifier: Apache-2.0

import Foundation

/// A photo, scan or PDF attached to an inspection (§16.3), optionally to one item's finding:
/// the evidence behind the record form. The content is kept in the database; its SHA-256
/// digest is fixed when it is uploaded.
public struct Attachment: Sendable, Codable, Equatable, Identifiable {
    public var id: Int64
    public var inspectionID: Int64
    /// The item whose finding it documents; nil for the inspection as a whole.
    public var item: PlanItem?
    /// The file name as uploaded (without any directory).
    public var fileName: String
    /// The media type recognised from the content, e.g. `image/jpeg`.
    public var mediaType: String
    public var byteSize: Int
    /// Lower-case hex SHA-256 of the content.
    public var sha256: String
    /// What it shows (现场照片、询问笔录…), may be empty.
    public var note: String
    /// The account that uploaded it.
    public var uploadedBy: String
    public var uploadedAt: Date

    /// Creates an attachment record.
    public init(
        id: Int64 = 0, inspectionID: Int64, item: PlanItem?, fileName: String, mediaType: String, byteSize: Int, sha256: String,
        note: String, uploadedBy: String, uploadedAt: Date
    ) {
        self.id = id
        self.inspectionID = inspectionID
        self.item = item
        self.fileName = fileName
        self.mediaType = mediaType
        self.byteSize = byteSize
        self.sha256 = sha256
        self.note = note
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
    }
}

/// What may be attached: photos, scans and PDFs up to `maxBytes`. The type is recognised from
/// the content's first bytes, not from the name or the browser's claim.
public enum AttachmentRules {
    /// 10 MB: a phone photo or a scanned multi-page record fits.
    public static let maxBytes = 10 * 1024 * 1024
    /// The longest file name kept, in characters.
    public static let maxFileName = 120

    /// The media types accepted, with their Chinese names.
    public static let allowed: [(mediaType: String, label: String)] = [
        ("image/jpeg", "JPEG 照片"), ("image/png", "PNG 图片"), ("image/webp", "WebP 图片"), ("image/heic", "HEIC 照片"),
        ("image/tiff", "TIFF 扫描件"), ("application/pdf", "PDF 文件"),
    ]

    /// The media type recognised from the first bytes of `content`, or nil.
    public static func mediaType(of content: some Collection<UInt8>) -> String? {
        let head = Array(content.prefix(16))
        func starts(_ bytes: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + bytes.count && Array(head[offset..<offset + bytes.count]) == bytes
        }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if starts(Array("%PDF-".utf8)) { return "application/pdf" }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return "image/tiff" }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return "image/webp" }
        if starts(Array("ftyp".utf8), at: 4) {
            let brand = String(decoding: head.count >= 12 ? head[8..<12] : [], as: UTF8.self)
            if ["heic", "heix", "heim", "heis", "mif1", "msf1"].contains(brand) { return "image/heic" }
        }
        return nil
    }

    /// The kept file name: the last path component, trimmed, at most `maxFileName` characters;
    /// issues name the field `file`.
    public static func fileName(_ raw: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(last.trimmed.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
        return String(cleaned.suffix(maxFileName))
    }

    /// Checks an upload: not empty, within the size limit, of an accepted type. Returns the
    /// recognised media type.
    public static func check(fileName: String, content: some Collection<UInt8>) throws(InspectionError) -> String {
        if fileName.isEmpty { throw .invalid([FieldIssue(field: "file", message: "请选择要上传的附件（照片、扫描件或 PDF）")]) }
        if content.isEmpty { throw .invalid([FieldIssue(field: "file", message: "附件“\(fileName)”是空文件")]) }
        if content.count > maxBytes {
            throw .invalid([
                FieldIssue(
                    field: "file",
                    message: "附件“\(fileName)”大小 \(String(format: "%.1f", Double(content.count) / 1_048_576)) MB，超过 10 MB 的上限")
            ])
        }
        guard let type = mediaType(of: content) else {
            throw .invalid([
                FieldIssue(
                    field: "file", message: "附件“\(fileName)”的文件类型不支持，只能上传 \(allowed.map(\.label).joined(separator: "、"))")
            ])
        }
        return type
    }

    /// The usual file extension of `mediaType`.
    public static func fileExtension(_ mediaType: String) -> String {
        switch mediaType {
        case "image/jpeg": "jpg"
        case "image/png": "png"
        case "image/webp": "webp"
        case "image/heic": "heic"
        case "image/tiff": "tif"
        case "application/pdf": "pdf"
        default: "bin"
        }
    }
}
