// SPDX-License-Identifier: Apache-2.0

import Foundation
import Hummingbird

/// Serves `/static/*` from the module's bundled `Public` folder (no CDN: officials' networks
/// are often closed). Files are read once and kept in memory.
struct StaticFilesMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let files: [String: (contentType: String, bytes: ByteBuffer)]

    init() {
        var files: [String: (String, ByteBuffer)] = [:]
        if let folder = Bundle.module.url(forResource: "Public", withExtension: nil),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        {
            for name in names {
                guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { continue }
                let type =
                    switch (name as NSString).pathExtension {
                    case "css": "text/css; charset=utf-8"
                    case "js": "text/javascript; charset=utf-8"
                    case "svg": "image/svg+xml"
                    case "ico": "image/x-icon"
                    default: "application/octet-stream"
                    }
                files["/static/" + name] = (type, ByteBuffer(bytes: data))
            }
        }
        self.files = files
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // Browsers ask for /favicon.ico by themselves (for a PDF or JSON tab too).
        let path = request.uri.path == "/favicon.ico" ? "/static/favicon.ico" : request.uri.path
        guard path.hasPrefix("/static/") else { return try await next(request, context) }
        guard let file = files[path] else { throw WebError.notFound }
        return Response(
            status: .ok, headers: [.contentType: file.contentType, .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: file.bytes))
    }
}
