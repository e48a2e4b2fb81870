// Small multiples: one short braille panel per series, stacked, sharing one x axis and (by default)
// one y scale, with each series' first and last value written beside its panel. This is `grads plot`:
// how each layer's gradient size moved over training. With a shared log scale the panels form a
// staircase when gradients vanish toward the input; it stays readable for a dozen layers and needs
// no colour. For the same data overlaid in one chart, use `LineChart.gradientHistory`.
//
// Not here: the single overlaid chart (LineChart.swift).

import Foundation
import LabKit

/// Stacked mini charts, one per series.
public struct SmallMultiples: Sendable, Hashable {
    public var series: [LineSeries]
    public var title: String?
    public var xLabel: String?
    /// `.log` by default: gradient sizes span decades.
    public var scale: ScaleKind
    /// True: every panel uses the same y range, so heights compare across panels (but a dozen decades
    /// over a few dots flattens each line). False (default): each panel spans the whole decades around
    /// its own values, which shows how each one moved; the numbers beside it give the sizes.
    public var sharedScale: Bool
    /// Rows of text per panel (each row is 4 braille dots high).
    public var panelHeight: Int
    /// Total width in columns; nil uses the style's width.
    public var width: Int?
    /// The line under the title saying how the panels are scaled; nil writes the English one
    /// ("log scale, each panel spans the decades around its own values").
    public var scaleCaption: String?

    public init(series: [LineSeries], title: String? = nil, xLabel: String? = nil,
                scale: ScaleKind = .log, sharedScale: Bool = false, panelHeight: Int = 2, width: Int? = nil) {
        self.series = series
        self.title = title
        self.xLabel = xLabel
        self.scale = scale
        self.sharedScale = sharedScale
        self.panelHeight = panelHeight
        self.width = width
    }

    /// The panels as lines joined by "\n"; every line is exactly the width.
    public func render(_ style: Style) -> String {
        renderLines(style).joined(separator: "\n")
    }

    /// The panels as lines, each exactly the width in display columns.
    public func renderLines(_ style: Style) -> [String] {
        let totalWidth = max(20, width ?? style.width)
        let rows = max(1, panelHeight)
        let nameWidth = min(series.map { $0.name.displayWidth }.max() ?? 0, totalWidth / 4)
        let summaries = series.map(summary)
        let summaryWidth = min(summaries.map(\.displayWidth).max() ?? 0, totalWidth / 3)
        let cols = max(4, totalWidth - nameWidth - summaryWidth - 4)
        let all = LineChart(series: series, yScale: scale)
        let xScale = all.xAxis(maxTicks: max(2, cols / 8))
        let shared = SmallMultiples.decadeAxis(all)

        var out: [String] = []
        if let title, !title.isEmpty { out.append(style.bold(title.truncated(to: totalWidth))) }
        let scaleNote = scale == .log ? "log scale" : "linear scale"
        if sharedScale, !all.isEmpty {
            let bound: (Double) -> String = { v in
                scale == .log ? "1e" + String(Int(log10(v).rounded())) : NumberFormat.compact(v, significant: 3)
            }
            out.append(style.dim("\(scaleNote), every panel \(bound(shared.lower)) … \(bound(shared.upper))"))
        } else {
            let own = scale == .log ? "each panel spans the decades around its own values" : "each panel fits its own range"
            out.append(style.dim(scaleCaption ?? "\(scaleNote), \(own)"))
        }
        for (s, line) in series.enumerated() {
            let own = LineChart(series: [line], yScale: scale)
            let yScale = sharedScale ? shared : SmallMultiples.decadeAxis(own)
            var canvas = BrailleCanvas(cols: cols, rows: rows)
            let dotWidth = canvas.dotWidth, dotHeight = canvas.dotHeight
            var previous: (Int, Int)?
            for p in line.points {
                guard own.isDrawable(p), let fx = xScale.fraction(p.x), let fy = yScale.fraction(p.y) else {
                    previous = nil
                    continue
                }
                let x = Int((fx * Double(dotWidth - 1)).rounded())
                let y = Int(((1 - fy) * Double(dotHeight - 1)).rounded())
                if let from = previous { canvas.line(from.0, from.1, x, y, series: s) } else { canvas.set(x, y, series: s) }
                previous = (x, y)
            }
            for row in 0..<rows {
                let name = row == 0 ? line.name.truncated(to: nameWidth) : ""
                let note = row == 0 ? summaries[s].truncated(to: summaryWidth) : ""
                let body = canvas.renderRow(row, style: style) { SeriesPalette.color($0) }
                out.append(name.padded(to: nameWidth) + " " + style.dim("│") + body + style.dim("│") + " " + note)
            }
        }
        if series.isEmpty { out.append("(no series)") }
        var ticks: [(Int, String)] = []
        for (t, label) in zip(xScale.ticks, xScale.labels) {
            if let f = xScale.fraction(t) { ticks.append((Int(f * Double(cols * 2 - 1)) / 2, label)) }
        }
        let pad = String(repeating: " ", count: nameWidth + 1)
        out.append(style.dim(pad + "└" + AxisText.axisLine(cols: cols, ticks: ticks.map(\.0)) + "┘"))
        out.append(style.dim(AxisText.labelRow(ticks, offset: nameWidth + 2, width: totalWidth)))
        if let xLabel, !xLabel.isEmpty { out.append(pad + " " + xLabel.fitted(to: cols, align: .center)) }
        return out.map { $0.fitted(to: totalWidth) }
    }

    /// The shared y range: whole decades around the data on a log scale (every decade kept, unlike a
    /// chart axis that thins its ticks), the data range itself on a linear one.
    static func decadeAxis(_ chart: LineChart) -> AxisScale {
        let ys = chart.drawablePoints.map(\.y)
        guard let lo = ys.min(), let hi = ys.max() else { return chart.yAxis(maxTicks: 2) }
        switch chart.yScale {
        case .linear:
            return AxisScale.linear(dataMin: lo, dataMax: hi, fixed: lo < hi ? lo...hi : nil, maxTicks: 2, extend: false)
        case .log:
            let lowExp = max(-300, floor(log10(lo) + 1e-9))
            let highExp = min(300, max(lowExp + 1, ceil(log10(hi) - 1e-9)))
            return AxisScale.log(dataMin: lo, dataMax: hi, fixed: pow(10, lowExp)...pow(10, highExp), maxTicks: 2)
        }
    }

    /// "1.2e-7 → 3.4e-8": the first and last drawable values of a series.
    private func summary(_ line: LineSeries) -> String {
        let drawable = line.points.filter { $0.x.isFinite && $0.y.isFinite && (scale == .linear || $0.y > 0) }
        guard let first = drawable.first, let last = drawable.last else { return "no data" }
        let f: (Double) -> String = { v in
            scale == .log ? NumberFormat.scientific(v, significant: 2) : NumberFormat.compact(v, significant: 3)
        }
        return drawable.count == 1 ? f(first.y) : f(first.y) + " → " + f(last.y)
    }
}

extension LineChart {
    /// `grads plot` as one overlaid chart: a series per layer on a log y scale. Series past the number
    /// of clearly different colours (and every series without colour) get markers, so a dozen layers
    /// stay apart. `layers` pairs each layer's name with its mean |gradient| per recorded step.
    public static func gradientHistory(layers: [(name: String, values: [Double])], firstX: Double = 1,
                                       stepX: Double = 1, xLabel: String = "epoch",
                                       title: String = "mean |gradient| per layer") -> LineChart {
        LineChart(series: layers.map { LineSeries(name: $0.name, values: $0.values, firstX: firstX, stepX: stepX) },
                  title: title, xLabel: xLabel, yScale: .log, height: 14)
    }
}
