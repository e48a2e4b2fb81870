// Text pieces of a horizontal axis in the terminal: the axis line with tick marks and the row of
// tick labels under it. Shared by the line chart, the bar chart's log axis and the sparklines.
//
// Not here: choosing tick values (AxisScale.swift).

enum AxisText {
    /// "───┬────┬──" over `cols` cells with a tick mark at each given column.
    static func axisLine(cols: Int, ticks: [Int]) -> String {
        var axis = Array(repeating: "─", count: max(0, cols))
        for c in ticks where c >= 0 && c < axis.count { axis[c] = "┬" }
        return axis.joined()
    }

    /// Labels centred under their columns (column + `offset` on the line), moved inward at the
    /// edges and dropped when they would touch the previous label. ASCII labels only.
    static func labelRow(_ ticks: [(Int, String)], offset: Int, width: Int) -> String {
        var row = Array(repeating: Character(" "), count: max(0, width))
        var freeFrom = 0
        for (c, label) in ticks {
            let w = label.count
            guard w <= width else { continue }
            let start = min(max(offset + c - (w - 1) / 2, 0), width - w)
            guard start >= freeFrom else { continue }
            for (i, ch) in label.enumerated() { row[start + i] = ch }
            freeFrom = start + w + 1
        }
        return String(row)
    }
}
