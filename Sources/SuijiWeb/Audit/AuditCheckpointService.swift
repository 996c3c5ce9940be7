// SPDX-License-Identifier: Apache-2.0

import Foundation
import Logging
import ServiceLifecycle
import SuijiStore

/// Signs the audit log's head every `interval` while the server runs (when it moved), once at
/// start and once at shutdown, into the database and the anchor file outside it. A log that no
/// longer checks out is not signed: the failure is logged at `critical`.
struct AuditCheckpointService: Service {
    let database: SuijiDatabase
    let seal: AuditSeal
    let interval: Duration
    let clock: AppClock
    let logger: Logger

    func run() async throws {
        await sign()
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                await sign()
            }
        }
        await sign()
    }

    func sign() async {
        do {
            if let checkpoint = try await AuditLog.checkpoint(database, seal: seal, now: clock.now()) {
                logger.info("audit checkpoint signed", metadata: ["seq": "\(checkpoint.seq)", "head": "\(checkpoint.head)"])
            }
        } catch {
            logger.critical("audit checkpoint failed: \(error)")
        }
    }
}
