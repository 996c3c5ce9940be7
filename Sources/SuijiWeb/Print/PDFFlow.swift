// SPDX-License-Identifier: Apache-2.0

/// Lays text out down portrait A4 pages of a `PDFWriter`: wrapped paragraphs, tables whose rows
/// grow with their cells, and a new page (the table header repeated) when the next piece does
/// not fit.
struct PDFFlow {
    enum Alignment {
        case left, centre, right
    }

    static let margin = 51.0  // 18 mm
    static let left = margin
    static let right = PDFWriter.pageWidth - margin
    static let top = PDFWriter.pageHeight - 45.0
    static let bottom = 45.0
    static var width: Double { right - left }

    private(set) var writer: PDFWriter
    /// The top of the free space on the current page.
    private(set) var y = top

    init(title: String) {
        writer = PDFWriter(title: title, pages: [PDFWriter.Page()])
    }

    var page: PDFWriter.Page {
        get { writer.pages[writer.pages.count - 1] }
        set { writer.pages[writer.pages.count - 1] = newValue }
    }

    /// Starts a new page unless `height` fits below `y`.
    mutating func ensure(_ height: Double) {
        guard y - height < Self.bottom, y < Self.top else { return }
        writer.pages.append(PDFWriter.Page())
        y = Self.top
    }

    mutating func space(_ points: Double) { y -= points }

    /// The baseline of a line of `size` text in a line box of `lineHeight` whose top is `top`.
    static func baseline(top: Double, size: Double, lineHeight: Double) -> Double {
        top - (lineHeight - size) / 2 - size * 0.86
    }

    /// A wrapped paragraph; `indent` characters of first-line indent.
    mutating func paragraph(
        _ text: String, size: Double = 10.5, lineHeight: Double? = nil, indent: Double = 0, alignment: Alignment = .left,
        bold: Bool = false, x: Double = left, width: Double = width
    ) {
        let height = lineHeight ?? size * 1.65
        for (number, line) in Self.wrap(text, width: width, size: size, firstIndent: indent * size).enumerated() {
            ensure(height)
            let used = PDFWriter.width(line, size: size) + (number == 0 ? indent * size : 0)
            let start =
                switch alignment {
                case .left: x + (number == 0 ? indent * size : 0)
                case .centre: x + (width - used) / 2
                case .right: x + width - used
                }
            page.text(line, x: start, y: Self.baseline(top: y, size: size, lineHeight: height), size: size, bold: bold)
            y -= height
        }
    }

    /// A table of `columns` (titles and fractions of the width) and `rows`; cells wrap.
    mutating func table(columns: [(title: String, fraction: Double)], rows: [[String]], size: Double = 10, header: Bool = true) {
        let widths = columns.map { $0.fraction * Self.width }
        let padding = 3.0
        let lineHeight = size * 1.45
        func lines(_ row: [String]) -> [[String]] {
            row.enumerated().map { index, text in
                Self.wrap(text, width: widths[index] - 2 * padding, size: size, firstIndent: 0)
            }
        }
        func draw(_ row: [String], bold: Bool) {
            let cells = lines(row)
            let height = Double(max(1, cells.map(\.count).max() ?? 1)) * lineHeight + 2 * padding
            ensure(height)
            var x = Self.left
            for (index, cell) in cells.enumerated() {
                page.box(x: x, y: y - height, width: widths[index], height: height)
                var top = y - padding
                for line in cell {
                    page.text(line, x: x + padding, y: Self.baseline(top: top, size: size, lineHeight: lineHeight), size: size, bold: bold)
                    top -= lineHeight
                }
                x += widths[index]
            }
            y -= height
        }
        let titles = columns.map(\.title)
        if header { draw(titles, bold: true) }
        for row in rows {
            let height = Double(max(1, lines(row).map(\.count).max() ?? 1)) * lineHeight + 2 * padding
            if header && y - height < Self.bottom {
                ensure(.infinity)
                draw(titles, bold: true)
            }
            draw(row, bold: false)
        }
    }

    /// Characters that may not begin a line (避头点): they hang on the previous one.
    static let closing: Set<Character> = [
        "，", "。", "、", "；", "：", "！", "？", "）", "》", "」", "』", "”", "’", "〕", "】", ",", ".", ";", ":", ")", "%",
    ]

    /// `text` broken into lines of at most `width` points (a closing mark may hang past it);
    /// runs of ASCII letters and digits stay whole unless longer than a line; "\n" breaks.
    static func wrap(_ text: String, width: Double, size: Double, firstIndent: Double) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var tokens: [String] = []
            for character in paragraph {
                if character.isASCII && (character.isLetter || character.isNumber || character == "-"), let last = tokens.last,
                    last.last.map({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) == true
                {
                    tokens[tokens.count - 1].append(character)
                } else {
                    tokens.append(String(character))
                }
            }
            var line = ""
            var used = lines.isEmpty ? firstIndent : 0
            for token in tokens {
                let tokenWidth = PDFWriter.width(token, size: size)
                if used + tokenWidth <= width + 0.01 || line.isEmpty && tokenWidth <= width
                    || token.count == 1 && closing.contains(token.first!) && !line.isEmpty
                {
                    line += token
                    used += tokenWidth
                    continue
                }
                if !line.isEmpty {
                    lines.append(line)
                    (line, used) = ("", 0)
                }
                // A run longer than the line: split it by character.
                for character in token {
                    let characterWidth = PDFWriter.width(String(character), size: size)
                    if used + characterWidth > width + 0.01 && !line.isEmpty {
                        lines.append(line)
                        (line, used) = ("", 0)
                    }
                    line.append(character)
                    used += characterWidth
                }
            }
            lines.append(line)
        }
        return lines
    }
}
