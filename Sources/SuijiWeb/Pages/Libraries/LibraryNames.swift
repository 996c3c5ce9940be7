// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore

/// The names a library page shows for the codes its records hold: departments, areas (division
/// and street codes) and check items. Read once per page, one query each.
struct LibraryNames: Sendable {
    var departments: [String: String] = [:]
    var areas: [String: String] = [:]
    var items: [PlanItem: String] = [:]

    static func load(_ stores: Stores) async throws -> LibraryNames {
        LibraryNames(
            departments: try await stores.departments.names(),
            areas: Dictionary(try await stores.areas.all().map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a }),
            items: try await stores.items.currentNames())
    }

    func department(_ code: String) -> String { departments[code] ?? code }

    /// An area code by name ("昌江区"); a street already written as a name stays as it is.
    func area(_ code: String) -> String { areas[code] ?? code }

    /// "昌江区（360202）": the name with the code beside it, for a division.
    func areaWithCode(_ code: String) -> String { areas[code].map { "\($0)（\(code)）" } ?? code }

    /// The name of `department`'s item `code`, or the code when the item is unknown.
    func item(_ code: String, of department: String) -> String { items[PlanItem(department: department, code: code)] ?? code }

    /// "食品经营许可检查（SAMR-006）".
    func itemWithCode(_ code: String, of department: String) -> String {
        items[PlanItem(department: department, code: code)].map { "\($0)（\(code)）" } ?? code
    }

    /// A plan item as officials read it: "区卫健委 · 公共场所卫生检查（HEALTH-002）".
    func planItem(_ item: PlanItem) -> String { "\(department(item.department)) · \(itemWithCode(item.code, of: item.department))" }

    /// A plan's target scope in words, with area and item names.
    func scope(_ scope: TargetScope) -> String {
        var tags: [String: String] = [:]
        for (item, name) in items where scope.tags.contains(item.code) { tags[item.code] = name }
        return ScopeText.describe(scope, areaNames: areas, tagNames: tags)
    }

    /// Check item codes a target is tagged with (分类标注): the item of its own department, else of
    /// any department with that code, else the text as typed.
    func tag(_ code: String, of department: String) -> String {
        if let name = items[PlanItem(department: department, code: code)] { return "\(name)（\(code)）" }
        if let name = items.first(where: { $0.key.code == code })?.value { return "\(name)（\(code)）" }
        return code
    }
}
