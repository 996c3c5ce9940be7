// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// The CSRF check of every form a signed-in group receives: a write (any method but GET and
/// HEAD) to a page route must carry the session's token in its `_csrf` field, and so must a
/// `multipart/form-data` upload of a cookie session anywhere (an API write's `X-CSRF-Token`
/// header is checked by `SessionMiddleware`). A URL-encoded body is read here (within the
/// route's body limit) and left for the handler; a multipart body is read only up to its
/// `_csrf` field (the forms send it first) and then handed on as a stream, so uploads still go
/// to disk, not the heap. A refusal is `WebError.csrfMismatch` (403, audited).
struct FormCSRFMiddleware: RouterMiddleware {
    typealias Context = SignedInContext
    /// The most bytes read before a multipart body's `_csrf` field.
    static let multipartPeek = 64 * 1024

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        var request = request
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        if contentType.hasPrefix("multipart/form-data") {
            guard !context.viaBearer else { return try await next(request, context) }
            guard let boundary = MultipartForm.boundary(request.headers[.contentType] ?? "") else {
                throw WebError.badRequest(field: "file", message: "请以 multipart/form-data 方式上传文件")
            }
            let token = try await Self.multipartToken(&request, boundary: boundary)
            try Self.require(token, context)
        } else if !request.uri.path.hasPrefix("/api/") {
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            let token = FormFields.pairs(String(decoding: body.readableBytesView, as: UTF8.self)).first { $0.name == "_csrf" }?.value
            try Self.require(token, context)
        }
        return try await next(request, context)
    }

    static func require(_ token: String?, _ context: Context) throws {
        guard !context.csrfToken.isEmpty, token == context.csrfToken else { throw WebError.csrfMismatch }
    }

    /// The `_csrf` field of a multipart body, read from its leading text fields; the body the
    /// handler then reads is unchanged (the bytes read so far, then the rest of the stream).
    static func multipartToken(_ request: inout Request, boundary: String) async throws -> String? {
        let peek = Peek(boundary: boundary)
        var iterator = request.body.makeAsyncIterator()
        var read: [ByteBuffer] = []
        var received = 0
        var ended = false
        do {
            while peek.token == nil, !peek.fileStarted, received <= multipartPeek {
                guard let chunk = try await iterator.next() else {
                    ended = true
                    break
                }
                read.append(chunk)
                received += chunk.readableBytes
                try peek.parser.execute(chunk)
            }
        } catch  where received <= boundary.utf8.count + 8 {
            return nil  // only the closing boundary: an empty form, without a token
        } catch {
            throw WebError.badRequest(field: "file", message: "上传的表单无法解析，请重新选择文件后提交")
        }
        request.body = RequestBody(asyncSequence: Replayed(read: read, rest: ended ? nil : IteratorBox(iterator)))
        return peek.token
    }

    /// Follows the parts until the `_csrf` text field or the first file part.
    final class Peek {
        let parser: MultipartParser
        var disposition = ""
        var data = Data()
        var token: String?
        var fileStarted = false

        init(boundary: String) {
            parser = MultipartParser(boundary: boundary)
            parser.onHeader = { [unowned self] name, value in
                if name.lowercased() == "content-disposition" { disposition = value }
            }
            parser.onBody = { [unowned self] buffer in
                let parameters = MultipartForm.parameters(disposition)
                if parameters["filename"] != nil || parameters["filename*"] != nil { fileStarted = true }
                if parameters["name"] == "_csrf", data.count < 1024 { data.append(contentsOf: buffer.readableBytesView) }
            }
            parser.onPartComplete = { [unowned self] in
                if MultipartForm.parameters(disposition)["name"] == "_csrf", token == nil {
                    token = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                }
                disposition = ""
                data = Data()
            }
        }
    }

    /// The request body's iterator, carried on once (a body has one reader).
    final class IteratorBox: @unchecked Sendable {
        var iterator: RequestBody.AsyncIterator
        init(_ iterator: RequestBody.AsyncIterator) { self.iterator = iterator }
    }

    /// The chunks already read, then the rest of the original body.
    struct Replayed: AsyncSequence, Sendable {
        typealias Element = ByteBuffer
        let read: [ByteBuffer]
        let rest: IteratorBox?

        struct AsyncIterator: AsyncIteratorProtocol {
            var read: [ByteBuffer]
            let rest: IteratorBox?

            mutating func next() async throws -> ByteBuffer? {
                if !read.isEmpty { return read.removeFirst() }
                return try await rest?.iterator.next()
            }
        }

        func makeAsyncIterator() -> AsyncIterator { AsyncIterator(read: read, rest: rest) }
    }
}
