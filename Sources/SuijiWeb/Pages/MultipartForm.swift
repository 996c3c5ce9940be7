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

    /// Reads the body (at most `limit` bytes: a larger one is refused with a message naming
    /// `field`). Checks the CSRF token of cookie sessions (the `_csrf` field).
    static func read(_ request: Request, context: AppRequestContext, limit: Int, field: String, tooLarge: String) async throws
        -> MultipartForm
    {
        _ = try context.requireAccount()
        guard let contentType = request.headers[.contentType], contentType.lowercased().hasPrefix("multipart/form-data"),
            let boundary = contentType.components(separatedBy: "boundary=").last?.split(separator: ";").first
        else { throw WebError.badRequest(field: field, message: "请以 multipart/form-data 方式上传文件") }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw WebError.badRequest(field: field, message: tooLarge)
        }
        let form = try parse(body, boundary: String(boundary).trimmingCharacters(in: CharacterSet(charactersIn: "\" ")))
        if !context.viaBearer {
            guard !context.csrfToken.isEmpty, form.value("_csrf") == context.csrfToken else { throw WebError.csrfMismatch }
        }
        return form
    }

    static func parse(_ body: ByteBuffer, boundary: String) throws -> MultipartForm {
        let parser = MultipartParser(boundary: boundary)
        var parts: [Part] = []
        var disposition = ""
        var data = Data()
        parser.onHeader = { name, value in
            if name.lowercased() == "content-disposition" { disposition = value }
        }
        parser.onBody = { buffer in data.append(contentsOf: buffer.readableBytesView) }
        parser.onPartComplete = {
            let parameters = Self.parameters(disposition)
            if let name = parameters["name"] {
                parts.append(
                    Part(name: name, fileName: parameters["filename*"].flatMap(Self.extended) ?? parameters["filename"], data: data))
            }
            disposition = ""
            data = Data()
        }
        do {
            try parser.execute(body)
        } catch  where parts.isEmpty && body.readableBytes <= boundary.utf8.count + 8 {
            return MultipartForm(parts: [])  // only the closing boundary: an empty form
        } catch {
            throw WebError.badRequest(field: "file", message: "上传的表单无法解析，请重新选择文件后提交")
        }
        return MultipartForm(parts: parts)
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
