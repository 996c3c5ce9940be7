// SPDX-License-Identifier: Apache-2.0

import Foundation
import SQLKit
import SuijiCore
import SuijiStore

/// Generated benchmark inputs.
enum BenchData {
    static let streets = ["西郊街道", "新枫街道", "鲇鱼山镇", "丽阳镇", "荷塘乡", "吕蒙乡", "竟成镇"]
    static let industries = ["3074 日用陶瓷制品制造", "5246 工艺美术品及收藏品零售", "6210 正餐服务", "5212 超级市场零售", "8040 理发及美容服务"]

    /// A CSV of `rows` targets with valid credit codes.
    static func targetsCSV(rows: Int, withExclusions: Bool = false) -> Data {
        var writer = TabularCSVWriter(reservingCapacity: rows * 160)
        writer.writeRow(["统一社会信用代码", "名称", "类型", "所属区划", "街道（乡镇）", "地址", "行业", "风险等级", "状态", "最近随机抽查日期"])
        for n in 0..<rows {
            let individual = n % 3 != 0
            let body = String(format: "%08d", n)
            let code = CreditCode.completing(
                (individual ? "92360202" : "91360202") + body + String(CreditCode.organisationCheckCharacter(body)!))!
            writer.writeRow([
                code, individual ? "昌江区\(n)号瓷器店" : "景德镇市昌江区第\(n)陶瓷有限公司", individual ? "个体工商户" : "公司", "360202",
                streets[n % streets.count], "景德镇市昌江区瓷都大道\(n % 999 + 1)号", industries[n % industries.count],
                ["A", "B", "B", "B", "C", "D"][n % 6], withExclusions && n % 23 == 0 ? "注销" : (withExclusions && n % 29 == 0 ? "停业" : "在营"),
                withExclusions && n % 11 == 0 ? "2026-03-15" : "",
            ])
        }
        return writer.data
    }

    /// Writes the sheet's rows with bare multi-row INSERTs in one transaction.
    static func bareInsert(sheet: TabularSheet, into stores: Stores) async throws {
        let rows = sheet.rows
        try await stores.database.write { db in
            for start in stride(from: 0, to: rows.count, by: 2_000) {
                var insert = db.insert(into: "targets").columns(
                    "department_code", "uid", "name", "kind", "division", "street", "grid", "address", "industry", "risk_class",
                    "status", "legal_representative", "tags", "created_via", "created_at", "updated_at")
                for row in rows[start..<min(start + 2_000, rows.count)] {
                    let f = row.fields
                    insert = insert.values(
                        [
                            "SAMR", f[0], f[1], f[2], f[3], f[4], "", f[5], f[6], f[7], "operating", "", "[]", "import", "2026-01-01",
                            "2026-01-01",
                        ] as [any Encodable & Sendable])
                }
                try await insert.run()
            }
        }
    }
}
