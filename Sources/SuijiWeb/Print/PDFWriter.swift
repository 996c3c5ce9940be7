// SPDX-License-Identifier: Apache-2.0

import Foundation

/// A small PDF 1.7 writer for printed documents: portrait A4 pages of text, lines and boxes, in
/// the predefined Chinese font STSong-Light (Type0 / CIDFontType0, `UniGB-UCS2-H`, Adobe-GB1),
/// which every PDF reader supplies itself, so nothing is embedded and the files stay small.
///
/// Widths are fixed by the file itself (`/DW 1000`, `/W [1 95 500]`): a printable ASCII
/// character is half an em, everything else a full em, so `PDFWriter.width(_:size:)` measures
/// exactly what a reader draws.
struct PDFWriter {
    /// A4 in points.
    static let pageWidth = 595.28
    static let pageHeight = 841.89

    /// One page's drawing operators.
    struct Page {
        fileprivate(set) var operators: [String] = []

        /// Draws `text` with its baseline starting at (`x`, `y`); bold by filling and stroking.
        mutating func text(_ text: String, x: Double, y: Double, size: Double, bold: Bool = false) {
            guard !text.isEmpty else { return }
            let mode = bold ? "2 Tr \(PDFWriter.number(size / 30)) w" : "0 Tr"
            operators.append(
                "BT /F1 \(PDFWriter.number(size)) Tf \(mode) \(PDFWriter.number(x)) \(PDFWriter.number(y)) Td <\(PDFWriter.hex(text))> Tj ET"
            )
        }

        /// A straight line.
        mutating func line(from start: (Double, Double), to end: (Double, Double), width: Double = 0.6, dashed: Bool = false) {
            let dash = dashed ? "[3 2] 0 d" : "[] 0 d"
            operators.append(
                "\(PDFWriter.number(width)) w \(dash) \(PDFWriter.number(start.0)) \(PDFWriter.number(start.1)) m "
                    + "\(PDFWriter.number(end.0)) \(PDFWriter.number(end.1)) l S")
        }

        /// A rectangle's outline; `x`, `y` is its lower left corner.
        mutating func box(x: Double, y: Double, width: Double, height: Double, lineWidth: Double = 0.6, dashed: Bool = false) {
            let dash = dashed ? "[3 2] 0 d" : "[] 0 d"
            operators.append(
                "\(PDFWriter.number(lineWidth)) w \(dash) \(PDFWriter.number(x)) \(PDFWriter.number(y)) "
                    + "\(PDFWriter.number(width)) \(PDFWriter.number(height)) re S")
        }
    }

    var title: String
    var pages: [Page] = []

    /// The width of `text` at `size` points.
    static func width(_ text: some StringProtocol, size: Double) -> Double {
        text.unicodeScalars.reduce(0) { $0 + (isHalfWidth($1) ? 0.5 : 1) } * size
    }

    static func isHalfWidth(_ scalar: Unicode.Scalar) -> Bool { (0x20...0x7E).contains(scalar.value) }

    /// UCS-2 big-endian hex of `text` for `UniGB-UCS2-H`: characters beyond the BMP, which it
    /// cannot name, become □; control characters are dropped.
    static func hex(_ text: some StringProtocol) -> String {
        var out = ""
        for scalar in text.unicodeScalars where scalar.value >= 0x20 {
            let code = scalar.value > 0xFFFF ? 0x25A1 : scalar.value
            out += String(format: "%04X", code)
        }
        return out
    }

    /// A number as PDF writes it: at most two decimals, no exponent.
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.2f", rounded)
    }

    /// A text string for the document information (UTF-16BE with its byte order mark).
    static func infoText(_ text: String) -> String {
        "<FEFF" + text.utf16.map { String(format: "%04X", $0) }.joined() + ">"
    }

    /// The file. `created` is written as the creation date, in China time.
    func data(created: Date) -> Data {
        var objects: [String] = []
        // 1 catalog, 2 page tree, 3 font, 4 CID font, 5 descriptor, 6 info; then page + content pairs.
        let firstPage = 7
        let kids = pages.indices.map { "\(firstPage + 2 * $0) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Catalog /Pages 2 0 R /Lang (zh-CN) >>")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>")
        objects.append("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>")
        objects.append(
            "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
                + "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R /DW 1000 /W [1 95 500] >>")
        objects.append(
            "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 "
                + "/Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>")
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        formatter.dateFormat = "yyyyMMddHHmmss"
        objects.append(
            "<< /Title \(Self.infoText(title)) /Producer (Suiji) /CreationDate (D:\(formatter.string(from: created))+08'00') >>")
        for (index, page) in pages.enumerated() {
            let content = page.operators.joined(separator: "\n")
            objects.append(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(Self.number(Self.pageWidth)) \(Self.number(Self.pageHeight))] "
                    + "/Resources << /Font << /F1 3 0 R >> >> /Contents \(firstPage + 2 * index + 1) 0 R >>")
            objects.append("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream")
        }
        var out = Data("%PDF-1.7\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(out.count)
            out.append(Data("\(index + 1) 0 obj\n\(object)\nendobj\n".utf8))
        }
        let xref = out.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { table += String(format: "%010d 00000 n \n", offset) }
        table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R /Info 6 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        out.append(Data(table.utf8))
        return out
    }
}
