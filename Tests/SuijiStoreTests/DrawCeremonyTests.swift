// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiDraw
import SuijiStore
import Testing

/// The ceremony nobody can steer (docs/draw-spec.md §14): the public value announced before
/// the commitments, secrets only before the deadline, the value entered once on its day, at
/// least one secret, every step in the hash-chained public log, and the bundle checked against it.
@Suite("The draw ceremony and its public log")
struct DrawCeremonyTests {
    func at(_ caller: Caller, _ instant: Date) -> Caller { Caller(account: caller.account, at: instant) }

    @Test(arguments: TestDatabase.available)
    func theLotteryCeremonyRunsInOrderAndAnchorsTheBundle(_ database: TestDatabase) async throws {
        let draw = try await DrawFixture.make(database)
        let stores = draw.stores
        let (samr, health, office) = (draw.fixture.samr, draw.fixture.health, draw.fixture.office)
        // An announcement must name a value after the deadline's day, or an exception with reason.
        var early = DrawFixture.lottery
        early.publicValue?.date = "2026-05-30"
        await #expect(throws: PlanError.self) {
            _ = try await stores.draws.prepare(batchID: draw.batch.id, caller: samr, announcement: early)
        }
        let bare = DrawAnnouncement(revealDeadline: DrawFixture.deadline, publicValue: nil)
        await #expect(throws: PlanError.self) {
            _ = try await stores.draws.prepare(batchID: draw.batch.id, caller: samr, announcement: bare)
        }
        let prepared = try await stores.draws.prepare(batchID: draw.batch.id, caller: samr, announcement: DrawFixture.lottery)
        let id = prepared.id
        #expect(prepared.isAnnounced && prepared.publicValueDate == "2026-05-31")
        for (department, caller) in [("SAMR", samr), ("HEALTH", health)] {
            _ = try await stores.draws.commit(id, department: department, commitment: draw.commitment(department, id), caller: caller)
        }
        // Published: the announcement can no longer change; it is in parameters.txt.
        await #expect(throws: PlanError.self) { _ = try await stores.draws.announce(id, DrawFixture.exception, caller: office) }
        let parameters = String(decoding: try await stores.draws.publishedFile(id, name: "parameters.txt") ?? [], as: UTF8.self)
        #expect(parameters.contains("public-value\t2026-05-31\t中国福利彩票3D 2026-05-31 开奖号码\n"))
        // Not yet executable, the value not yet enterable: HEALTH may still hand in its secret.
        let secret = Bytes.hex(DrawFixture.secrets["SAMR"]!)
        _ = try await stores.draws.reveal(id, department: "SAMR", secret: secret, caller: DrawFixture.later(samr, hours: 1))
        await #expect(throws: PlanError.self) {
            _ = try await stores.draws.reveal(id, department: "SAMR", secret: secret, caller: DrawFixture.later(samr, hours: 2))
        }
        await #expect(throws: PlanError.self) { _ = try await stores.draws.execute(id, caller: DrawFixture.later(samr, hours: 2)) }
        await #expect(throws: PlanError.self) {
            _ = try await stores.draws.enterPublicValue(id, value: "372", note: "公告", caller: DrawFixture.later(office, hours: 2))
        }
        // After the deadline HEALTH is missing; the value comes only on its day.
        await #expect(throws: PlanError.self) {
            _ = try await stores.draws.reveal(
                id, department: "HEALTH", secret: Bytes.hex(DrawFixture.secrets["HEALTH"]!), caller: DrawFixture.later(health, hours: 25))
        }
        await #expect(throws: PlanError.self) {
            _ = try await stores.draws.enterPublicValue(id, value: "372", note: "公告", caller: DrawFixture.later(office, hours: 25))
        }
        await #expect(throws: PlanError.self) { _ = try await stores.draws.execute(id, caller: DrawFixture.later(samr, hours: 25)) }
        _ = try await stores.draws.enterPublicValue(
            id, value: "372", note: "https://www.cwl.gov.cn/", caller: at(office, DrawFixture.valueEntered))
        await #expect(throws: PlanError.self) {
            _ = try await stores.draws.enterPublicValue(id, value: "373", note: "更正", caller: at(office, DrawFixture.valueEntered))
        }
        let executed = try await stores.draws.execute(id, caller: at(samr, DrawFixture.executed))
        #expect(executed.departments.map(\.revealed) == [true, false])
        // The bundle carries its timeline; it verifies alone and against the log.
        let bundle = try await stores.draws.bundle(id)
        #expect(Verifier.verify(bundle: bundle).ok)
        let timeline = try DrawTimeline.parse(try #require(bundle.files["timeline.txt"]))
        #expect(timeline.revealDeadline == "2026-05-29T20:26:40Z")
        #expect(timeline.revealed.map(\.time) == ["2026-05-28T21:26:40Z", nil])
        #expect(timeline.publicValue == .entered(time: "2026-05-31T13:30:00Z", note: "https://www.cwl.gov.cn/"))
        let log = try await stores.publicLog.log()
        #expect(try PublicLog.parse(log.fileBytes()) == log)
        #expect(log.entries(of: id).map(\.kind) == [.commitment, .secret, .publicValue, .reveal, .record, .timeline])
        try Verifier.checkAnchors(bundle: bundle, log: log)
        #expect(try await stores.publicLog.head() == log.entries.last)
        await stores.database.close()
    }

    @Test(arguments: TestDatabase.available)
    func aDrawWithoutAPublicValueNeedsAnExceptionAndOneSecret(_ database: TestDatabase) async throws {
        let draw = try await DrawFixture.make(database)
        let stores = draw.stores
        let prepared = try await stores.draws.prepare(
            batchID: draw.batch.id, caller: draw.fixture.samr, announcement: DrawFixture.exception)
        for (department, caller) in [("SAMR", draw.fixture.samr), ("HEALTH", draw.fixture.health)] {
            _ = try await stores.draws.commit(
                prepared.id, department: department, commitment: draw.commitment(department, prepared.id), caller: caller)
        }
        // Nobody handed in a secret by the deadline: the draw cannot run.
        do {
            _ = try await stores.draws.execute(prepared.id, caller: DrawFixture.later(draw.fixture.samr, hours: 1))
            Issue.record("executed without any secret")
        } catch let error as PlanError {
            #expect(error.message.contains("没有任何部门在截止时间前交来秘密"))
        }
        let log = try await stores.publicLog.entries(of: prepared.id)
        #expect(log.map(\.kind) == [.exception, .commitment])
        #expect(log[0].digest == PublicLog.exceptionDigest(approver: "联席办主任 李某", reason: "测试：不等待开奖"))
        await stores.database.close()
    }

    /// A bundle rebuilt end to end passes the plain verifier, but not the log.
    @Test func rebuiltBundlesAreRejectedByTheLog() async throws {
        let draw = try await DrawFixture.make(.sqlite)
        let executed = try await draw.run(lottery: true)
        let bundle = try await draw.stores.draws.bundle(executed.id)
        let log = try await draw.stores.publicLog.log()
        try Verifier.checkAnchors(bundle: bundle, log: log)
        let pool = try PoolFile.parse(bundle.files["pool.txt"]!)
        let excluded = try ExcludedList.parse(bundle.files["excluded.txt"]!)
        var entries = (0..<pool.count).map(pool.entry(at:))
        let removed = try Self.rebuild(bundle, pool: Array(entries.dropFirst()), excluded: excluded.entries)
        entries[1].stratum = entries[1].stratum == "A" ? "D" : "A"
        let reclassified = try Self.rebuild(bundle, pool: entries, excluded: excluded.entries)
        let pulled = excluded.entries[0]
        let pulledIn = try Self.rebuild(
            bundle,
            pool: (0..<pool.count).map(pool.entry(at:)) + [
                PoolEntry(id: pulled.id, stratum: pulled.stratum, division: "360202", street: "")
            ],
            excluded: Array(excluded.entries.dropFirst()))
        let marked = try Self.rebuild(bundle, pool: (0..<pool.count).map(pool.entry(at:)), excluded: excluded.entries, missing: ["SAMR"])
        for (name, forged) in [("pool line removed", removed), ("class changed", reclassified), ("excluded pulled in", pulledIn)] {
            #expect(Verifier.verify(bundle: forged).ok, "\(name)")
            #expect(throws: DrawError.self, "\(name)") { try Verifier.checkAnchors(bundle: forged, log: log) }
        }
        #expect(throws: DrawError.self) { try Verifier.checkAnchors(bundle: marked, log: log) }
        var untimed = marked.files
        untimed["timeline.txt"] = nil
        #expect(Verifier.verify(bundle: DrawBundle(files: untimed)).ok)
        #expect(throws: DrawError.self) { try Verifier.checkAnchors(bundle: DrawBundle(files: untimed), log: log) }
        // An entry of the log itself changed breaks the chain.
        let tampered = PublicLog(
            entries: log.entries.map { entry in
                var copy = entry
                if copy.kind == .publicValue { copy.digest = Bytes.sha256Hex(Array("373".utf8)) }
                return copy
            })
        #expect(throws: DrawError.self) { try PublicLog.parse(tampered.fileBytes()) }
        await draw.stores.database.close()
    }

    /// The bundle's draw recomputed from other inputs, with the same secrets and public value:
    /// everything consistent, as a forger with the database would make it.
    static func rebuild(_ bundle: DrawBundle, pool entries: [PoolEntry], excluded: [ExcludedEntry], missing: Set<String> = []) throws
        -> DrawBundle
    {
        let parameters = try DrawParameters.parse(bundle.files["parameters.txt"]!)
        let pool = try CanonicalPool(entries: entries)
        let list = try ExcludedList(excluded)
        let rebuilt = try DrawParameters.make(
            drawID: parameters.drawID, planID: parameters.planID, batchID: parameters.batchID, batchStart: parameters.batchStart,
            batchEnd: parameters.batchEnd, keyItem: parameters.keyItem, pool: pool, excluded: list,
            rules: Dictionary(uniqueKeysWithValues: parameters.strata.map { ($0.label, $0.rule) }), departments: parameters.departments,
            publicValue: parameters.publicValue, slots: parameters.slots, items: parameters.items, capExtra: parameters.capExtra,
            crossUnit: parameters.crossUnit, inspectors: try InspectorTable.parse(bundle.files["inspectors.txt"]!))
        let old = try Commitment.parse(bundle.files["commitment.txt"]!)
        let commitment = Commitment(drawID: old.drawID, poolDigest: pool.digest, parametersDigest: rebuilt.digest, commits: old.commits)
        let reveal = try Reveal.parse(bundle.files["reveal.txt"]!)
        let secrets = reveal.secrets.map { ($0.department, missing.contains($0.department) ? nil : $0.secret) }
        var files = try DrawEngine.execute(
            pool: pool, excluded: list, parameters: rebuilt, commitment: commitment,
            reveal: Reveal(drawID: reveal.drawID, commitmentDigest: commitment.digest, secrets: secrets, publicValue: reveal.publicValue),
            inspectors: try InspectorTable.parse(bundle.files["inspectors.txt"]!)
        ).files
        files["timeline.txt"] = bundle.files["timeline.txt"]
        return DrawBundle(files: files)
    }
}
