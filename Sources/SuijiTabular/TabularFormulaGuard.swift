// SPDX-License-Identifier: Apache-2.0

/// Keeps exported CSV cells from being run as spreadsheet formulas (CSV injection): a cell that
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return is written with a leading `'`,
/// which spreadsheets show as text. The import takes the `'` off again, so an export
/// re-imports unchanged. XLSX needs none of this: every cell Suiji writes there is text.
public enum TabularFormulaGuard {
    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// `cell`, with a `'` in front when a spreadsheet would read it as a formula.
    public static func neutralize(_ cell: String) -> String {
        guard let first = cell.first, triggers.contains(first) else { return cell }
        return "'" + cell
    }

    /// Every cell of `rows` neutralized.
    public static func neutralize(_ rows: [[String]]) -> [[String]] {
        rows.map { $0.map(neutralize) }
    }

    /// A cell read from CSV with the guard's `'` taken off.
    public static func restore(_ cell: String) -> String {
        guard cell.first == "'", let second = cell.dropFirst().first, triggers.contains(second) else { return cell }
        return String(cell.dropFirst())
    }
}
