// SPDX-License-Identifier: Apache-2.0

import Synchronization

/// What inner middleware learns about a request that the outer access log prints: the account.
/// One per request, shared by reference through the request context.
public final class RequestTrace: Sendable {
    private let account = Mutex<Int64?>(nil)

    public init() {}

    /// The id of the account behind the request, once the session is resolved.
    public var accountID: Int64? {
        get { account.withLock { $0 } }
        set { account.withLock { $0 = newValue } }
    }
}
