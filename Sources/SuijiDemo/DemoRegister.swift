// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore

/// The demo's market-entity register grown to any size: SAMR's target import sheet as the demo
/// generates it (names, credit codes, kinds, industries, streets and grids, statuses with their
/// dates, risk classes, item tags, last inspections, legal representatives), for benchmarks at
/// the size of a city or a province. Deterministic for a seed; the rows are produced batch by
/// batch, so a sheet of millions of rows is never held whole.
public enum DemoRegister {
    /// Rows generated at a time.
    static let batch = 24_000

    /// Calls `write` with the header, then with each of `rows` rows.
    public static func sheet(rows: Int, seed: UInt64 = 2026, now: Date, write: ([String]) throws -> Void) rethrows {
        let today = CalendarDate(chinaDateOf: now)
        let root = DemoRandom(seed: seed)
        let items = DemoItems.items(of: "SAMR")
        try write(TargetInput.labels.map(\.value))
        // One generator for every batch, so credit codes stay unique across batches.
        var generator = DemoTargets(scale: 1, today: today)
        var rowRandom = root.fork("targets-SAMR")
        var done = 0
        var part = 0
        while done < rows {
            let size = min(batch, rows - done)
            var sized = DemoTargets(scale: Double(size) / Double(batch), today: today)
            sized.usedCodes = generator.usedCodes
            var random = root.fork("register-\(part)")
            for entity in sized.register(&random).prefix(size) {
                try write(sized.row(&rowRandom, entity, department: "SAMR", items: items))
            }
            generator.usedCodes = sized.usedCodes
            done += size
            part += 1
        }
    }
}
