// SPDX-License-Identifier: Apache-2.0

import Foundation
import SuijiCore
import SuijiStore

/// `/public/annual-plans/:year`: one published version of the district annual plan, the list of
/// versions with what changed, and the downloads. Mustache reads stored properties only.
struct PublicAnnualPlanPage {
    struct Row {
        var code: String
        var name: String
        var initiator: String
        var participants: String
        var items: String
        var scope: String
        var window: String
        var mergedFrom: String
        var hasMergedFrom: Bool
    }

    struct Version {
        var version: Int
        var url: String
        var publishedAt: String
        var note: String
        var changes: String
        var current: Bool
    }

    struct Link {
        var label: String
        var url: String
    }

    var year: Int
    var version: Int
    var isLatest: Bool
    var latest: Int
    var latestURL: String
    var publishedAt: String
    var note: String
    var hasNote: Bool
    var rows: [Row]
    var versions: [Version]
    var downloads: [Link]

    static func make(_ shown: AnnualPlanVersion, versions: [AnnualPlanVersion], latest: Int) -> PublicAnnualPlanPage {
        PublicAnnualPlanPage(
            year: shown.year, version: shown.version, isLatest: shown.version == latest, latest: latest,
            latestURL: PublicPaths.annualPlan.href(shown.year),
            publishedAt: ChinaTime.text(stamp: shown.publishedAt),
            note: shown.note, hasNote: !shown.note.isEmpty,
            rows: shown.entries.map { entry in
                Row(
                    code: entry.planCode, name: entry.planName, initiator: entry.initiatorName,
                    participants: entry.participantNames.isEmpty ? "—" : entry.participantNames.joined(separator: "、"),
                    items: entry.items.map { $0.name.isEmpty ? $0.code : "\($0.name)（\($0.code)）" }.joined(separator: "；"),
                    scope: entry.scopeText, window: ChinaTime.period(entry.windowStart, entry.windowEnd),
                    mergedFrom: entry.mergedFrom.joined(separator: "、"), hasMergedFrom: !entry.mergedFrom.isEmpty)
            },
            versions: versions.enumerated().reversed().map { index, version in
                Version(
                    version: version.version, url: PublicPaths.annualPlan.href(version.year) + "?version=\(version.version)",
                    publishedAt: ChinaTime.text(stamp: version.publishedAt), note: version.note.isEmpty ? "首次公示" : version.note,
                    changes: index == 0 ? "首版" : AnnualPlanChanges(from: versions[index - 1].entries, to: version.entries).summary,
                    current: version.version == shown.version)
            },
            downloads: OpenDataFormat.allCases.map {
                Link(
                    label: $0.rawValue.uppercased(),
                    url: PublicPaths.annualPlanFile.href("\(shown.year).\($0.rawValue)") + "?version=\(shown.version)")
            })
    }
}
