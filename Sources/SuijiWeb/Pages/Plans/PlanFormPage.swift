// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore

/// View model of the plan form (`/plans/new`, `/plans/:id/edit`): every code is picked from a
/// list by name — other departments' items, areas, industries, tags — and a 预览 submit shows the
/// pool the draw would start from before anything is saved. Stored properties only.
struct PlanFormPage {
    struct Option {
        var value: String
        var label: String
        var checked: Bool
    }

    /// One department's items.
    struct Group {
        var department: String
        var options: [Option]
    }

    /// The typed fields.
    struct Values {
        var name = ""
        var code = ""
        var year = ""
        var windowStart = ""
        var windowEnd = ""
        var notes = ""
    }

    var title: String
    var action: String
    var cancelURL: String
    var values: Values
    var participants: [Option]
    var itemGroups: [Group]
    var kinds: [Option]
    var areas: [Option]
    var hasAreas: Bool
    var industries: [Option]
    var hasIndustries: Bool
    var tags: [Option]
    var hasTags: Bool
    var errors: [String]
    var hasErrors: Bool
    var preview: PoolPreviewModel?
}

extension PlanFormPage {
    /// What the form shows: the posted `form` when there is one (a preview or a rejected save),
    /// else `plan` (editing), else blanks for `initiator`.
    struct Source {
        var form: FormFields?
        var plan: Plan?
        var initiator: String
    }

    static func make(
        title: String, action: String, cancelURL: String, source: Source, stores: Stores, errors: [String],
        preview: PoolPreview?
    ) async throws -> PlanFormPage {
        let departments = try await stores.departments.all()
        let names = Dictionary(departments.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let items = try await stores.items.currentNames()
        let areas = try await stores.areas.all()
        let options = ScopeOptions(database: stores.database)
        let industries = try await options.industries()
        let tags = try await options.tags()
        let form = source.form
        let plan = source.plan
        func chosen(_ field: String, _ fromPlan: [String]) -> Set<String> { Set(form.map { $0.values(field) } ?? fromPlan) }
        let pickedItems = chosen("items", plan?.items.map { "\($0.department):\($0.code)" } ?? [])
        let pickedParticipants = chosen("participants", plan?.participants ?? [])
        let pickedKinds = chosen("kinds", plan?.scope.kinds.map(\.rawValue) ?? [])
        let pickedAreas = chosen("areas", plan?.scope.areas ?? [])
        let pickedIndustries = chosen("industries", plan?.scope.industries ?? [])
        let pickedTags = chosen("tags", plan?.scope.tags ?? [])

        // Own department first, then the others in the directory's order.
        let ordered = departments.filter { $0.code == source.initiator } + departments.filter { $0.code != source.initiator }
        let groups = ordered.compactMap { department -> Group? in
            let own = items.filter { $0.key.department == department.code }.sorted { $0.key.code < $1.key.code }
            guard !own.isEmpty else { return nil }
            return Group(
                department: department.name,
                options: own.map { item, name in
                    let value = "\(item.department):\(item.code)"
                    return Option(value: value, label: "\(name)（\(item.code)）", checked: pickedItems.contains(value))
                })
        }
        // Values a plan holds that the lists do not (typed over the API) stay selectable.
        func extra(_ picked: Set<String>, known: Set<String>) -> [Option] {
            picked.subtracting(known).sorted().map { Option(value: $0, label: $0, checked: true) }
        }
        let industryOptions =
            industries.map {
                Option(value: $0.prefix, label: "\($0.label)（\($0.targets) 户）", checked: pickedIndustries.contains($0.prefix))
            } + extra(pickedIndustries, known: Set(industries.map(\.prefix)))
        let tagOptions =
            tags.map { tag in
                let name = items.first { $0.key.code == tag.code }?.value
                return Option(
                    value: tag.code, label: "\(name.map { "\($0)（\(tag.code)）" } ?? tag.code)，\(tag.targets) 户",
                    checked: pickedTags.contains(tag.code))
            } + extra(pickedTags, known: Set(tags.map(\.code)))
        let areaOptions =
            areas.map { Option(value: $0.code, label: "\($0.name)（\($0.code)）", checked: pickedAreas.contains($0.code)) }
            + extra(pickedAreas, known: Set(areas.map(\.code)))
        let values =
            form.map {
                Values(
                    name: $0.value("name"), code: $0.value("code"), year: $0.value("year"), windowStart: $0.value("windowStart"),
                    windowEnd: $0.value("windowEnd"), notes: $0.value("notes"))
            }
            ?? plan.map {
                Values(
                    name: $0.name, code: $0.code, year: String($0.year), windowStart: $0.windowStart.iso, windowEnd: $0.windowEnd.iso,
                    notes: $0.notes)
            } ?? Values()
        return PlanFormPage(
            title: title, action: action, cancelURL: cancelURL, values: values,
            participants: departments.filter { $0.code != source.initiator }.map {
                Option(value: $0.code, label: names[$0.code] ?? $0.code, checked: pickedParticipants.contains($0.code))
            },
            itemGroups: groups,
            kinds: TargetKind.allCases.map { Option(value: $0.rawValue, label: $0.label, checked: pickedKinds.contains($0.rawValue)) },
            areas: areaOptions, hasAreas: !areaOptions.isEmpty, industries: industryOptions, hasIndustries: !industryOptions.isEmpty,
            tags: tagOptions, hasTags: !tagOptions.isEmpty, errors: errors, hasErrors: !errors.isEmpty,
            preview: preview.map(PoolPreviewModel.init))
    }
}
