// SPDX-License-Identifier: Apache-2.0

import Hummingbird
import SuijiCore
import SuijiStore
import Synchronization

/// Public pages as rendered for anonymous visitors, kept until committed data changes
/// (`SuijiDatabase.dataStamp`): a citizen's page of a target depends on the data alone (no
/// account, no session, no clock), so a page asked for again before anything is committed is
/// the same bytes. Bounded in bytes; a signed-in visitor's page (with its user bar) is never
/// kept.
final class PublicPageCache: Sendable {
    private struct State {
        var pages: [String: (stamp: UInt64, html: ByteBuffer)] = [:]
        var bytes = 0
    }

    private let state = Mutex(State())
    /// Bytes of HTML kept at most.
    static let bound = 32 << 20

    func page(_ key: String, stamp: UInt64) -> ByteBuffer? {
        state.withLock { state in
            guard let entry = state.pages[key], entry.stamp == stamp else { return nil }
            return entry.html
        }
    }

    func store(_ key: String, stamp: UInt64, html: ByteBuffer) {
        state.withLock { state in
            if state.bytes + html.readableBytes > Self.bound {
                state.pages = state.pages.filter { $0.value.stamp == stamp }
                state.bytes = state.pages.values.reduce(0) { $0 + $1.html.readableBytes }
                if state.bytes + html.readableBytes > Self.bound { state.pages.removeAll() }
                if state.pages.isEmpty { state.bytes = 0 }
            }
            state.bytes += html.readableBytes - (state.pages[key]?.html.readableBytes ?? 0)
            state.pages[key] = (stamp, html)
        }
    }
}

extension PageRenderer {
    /// The public page `key` rendered from `template` and the model `load` reads: for an
    /// anonymous visitor from `PublicPageCache` while the data stamp `stamp` (taken before
    /// reading) holds, otherwise rendered (and kept).
    func publicPage<Model: PageModel>(
        _ key: String, template: String, account: Account?, csrf: String, stamp: UInt64, load: () async throws -> Model
    ) async throws -> Response {
        guard account == nil else { return render(template, try await load(), account: account, csrf: csrf) }
        let html: ByteBuffer
        if let kept = publicPages.page(key, stamp: stamp) {
            html = kept
        } else {
            let model = try await load()
            html = ByteBuffer(string: try self.html(template, model, account: nil))
            publicPages.store(key, stamp: stamp, html: html)
        }
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: html))
    }
}
