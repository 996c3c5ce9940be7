// SPDX-License-Identifier: Apache-2.0

/// A grouped bar chart of rates (0…100%), rendered on the server as inline SVG: no script, no
/// external resource. Text is escaped; `<title>` and `<desc>` make it readable to screen
/// readers, and each bar carries its own `<title>` and, when given, a link to its rows.
struct BarChart {
    struct Bar {
        /// 0…1, nil when the rate has no denominator (drawn as “—”).
        var value: Double?
        /// The rows behind the bar.
        var link: String?
    }

    struct Group {
        var label: String
        var bars: [Bar]
    }

    var id: String
    var title: String
    var description: String
    var series: [String]
    var groups: [Group]

    static let palette = ["#1f5fa8", "#2e8b57", "#c0392b", "#b07d12", "#6c4f9c"]
    static let barWidth = 12
    static let top = 44
    static let plotHeight = 180
    static let axis = 48

    /// The `<svg>` element.
    func svg() -> String {
        let groupWidth = max(series.count * Self.barWidth + 20, 56)
        // Labels are rotated by 35°: a label of n characters reaches about 10n pixels left and
        // 7n down from its group's centre.
        let longest = groups.map(\.label.count).max() ?? 0
        let left = max(Self.axis, longest * 10 - groupWidth / 2 + 8)
        let legendWidth = series.reduce(0) { $0 + 36 + $1.count * 12 } + 8
        let width = max(left + max(1, groups.count) * groupWidth + 16, left + legendWidth)
        let baseline = Self.top + Self.plotHeight
        let height = baseline + 24 + longest * 7
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" id="\(Self.escape(id))" viewBox="0 0 \(width) \(height)" \
            width="\(width)" height="\(height)" role="img" aria-labelledby="\(Self.escape(id))-title \(Self.escape(id))-desc">
            <title id="\(Self.escape(id))-title">\(Self.escape(title))</title>
            <desc id="\(Self.escape(id))-desc">\(Self.escape(description))</desc>

            """
        // Legend.
        var x = left
        for (index, name) in series.enumerated() {
            out += "<rect x=\"\(x)\" y=\"8\" width=\"12\" height=\"12\" fill=\"\(Self.color(index))\"/>"
            out += "<text x=\"\(x + 16)\" y=\"19\" font-size=\"12\">\(Self.escape(name))</text>\n"
            x += 36 + name.count * 12
        }
        // Axis and grid: 0, 25, 50, 75, 100%.
        for step in 0...4 {
            let y = baseline - step * Self.plotHeight / 4
            out += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(width - 8)\" y2=\"\(y)\" stroke=\"#d0d7de\" stroke-width=\"1\"/>"
            out += "<text x=\"\(left - 6)\" y=\"\(y + 4)\" font-size=\"11\" text-anchor=\"end\">\(step * 25)%</text>\n"
        }
        for (groupIndex, group) in groups.enumerated() {
            let groupX = left + groupIndex * groupWidth + (groupWidth - series.count * Self.barWidth) / 2
            for (index, bar) in group.bars.enumerated() where index < series.count {
                let barX = groupX + index * Self.barWidth
                let label = "\(group.label) \(series[index])：\(Self.percent(bar.value))"
                guard let value = bar.value else {
                    out += "<text x=\"\(barX + Self.barWidth / 2)\" y=\"\(baseline - 3)\" font-size=\"10\" text-anchor=\"middle\">"
                    out += "—<title>\(Self.escape(label))</title></text>\n"
                    continue
                }
                let barHeight = Int((min(1, max(0, value)) * Double(Self.plotHeight)).rounded())
                var rect = "<rect x=\"\(barX)\" y=\"\(baseline - barHeight)\" width=\"\(Self.barWidth - 2)\" height=\"\(barHeight)\" "
                rect += "fill=\"\(Self.color(index))\"><title>\(Self.escape(label))</title></rect>"
                if let link = bar.link {
                    rect = "<a href=\"\(Self.escape(link))\" aria-label=\"\(Self.escape(label))\">\(rect)</a>"
                }
                out += rect + "\n"
            }
            let labelX = left + groupIndex * groupWidth + groupWidth / 2
            out += "<text x=\"\(labelX)\" y=\"\(baseline + 14)\" font-size=\"12\" text-anchor=\"end\" "
            out += "transform=\"rotate(-35 \(labelX) \(baseline + 14))\">\(Self.escape(group.label))</text>\n"
        }
        out +=
            "<line x1=\"\(left)\" y1=\"\(Self.top)\" x2=\"\(left)\" y2=\"\(baseline)\" stroke=\"#57606a\" stroke-width=\"1\"/>\n"
        out += "</svg>"
        return out
    }

    static func color(_ index: Int) -> String { palette[index % palette.count] }

    static func percent(_ value: Double?) -> String {
        guard let value else { return "无数据" }
        let tenths = Int((value * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// Escapes text for XML content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
