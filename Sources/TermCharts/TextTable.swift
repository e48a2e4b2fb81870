// Aligned text tables: a header row, body rows and optional footer rows (totals) after a rule.
// Columns of numbers are right-aligned by default; a column can highlight its best value (largest
// or smallest): bold green with colour, a trailing "*" without. Borders are box-drawing, ASCII, or
// minimal (a rule under the header, as in Keras's model.summary()). Too wide for the space, the
// widest columns are cut with "…". Used for `runs`, `sweep`, `model show` and lesson results.
//
// Not here: cells spanning several lines or columns.

import LabKit

/// A column: its title, alignment and whether its best value is highlighted.
public struct TableColumn: Sendable, Hashable {
    public enum Alignment: Sendable, Hashable {
        /// Right when every cell is a number (ignoring "-", empty cells, commas and "%"), else left.
        case auto
        case left, right, center
    }

    /// Which value is "best" in a highlighted column.
    public enum Best: Sendable, Hashable {
        case largest, smallest
    }

    public var title: String
    public var alignment: Alignment
    public var highlight: Best?

    public init(_ title: String, alignment: Alignment = .auto, highlight: Best? = nil) {
        self.title = title
        self.alignment = alignment
        self.highlight = highlight
    }
}

/// Border drawing styles.
public enum TableBorder: Sendable, Hashable {
    /// ┌─┬─┐ lines around and between cells.
    case box
    /// +-+-+ and | for terminals without box drawing.
    case ascii
    /// No frame: columns two spaces apart, a rule under the header and before the footer.
    case minimal
}

/// A text table.
public struct TextTable: Sendable, Hashable {
    public var columns: [TableColumn]
    public var rows: [[String]]
    /// Rows after a rule at the bottom (totals such as "Total params").
    public var footer: [[String]]
    public var title: String?
    public var border: TableBorder
    /// Maximum width in columns; nil uses the style's width.
    public var width: Int?

    public init(columns: [TableColumn], rows: [[String]], footer: [[String]] = [], title: String? = nil,
                border: TableBorder = .box, width: Int? = nil) {
        self.columns = columns
        self.rows = rows
        self.footer = footer
        self.title = title
        self.border = border
        self.width = width
    }

    /// A table whose columns are given by title only (alignment automatic, nothing highlighted).
    public init(header: [String], rows: [[String]], border: TableBorder = .box) {
        self.init(columns: header.map { TableColumn($0) }, rows: rows, border: border)
    }

    /// The table as lines joined by "\n".
    public func render(_ style: Style) -> String { renderLines(style).joined(separator: "\n") }

    /// The table as lines of equal display width, no wider than the limit when that is possible.
    public func renderLines(_ style: Style) -> [String] {
        let n = max(columns.count, (rows + footer).map(\.count).max() ?? 0)
        guard n > 0 else { return title.map { [$0] } ?? [] }
        let column: (Int) -> TableColumn = { $0 < columns.count ? columns[$0] : TableColumn("") }
        let cell: ([String], Int) -> String = { row, i in i < row.count ? row[i] : "" }
        let alignments = (0..<n).map { resolvedAlignment(column($0).alignment, index: $0) }
        let best = (0..<n).map { bestRow(column($0).highlight, index: $0) }
        // Without colour the best value gets a "*"; every numeric cell of that column keeps a
        // matching blank so the digits stay aligned.
        let markColumn = (0..<n).map { best[$0] != nil && !style.usesColor }

        func body(_ row: [String], _ r: Int?, _ i: Int) -> String {
            let text = cell(row, i)
            guard markColumn[i] else { return text }
            return text + (r != nil && r == best[i] ? "*" : " ")
        }
        var widths = (0..<n).map { i in
            max(column(i).title.displayWidth,
                (rows.enumerated().map { body($0.element, $0.offset, i).displayWidth } +
                 footer.map { body($0, nil, i).displayWidth }).max() ?? 0)
        }
        shrink(&widths, limit: max(10, width ?? style.width))

        func line(_ texts: [String], isHeader: Bool, bestRow: Int?) -> String {
            let cells = (0..<n).map { i -> String in
                let align: TextAlignment = isHeader ? (alignments[i] == .right ? .right : .left) : alignments[i]
                var text = texts[i].fitted(to: widths[i], align: align)
                if isHeader { text = style.bold(text) }
                if let r = bestRow, r == best[i], style.usesColor {
                    text = style.paint(style.bold(text.strippingANSI()), fg: Color.green)
                }
                return text
            }
            switch border {
            case .box: return "│ " + cells.joined(separator: " │ ") + " │"
            case .ascii: return "| " + cells.joined(separator: " | ") + " |"
            case .minimal: return cells.joined(separator: "  ")
            }
        }

        var out: [String] = []
        if let title, !title.isEmpty { out.append(style.bold(title)) }
        if let top = rule(.top, widths) { out.append(style.dim(top)) }
        out.append(line((0..<n).map { column($0).title }, isHeader: true, bestRow: nil))
        if let mid = rule(.middle, widths) { out.append(style.dim(mid)) }
        for (r, row) in rows.enumerated() {
            out.append(line((0..<n).map { body(row, r, $0) }, isHeader: false, bestRow: r))
        }
        if !footer.isEmpty {
            if let mid = rule(.middle, widths) { out.append(style.dim(mid)) }
            for row in footer { out.append(line((0..<n).map { body(row, nil, $0) }, isHeader: false, bestRow: nil)) }
        }
        if let bottom = rule(.bottom, widths) { out.append(style.dim(bottom)) }
        let total = out.map(\.displayWidth).max() ?? 0
        return out.map { $0.padded(to: total) }
    }

    // MARK: - Pieces

    private enum RulePosition { case top, middle, bottom }

    private func rule(_ position: RulePosition, _ widths: [Int]) -> String? {
        switch border {
        case .box:
            let (l, m, r) = position == .top ? ("┌", "┬", "┐") : position == .middle ? ("├", "┼", "┤") : ("└", "┴", "┘")
            return l + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: m) + r
        case .ascii:
            return "+" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+") + "+"
        case .minimal:
            guard position == .middle else { return nil }
            return widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")
        }
    }

    /// Narrows the widest columns (never below 3) until the table fits in `limit`.
    private func shrink(_ widths: inout [Int], limit: Int) {
        let overhead: Int
        switch border {
        case .box, .ascii: overhead = 3 * widths.count + 1
        case .minimal: overhead = 2 * (widths.count - 1)
        }
        while widths.reduce(0, +) + overhead > limit {
            guard let i = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[i] > 3 else { return }
            widths[i] -= 1
        }
    }

    private func resolvedAlignment(_ a: TableColumn.Alignment, index: Int) -> TextAlignment {
        switch a {
        case .left: return .left
        case .right: return .right
        case .center: return .center
        case .auto:
            let cells = (rows + footer).compactMap { index < $0.count ? $0[index] : nil }
            let meaningful = cells.filter { !TextTable.isBlank($0) }
            return !meaningful.isEmpty && meaningful.allSatisfy { TextTable.number($0) != nil } ? .right : .left
        }
    }

    /// The body row holding the best value of a column (first one on ties), if highlighting is on.
    private func bestRow(_ best: TableColumn.Best?, index: Int) -> Int? {
        guard let best else { return nil }
        var found: (Int, Double)?
        for (r, row) in rows.enumerated() where index < row.count {
            guard let v = TextTable.number(row[index]), v.isFinite else { continue }
            if let (_, b) = found {
                if best == .largest ? v > b : v < b { found = (r, v) }
            } else {
                found = (r, v)
            }
        }
        return found?.0
    }

    static func isBlank(_ s: String) -> Bool {
        let t = s.strippingANSI().trimmingSpaces
        return t.isEmpty || t == "-" || t == "—"
    }

    /// The number a cell shows ("1,234", "98.1%", "-0.5", "1e-3"), or nil if it is not one.
    static func number(_ s: String) -> Double? {
        var t = s.strippingANSI().trimmingSpaces
        t.removeAll { $0 == "," || $0 == "_" }
        if t.hasSuffix("%") { t.removeLast() }
        guard !t.isEmpty else { return nil }
        return Double(t)
    }
}

extension String {
    /// Without leading and trailing spaces (only U+0020; Foundation-free).
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
