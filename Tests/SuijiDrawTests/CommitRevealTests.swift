// SPDX-License-Identifier: Apache-2.0
import SuijiDraw
import Testing

@Suite struct CommitRevealTests {
    @Test func commitmentMismatchIsRejected() throws {
        let f = try Fixture()
        var wrong = f.secrets["TAX"]!
        wrong[0] ^= 1
        #expect(throws: DrawError.commitmentMismatch(department: "TAX")) { try f.bundle(f.reveal(tax: .some(wrong))) }
    }

    @Test func missingRevealCountsAsEmptyAndIsRecorded() throws {
        let f = try Fixture()
        let full = try f.bundle()
        let missing = try f.bundle(f.reveal(tax: .some(nil)))
        #expect(Verifier.verify(bundle: missing).ok)
        #expect(String(decoding: missing.files["record.txt"]!, as: UTF8.self).contains("missing\tTAX\n"))
        #expect(full.files["selection.txt"] != missing.files["selection.txt"])
        // Missing = empty secret in the IKM.
        let seed = SeedKeys(commitmentDigest: f.commitment.digest, secrets: [f.secrets["SAMR"], []], publicValue: "372")
        #expect(seed == SeedKeys(reveal: f.reveal(tax: .some(nil))))
    }

    @Test func publicValueChangesSeedAndMustMatchSource() throws {
        let f = try Fixture()
        #expect(
            try f.bundle(f.reveal(publicValue: "372")).files["selection.txt"]
                != f.bundle(f.reveal(publicValue: "373")).files["selection.txt"])
        let bad = Reveal(
            drawID: "D-FIX", commitmentDigest: f.commitment.digest,
            secrets: [("SAMR", f.secrets["SAMR"]), ("TAX", f.secrets["TAX"])],
            publicValue: PublicValue(value: "372", source: "别的来源"))
        #expect(throws: DrawError.self) { try f.bundle(bad) }
    }

    @Test func commitmentBindsPoolAndParameters() throws {
        let f = try Fixture()
        let other = Commitment(
            drawID: "D-FIX", poolDigest: String(repeating: "0", count: 64),
            parametersDigest: f.params.digest, commits: f.commitment.commits)
        #expect(
            throws: DrawError.mismatch(
                file: "commitment.txt", line: 3, field: "pool-digest", expected: f.pool.digest,
                found: String(repeating: "0", count: 64))
        ) {
            try DrawEngine.execute(
                pool: f.pool, excluded: f.excluded, parameters: f.params, commitment: other,
                reveal: Reveal(
                    drawID: "D-FIX", commitmentDigest: other.digest,
                    secrets: f.reveal().secrets, publicValue: f.reveal().publicValue))
        }
    }
}
