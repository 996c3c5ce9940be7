// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore
import SuijiDraw
import Testing

@testable import SuijiStore

/// The draw's speed path (issue 12): the digests of its large files kept on its row when stored
/// (the commitment, the execution and the record use them rather than hashing again), and the
/// pool read in credit-code order from the covering index `targets_pool`.
@Suite("The draw's stored digests and pool index")
struct DrawStoredDigestsTests {
    @Test(arguments: TestDatabase.available)
    func theDigestsKeptOnTheRowAreThoseOfTheStoredFiles(_ database: TestDatabase) async throws {
        let draw = try await DrawFixture.make(database)
        let executed = try await draw.run(lottery: true)
        let files = try await draw.stores.draws.publishedFiles(executed.id)
        let row = try #require(
            try await draw.stores.database.read { db in
                try await db.raw(
                    "SELECT pool_digest, excluded_digest, parameters_digest FROM draws WHERE id = \(bind: executed.id)"
                ).first()
            })
        // parameters.txt was rewritten by the announcement: its kept digest followed.
        for (name, column) in [("pool.txt", "pool_digest"), ("excluded.txt", "excluded_digest"), ("parameters.txt", "parameters_digest")] {
            let kept = try row.decode(column: column, as: String.self)
            #expect(kept == Bytes.sha256Hex(try #require(files[name])), "\(name)")
        }
        // The commitment, the record and the manifest name the same digests; the bundle verifies.
        let commitment = try Commitment.parse(try #require(files["commitment.txt"]))
        #expect(commitment.poolDigest == Bytes.sha256Hex(files["pool.txt"]!))
        #expect(commitment.parametersDigest == Bytes.sha256Hex(files["parameters.txt"]!))
        let bundle = try await draw.stores.draws.bundle(executed.id)
        #expect(bundle.files["manifest.txt"] == DrawBundle.manifest(for: bundle.files))
        #expect(Verifier.verify(bundle: bundle).ok)
    }

    @Test func aLibraryPoolIsReadFromTheCoveringIndexInCreditCodeOrder() async throws {
        let stores = try await TestDatabase.sqlite.open()
        let plan = try await stores.database.read { db in
            try await db.raw(
                "EXPLAIN QUERY PLAN \(unsafeRaw: DrawPopulation.select) WHERE department_code IN ('SAMR') ORDER BY uid"
            ).all().map { try $0.decode(column: "detail", as: String.self) }.joined(separator: "\n")
        }
        #expect(plan.contains("COVERING INDEX targets_pool"), "\(plan)")
        #expect(!plan.contains("TEMP B-TREE"), "\(plan)")
        await stores.database.close()
    }
}
