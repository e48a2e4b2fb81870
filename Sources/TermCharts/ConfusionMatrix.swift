// The confusion matrix of a classifier: rows are true classes, columns predicted classes, cells
// counts. Every count is printed; with colour, the diagonal (right answers) is shaded green and the
// off-diagonal cells (mistakes) red, deeper for larger shares of the row. Row totals and per-class
// recall sit on the right, column totals and per-class precision at the bottom, then the overall
// accuracy and the most frequent confusions, which is what a learner should look at next.
//
// Not here: computing predictions (the engine). Counts are taken as given.

import LabKit

/// A confusion matrix ready to print.
public struct ConfusionMatrix: Sendable, Hashable {
    /// counts[t][p]: how many samples of true class t were predicted as p. Square, classes x classes.
    public var counts: [[Int]]
    /// Class names; missing names print as the class index.
    public var labels: [String]
    public var title: String?

    public init(counts: [[Int]], labels: [String] = [], title: String? = "confusion matrix") {
        self.counts = counts
        self.labels = labels
        self.title = title
    }

    /// Counts tallied from pairs of true and predicted class indices (pairs out of range are ignored).
    public init(truth: [Int], predicted: [Int], classes: Int, labels: [String] = [],
                title: String? = "confusion matrix") {
        let n = max(0, classes)
        var counts = Array(repeating: Array(repeating: 0, count: n), count: n)
        for (t, p) in zip(truth, predicted) where (0..<n).contains(t) && (0..<n).contains(p) {
            counts[t][p] += 1
        }
        self.init(counts: counts, labels: labels, title: title)
    }

    /// Number of classes (the larger of the row count and the longest row).
    public var classes: Int { max(counts.count, counts.map(\.count).max() ?? 0) }

    /// The count at (true t, predicted p), 0 where rows are short.
    public func count(_ t: Int, _ p: Int) -> Int {
        t < counts.count && p < counts[t].count ? counts[t][p] : 0
    }

    /// Correct predictions over all predictions (NaN when empty).
    public var accuracy: Double {
        let total = (0..<classes).reduce(0) { s, t in s + (0..<classes).reduce(0) { $0 + count(t, $1) } }
        let right = (0..<classes).reduce(0) { $0 + count($1, $1) }
        return total > 0 ? Double(right) / Double(total) : .nan
    }

    /// The matrix as lines joined by "\n", padded to a common width.
    public func render(_ style: Style) -> String { renderLines(style).joined(separator: "\n") }

    /// The matrix as lines of equal display width.
    public func renderLines(_ style: Style) -> [String] {
        let n = classes
        guard n > 0 else { return [title ?? "confusion matrix", "(no classes)"] }
        let name: (Int) -> String = { i in i < labels.count && !labels[i].isEmpty ? labels[i] : String(i) }
        let rowTotals = (0..<n).map { t in (0..<n).reduce(0) { $0 + count(t, $1) } }
        let colTotals = (0..<n).map { p in (0..<n).reduce(0) { $0 + count($1, p) } }
        let grand = rowTotals.reduce(0, +)
        let biggest = max(rowTotals.max() ?? 0, colTotals.max() ?? 0)

        // Column headers are the names when short, otherwise class indices (names go in row headers).
        let cellWidth = max(String(biggest).count, 4) + 1
        let namesFit = (0..<n).allSatisfy { name($0).displayWidth <= cellWidth - 1 }
        let header: (Int) -> String = { namesFit ? name($0) : String($0) }
        let fullRowNames = (0..<n).map { namesFit ? name($0) : "\($0) " + name($0) }
        var rowHeaderWidth = max("true \\ pred".count, min(16, fullRowNames.map(\.displayWidth).max() ?? 0))
        let tailWidth = 2 + max(6, String(grand).count + 1) + 8
        var rowNames = fullRowNames
        var needsKey = false
        if rowHeaderWidth + 1 + n * cellWidth + tailWidth > style.width && !namesFit {
            // Too wide: index-only row headers and a key of names underneath.
            rowNames = (0..<n).map(String.init)
            rowHeaderWidth = "true \\ pred".count
            needsKey = true
        }
        let totalWidthCol = max(6, String(grand).count + 1)

        var out: [String] = []
        if let title, !title.isEmpty { out.append(style.bold(title) + style.dim("  (rows: true class, columns: predicted)")) }
        var head = "true \\ pred".fitted(to: rowHeaderWidth) + " "
        for p in 0..<n { head += header(p).fitted(to: cellWidth, align: .right) }
        head += " │" + "total".padded(to: totalWidthCol, align: .right) + "recall".padded(to: 8, align: .right)
        out.append(style.bold(head))
        for t in 0..<n {
            var line = rowNames[t].fitted(to: rowHeaderWidth) + " "
            for p in 0..<n {
                let c = count(t, p)
                let text = String(c).padded(to: cellWidth, align: .right)
                line += cellPaint(text, count: c, rowTotal: rowTotals[t], diagonal: t == p, style: style)
            }
            let recall = rowTotals[t] > 0 ? NumberFormat.percent(Double(count(t, t)) / Double(rowTotals[t])) : "-"
            line += " │" + String(rowTotals[t]).padded(to: totalWidthCol, align: .right) + recall.padded(to: 8, align: .right)
            out.append(line)
        }
        let ruleWidth = rowHeaderWidth + 1 + n * cellWidth
        out.append(style.dim(String(repeating: "─", count: ruleWidth + 1) + "┼" + String(repeating: "─", count: totalWidthCol + 8)))
        var totals = "total".fitted(to: rowHeaderWidth) + " "
        for p in 0..<n { totals += String(colTotals[p]).padded(to: cellWidth, align: .right) }
        totals += " │" + String(grand).padded(to: totalWidthCol, align: .right)
        out.append(totals)
        var precision = "precision".fitted(to: rowHeaderWidth) + " "
        for p in 0..<n {
            let text = colTotals[p] > 0 ? NumberFormat.percent(Double(count(p, p)) / Double(colTotals[p]), decimals: 0) : "-"
            precision += text.padded(to: cellWidth, align: .right)
        }
        out.append(precision + " │")
        let right = (0..<n).reduce(0) { $0 + count($1, $1) }
        out.append("accuracy " + (grand > 0 ? NumberFormat.percent(Double(right) / Double(grand), decimals: 2) : "-")
                   + " (\(NumberFormat.grouped(right)) of \(NumberFormat.grouped(grand)))")
        out += confusionLines(name: name, width: style.width)
        if needsKey {
            let key = (0..<n).map { "\($0) \(name($0))" }.joined(separator: ", ")
            out += ("classes: " + key).wrapped(to: style.width, indent: "  ")
        }
        let width = out.map(\.displayWidth).max() ?? 0
        return out.map { $0.padded(to: width) }
    }

    // MARK: - Pieces

    /// A cell coloured by its share of the row: green on the diagonal, red off it, plain for zero.
    private func cellPaint(_ text: String, count: Int, rowTotal: Int, diagonal: Bool, style: Style) -> String {
        guard style.usesColor else { return text }
        guard count > 0, rowTotal > 0 else { return style.dim(text) }
        let share = Double(count) / Double(rowTotal)
        let background: Color
        if diagonal {
            background = Color(30, 60, 30, basic16: share > 0.5 ? 2 : 0).mixed(with: Color(60, 190, 80), share)
        } else {
            // Square root: a 2% confusion is already worth seeing.
            background = Color(60, 30, 30).mixed(with: Color(220, 60, 60), min(1, share.squareRoot() * 1.5))
        }
        var bg = background
        if style.colors == .basic16 { bg.basic16 = diagonal ? 2 : (share >= 0.03 ? 1 : 0) }
        let fg: Color = bg.luminance > 0.55 ? .black : .white
        return style.paint(text, fg: fg, bg: bg)
    }

    /// "most confused: 4 Coat → 6 Shirt 120×" for the three largest off-diagonal counts.
    private func confusionLines(name: (Int) -> String, width: Int) -> [String] {
        var pairs: [(Int, Int, Int)] = []
        for t in 0..<classes { for p in 0..<classes where t != p && count(t, p) > 0 { pairs.append((count(t, p), t, p)) } }
        pairs.sort { $0.0 != $1.0 ? $0.0 > $1.0 : ($0.1, $0.2) < ($1.1, $1.2) }
        guard !pairs.isEmpty else { return [] }
        let text = pairs.prefix(3).map { c, t, p in
            let tn = name(t) == String(t) ? String(t) : "\(t) \(name(t))"
            let pn = name(p) == String(p) ? String(p) : "\(p) \(name(p))"
            return "\(tn) as \(pn) (\(c))"
        }.joined(separator: ", ")
        return ("most confused: " + text).wrapped(to: width, indent: "  ")
    }
}
