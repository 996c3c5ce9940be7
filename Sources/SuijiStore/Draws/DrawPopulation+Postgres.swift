// SPDX-License-Identifier: Apache-2.0

import Logging
import PostgresKit
import SuijiCore

extension DrawPopulation {
    /// The candidates read from PostgreSQL on one connection of the pool, each row decoded by
    /// column position (no SQLKit row per target, no decoding by column name), in credit-code
    /// order from the covering index `targets_pool`.
    func candidates(postgres connection: PostgresConnection, logger: Logger) async throws -> [Candidate] {
        let (sql, binds) = filter
        var numbered = ""
        var placeholder = 0
        for character in Self.select + sql + " ORDER BY uid" {
            if character == "?" {
                placeholder += 1
                numbered += "$\(placeholder)"
            } else {
                numbered.append(character)
            }
        }
        var bindings = PostgresBindings(capacity: binds.count)
        for value in binds { try bindings.append(value) }
        var result: [Candidate] = []
        for try await row in try await connection.query(PostgresQuery(unsafeSQL: numbered, binds: bindings), logger: logger) {
            let (uid, department, risk, division, street, status, last, caseKind, caseDate) = try row.decode(
                (String, String, String, String, String, String, String?, String?, String?).self)
            result.append(
                Candidate(
                    uid: uid, department: department, risk: risk, division: division, street: street, status: status,
                    lastRandomInspection: last, caseKind: caseKind, caseDate: caseDate))
        }
        return result
    }
}
