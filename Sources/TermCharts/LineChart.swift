// The terminal rendering of a LineChart: braille lines inside a y axis with tick labels, an x axis
// with ticks and labels, an optional title and x caption, and a legend. Every line of the result
// is exactly the chart's width in display columns. Without colour, each series carries its own
// marker character along its line so the legend can be read in plain text.
//
//   layout (columns):  [y labels][space][axis char][plot cells ...]
//
// Not here: the data types and axis resolution (LineSeries.swift).

import Foundation
import LabKit

extension LineChart {
    /// The chart as lines of text joined by "\n" (no trailing newline).
    public func render(_ style: Style) -> String {
        renderLines(style).joined(separator: "\n")
    }

    /// The chart as lines of text, each exactly the chart's width in display columns.
    public func renderLines(_ style: Style) -> [String] {
        let totalWidth = max(20, width ?? style.width)
        let rows = max(2, height)
        let yScale = fittedYAxis(rows: rows)
        let yLabelWidth = yScale.labels.map(\.displayWidth).max() ?? 1
        let cols = max(4, totalWidth - yLabelWidth - 2)
        var canvas = BrailleCanvas(cols: cols, rows: rows)
        let xScale = fittedXAxis(cols: cols)

        // Copies, so the closures below do not capture the canvas they help draw on.
        let dotWidth = canvas.dotWidth, dotHeight = canvas.dotHeight
        func dotX(_ x: Double) -> Int? {
            xScale.fraction(x).map { Int(($0 * Double(dotWidth - 1)).rounded()) }
        }
        func dotY(_ y: Double) -> Int? {
            yScale.fraction(y).map { Int(((1 - $0) * Double(dotHeight - 1)).rounded()) }
        }

        // Lines: consecutive drawable points are joined; an undrawable point leaves a gap.
        for (s, line) in series.enumerated() {
            var previous: (Int, Int)?
            for p in line.points {
                guard isDrawable(p), let x = dotX(p.x), let y = dotY(p.y) else { previous = nil; continue }
                if let from = previous { canvas.line(from.0, from.1, x, y, series: s) } else { canvas.set(x, y, series: s) }
                previous = (x, y)
            }
        }
        // In colour, a series whose line lies mostly under later ones would vanish: mark them all.
        let hidden = markers == .auto && series.count > 1 && style.usesColor
            && series.indices.contains { canvas.visibleShare(of: $0) < 0.5 }
        let withMarkers = showsMarkers(style.colors) || hidden
        if withMarkers { placeMarkers(on: &canvas, dotX: dotX, dotY: dotY) }

        let color: (Int) -> Color? = { SeriesPalette.color($0) }
        var out: [String] = []
        if let title, !title.isEmpty {
            let centered = title.fitted(to: cols, align: .center)
            out.append(String(repeating: " ", count: yLabelWidth + 2) + style.bold(centered))
        }

        // Rows with y labels at the rows their ticks fall on.
        var labelAtRow: [Int: String] = [:]
        for (t, label) in zip(yScale.ticks, yScale.labels) {
            if let y = dotY(t), (0..<canvas.dotHeight).contains(y) { labelAtRow[y / 4] = label }
        }
        let note = emptyNote
        for row in 0..<rows {
            let label = (labelAtRow[row] ?? "").padded(to: yLabelWidth, align: .right)
            let axis = labelAtRow[row] != nil ? "┤" : "│"
            var body = canvas.renderRow(row, style: style, color: color)
            if let note, row == rows / 2 { body = note.fitted(to: cols, align: .center) }
            out.append(style.dim(label + " " + axis) + body)
        }

        // The x axis, its tick marks and labels.
        var tickCols: [(Int, String)] = []
        for (t, label) in zip(xScale.ticks, xScale.labels) {
            if let x = dotX(t), (0..<canvas.dotWidth).contains(x) { tickCols.append((x / 2, label)) }
        }
        let axis = AxisText.axisLine(cols: cols, ticks: tickCols.map(\.0))
        out.append(style.dim(String(repeating: " ", count: yLabelWidth + 1) + "└" + axis))
        out.append(style.dim(AxisText.labelRow(tickCols, offset: yLabelWidth + 2, width: totalWidth)))
        if let xLabel, !xLabel.isEmpty {
            out.append(String(repeating: " ", count: yLabelWidth + 2) + xLabel.fitted(to: cols, align: .center))
        }
        out += legendLines(style: style, withMarkers: withMarkers, indent: yLabelWidth + 2, width: totalWidth)
        return out.map { $0.fitted(to: totalWidth) }
    }

    // MARK: - Pieces

    /// The y axis with the most ticks whose labels land at least two rows apart (a tick falls on the
    /// row holding its dot, so closer ticks would sit on neighbouring rows, unevenly spaced).
    private func fittedYAxis(rows: Int) -> AxisScale {
        let dots = Double(rows * 4 - 1)
        var maxTicks = max(2, min(8, rows / 2 + 1))
        while true {
            let scale = yAxis(maxTicks: maxTicks)
            let tickRows = scale.ticks.compactMap { t in scale.fraction(t).map { Int(((1 - $0) * dots).rounded()) / 4 } }
            let gaps = zip(tickRows, tickRows.dropFirst()).map { abs($0 - $1) }
            if maxTicks == 2 || gaps.allSatisfy({ $0 >= 2 }) { return scale }
            maxTicks -= 1
        }
    }

    /// An x axis whose labels fit side by side under `cols` cells.
    private func fittedXAxis(cols: Int) -> AxisScale {
        var maxTicks = max(2, cols / 6)
        while true {
            let scale = xAxis(maxTicks: maxTicks)
            let widest = scale.labels.map(\.displayWidth).max() ?? 1
            if maxTicks <= 2 || scale.ticks.count * (widest + 2) <= cols { return scale }
            maxTicks -= 1
        }
    }

    /// The message shown in an empty chart, nil when there is something to draw.
    private var emptyNote: String? {
        guard isEmpty else { return nil }
        let anyFinite = series.contains { $0.points.contains { $0.x.isFinite && $0.y.isFinite } }
        if yScale == .log && anyFinite { return "no positive values to draw on a log scale" }
        return "no data"
    }

    /// Marker characters along each series: at every point when points are sparse, otherwise at
    /// regular columns staggered per series so markers of different series rarely collide.
    private func placeMarkers(on canvas: inout BrailleCanvas, dotX: (Double) -> Int?, dotY: (Double) -> Int?) {
        let spacing = max(8, canvas.cols / 7)
        for (s, line) in series.enumerated() {
            let marker = SeriesPalette.marker(s)
            let drawable = line.points.compactMap { p -> (Int, Int)? in
                guard isDrawable(p), let x = dotX(p.x), let y = dotY(p.y) else { return nil }
                return (x, y)
            }
            if drawable.count * spacing <= canvas.cols {
                for (x, y) in drawable { canvas.mark(col: x / 2, row: y / 4, marker, series: s) }
                continue
            }
            // Dense series: walk its segments and mark where they cross the chosen columns.
            let phase = (spacing / 2 + s * spacing / max(1, series.count)) % spacing
            var previous: (Int, Int)?
            for p in line.points {
                guard isDrawable(p), let x = dotX(p.x), let y = dotY(p.y) else { previous = nil; continue }
                defer { previous = (x, y) }
                guard let from = previous, x > from.0 else { continue }
                let (px, py) = from
                for dx in px...x where dx % 2 == 0 && (dx / 2) % spacing == phase {
                    let t = Double(dx - px) / Double(x - px)
                    let yy = Int((Double(py) + t * Double(y - py)).rounded())
                    if yy >= 0 && yy < canvas.dotHeight {
                        canvas.mark(col: dx / 2, row: yy / 4, marker, series: s)
                    }
                }
            }
        }
    }

    /// Legend entries ("━━ relu", or "* relu" in plain text) wrapped to the width.
    private func legendLines(style: Style, withMarkers: Bool, indent: Int, width: Int) -> [String] {
        let named = series.enumerated().filter { !$0.element.name.isEmpty }
        guard !named.isEmpty else { return [] }
        let available = max(8, width - indent)
        var entries: [String] = []
        for (s, line) in named {
            let marker = String(SeriesPalette.marker(s))
            let swatch: String
            if style.usesColor {
                swatch = style.paint(withMarkers ? "━" + marker + "━" : "━━━", fg: SeriesPalette.color(s))
            } else {
                swatch = withMarkers ? marker : "──"
            }
            var name = line.name
            if !line.points.contains(where: isDrawable) { name += " (nothing to draw)" }
            let swatchWidth = swatch.displayWidth + 1
            entries.append(swatch + " " + name.truncated(to: max(1, available - swatchWidth)))
        }
        let lines = Flow.lines(entries, width: available)
        let pad = String(repeating: " ", count: indent)
        return lines.map { pad + $0 }
    }
}
