// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A `multipart/form-data` body: its text fields and files, with the file names as sent.
struct MultipartForm {
    struct Part {
        var name: String
        /// The file name of a file part, nil for a text field.
        var fileName: String?
        var data: Data
    }

    var parts: [Part]

    /// Reads the body as it arrives (at most `limit` bytes, and never more than the route's
    /// `BodyLimits`: a larger one is refused with a message naming `field`); file parts go to a
    /// temporary file (`UploadSpool`), not the heap. The `_csrf` field of a cookie session was
    /// checked before the handler by the signed-in group (`FormCSRFMiddleware`).
    static func read(_ request: Request, context: some RequestContext, limit: Int, field: String, tooLarge: String) async throws
        -> MultipartForm
    {
        guard let contentType = request.headers[.contentType], contentType.lowercased().hasPrefix("multipart/form-data"),
            let boundary = boundary(contentType)
        else { throw WebError.badRequest(field: field, message: "请以 multipart/form-data 方式上传文件") }
        let reader = Reader(boundary: boundary)
        let limit = min(limit, context.maxUploadSize)
        var received = 0
        do {
            for try await chunk in request.body {
                received += chunk.readableBytes
                guard received <= limit else { throw WebError.badRequest(field: field, message: tooLarge) }
                try reader.execute(chunk)
            }
        } catch let error as WebError {
            throw error
        } catch is BodyTooLarge {
            throw WebError.badRequest(field: field, message: tooLarge)
        } catch  where reader.parts.isEmpty && received <= boundary.utf8.count + 8 {
            return MultipartForm(parts: [])  // only the closing boundary: an empty form
        } catch {
            throw WebError.badRequest(field: "file", message: "上传的表单无法解析，请重新选择文件后提交")
        }
        let form = MultipartForm(parts: reader.parts)
        try FormText.check(form.parts.map { ($0.name, $0.fileName ?? form.value($0.name)) })
        return form
    }

    /// The boundary of a `multipart/form-data` content type: 1 to 70 characters (RFC 2046),
    /// unquoted; nil when absent or out of that range.
    static func boundary(_ contentType: String) -> String? {
        guard let range = contentType.range(of: "boundary=", options: .caseInsensitive) else { return nil }
        let value = contentType[range.upperBound...].split(separator: ";").first.map(String.init) ?? ""
        let boundary = value.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        guard (1...70).contains(boundary.utf8.count) else { return nil }
        return boundary
    }

    /// The streaming parse: text fields kept in memory, file parts spooled to disk.
    final class Reader {
        let parser: MultipartParser
        var parts: [Part] = []
        var disposition = ""
        var data = Data()
        var spool: UploadSpool?
        var failure: (any Error)?

        init(boundary: String) {
            parser = MultipartParser(boundary: boundary)
            parser.onHeader = { [unowned self] name, value in
                if name.lowercased() == "content-disposition" { disposition = value }
            }
            parser.onBody = { [unowned self] buffer in
                do {
                    if spool == nil,
                        MultipartForm.parameters(disposition)["filename"] != nil
                            || MultipartForm.parameters(disposition)["filename*"] != nil
                    {
                        spool = try UploadSpool()
                    }
                    if let spool { try spool.write(buffer) } else { data.append(contentsOf: buffer.readableBytesView) }
                } catch {
                    failure = error
                }
            }
            parser.onPartComplete = { [unowned self] in
                let parameters = MultipartForm.parameters(disposition)
                do {
                    let content = try spool?.finish() ?? data
                    if let name = parameters["name"] {
                        parts.append(
                            Part(
                                name: name, fileName: parameters["filename*"].flatMap(MultipartForm.extended) ?? parameters["filename"],
                                data: content))
                    }
                } catch {
                    failure = error
                }
                disposition = ""
                data = Data()
                spool = nil
            }
        }

        func execute(_ buffer: ByteBuffer) throws {
            try parser.execute(buffer)
            if let failure { throw failure }
        }
    }

    /// The parameters of a `Content-Disposition` value (`form-data; name="a"; filename="b.jpg"`),
    /// quoted values unquoted (a `;` inside quotes is kept).
    static func parameters(_ header: String) -> [String: String] {
        var result: [String: String] = [:]
        var key = ""
        var value = ""
        var inKey = true
        var quoted = false
        var escaped = false
        func finish() {
            let name = key.trimmingCharacters(in: .whitespaces).lowercased()
            if !name.isEmpty && !inKey { result[name] = quoted ? value : value.trimmingCharacters(in: .whitespaces) }
            key = ""
            value = ""
            inKey = true
            quoted = false
        }
        var inQuotes = false
        for character in header {
            if inQuotes {
                if escaped {
                    value.append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inQuotes = false
                } else {
                    value.append(character)
                }
            } else if character == ";" {
                finish()
            } else if inKey && character == "=" {
                inKey = false
            } else if inKey {
                key.append(character)
            } else if character == "\"" && value.trimmingCharacters(in: .whitespaces).isEmpty {
                inQuotes = true
                quoted = true
                value = ""
            } else {
                value.append(character)
            }
        }
        finish()
        return result
    }

    /// An RFC 5987 value: `UTF-8''%E7%85%A7.jpg`.
    static func extended(_ value: String) -> String? {
        guard let range = value.range(of: "''") else { return nil }
        return String(value[range.upperBound...]).removingPercentEncoding
    }

    /// The first text field `name`, trimmed; empty when absent.
    func value(_ name: String) -> String {
        guard let part = parts.first(where: { $0.name == name && $0.fileName == nil }) else { return "" }
        return String(decoding: part.data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The first file part `name` with a file chosen.
    func file(_ name: String) -> Part? {
        parts.first { $0.name == name && $0.fileName != nil && !($0.fileName ?? "").isEmpty }
    }
}
