// CompletionColumns: lays out a list of candidates in columns that fit the terminal, like ls(1).
//
// Items run down the columns first (column-major), every column as wide as the widest item plus a
// gap, with as many columns as the width allows and no trailing spaces. Pure: the editor prints
// the lines it returns.

import LabKit

/// Column layout for completion listings.
public enum CompletionColumns {
    /// The lines that show `items` in columns fitting `width` terminal columns.
    ///
    /// Uses the fewest rows that fit; an item wider than the terminal gets a line of its own and
    /// is not cut. Widths count Korean and other wide characters as two columns.
    public static func layout(_ items: [String], width: Int, gap: Int = 2) -> [String] {
        guard !items.isEmpty else { return [] }
        let widths = items.map(\.displayWidth)
        let cell = (widths.max() ?? 0) + gap
        // The last column needs no gap after it, hence `width + gap`.
        let fitting = max(1, (max(width, 1) + gap) / cell)
        let rows = (items.count + fitting - 1) / fitting
        let columns = (items.count + rows - 1) / rows

        var lines: [String] = []
        lines.reserveCapacity(rows)
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < items.count else { break }
                line += items[index]
                let isLastInRow = column == columns - 1 || (column + 1) * rows + row >= items.count
                if !isLastInRow {
                    line += String(repeating: " ", count: cell - widths[index])
                }
            }
            lines.append(line)
        }
        return lines
    }
}
