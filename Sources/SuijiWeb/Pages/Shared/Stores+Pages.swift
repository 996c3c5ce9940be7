// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore

extension Stores {
    /// The check items of the inspection's departments, by `department:code`.
    func itemCatalog(_ inspection: Inspection) async throws -> [String: CheckItem] {
        var catalog: [String: CheckItem] = [:]
        for department in Set(inspection.items.map(\.department)) {
            for item in try await items.list(scope: .only(department), query: ListQuery(perPage: 500)).items {
                catalog["\(item.departmentCode):\(item.code)"] = item
            }
        }
        return catalog
    }
}
