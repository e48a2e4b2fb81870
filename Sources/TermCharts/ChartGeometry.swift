// Pixel layout of a LineChart for the file renderers (SVG and PNG): where the title, plot area,
// tick labels, x caption and legend go, and where each series' points land. Both renderers draw
// from the same geometry, so a chart looks the same in either file; only the text metrics differ
// (a monospace SVG font versus the built-in bitmap font).
//
//   y grows downward, as in both file formats; (plotX, plotY) is the plot area's top-left corner.
//
// Not here: drawing (SVGChart.swift, PNGChart.swift) or the terminal layout (LineChart.swift).

import LabKit

/// Colours of series in files (on white): darker than the terminal palette, same order and hues.
enum FilePalette {
    static let colors: [Color] = [
        Color(31, 119, 200), Color(240, 130, 20), Color(44, 160, 60), Color(214, 40, 40),
        Color(140, 90, 200), Color(0, 160, 170), Color(190, 160, 0), Color(225, 100, 180),
        Color(140, 86, 60), Color(120, 120, 120), Color(0, 100, 0), Color(20, 50, 140),
    ]
    static func color(_ i: Int) -> Color { colors[((i % colors.count) + colors.count) % colors.count] }
}

/// Sizes of text in a file renderer.
struct TextMetrics {
    /// Advance of one character of label text, in pixels.
    var charWidth: Double
    /// Height of a line of label text, in pixels.
    var lineHeight: Double
    var titleCharWidth: Double
    var titleLineHeight: Double
}

/// Where everything of a line chart goes in a width x height picture.
struct ChartGeometry {
    struct LegendEntry {
        var series: Int
        var name: String
        /// Left end of the swatch and the text baseline's vertical centre.
        var x: Double
        var y: Double
    }

    let width: Double
    let height: Double
    let plotX: Double
    let plotY: Double
    let plotWidth: Double
    let plotHeight: Double
    let xAxis: AxisScale
    let yAxis: AxisScale
    /// Vertical centre of the title line, if there is a title.
    let titleY: Double?
    /// Vertical centre of the tick label line under the plot.
    let tickLabelY: Double
    /// Vertical centre of the x caption, if any.
    let xLabelY: Double?
    let legend: [LegendEntry]
    let metrics: TextMetrics
    static let swatchWidth = 22.0

    init(chart: LineChart, width: Int, height: Int, metrics m: TextMetrics) {
        self.width = Double(max(120, width))
        self.height = Double(max(90, height))
        self.metrics = m
        let pad = 12.0
        let hasTitle = !(chart.title ?? "").isEmpty
        titleY = hasTitle ? pad + m.titleLineHeight / 2 : nil
        let top = pad + (hasTitle ? m.titleLineHeight + 8 : 4)

        // Legend entries flow left to right under everything else.
        var rows: [[(Int, String, Double)]] = [[]]
        var used = 0.0
        let available = self.width - 2 * pad
        for (i, s) in chart.series.enumerated() where !s.name.isEmpty {
            let w = ChartGeometry.swatchWidth + 6 + Double(s.name.displayWidth) * m.charWidth
            if used > 0 && used + 18 + w > available { rows.append([]); used = 0 }
            rows[rows.count - 1].append((i, s.name, used + (used > 0 ? 18 : 0)))
            used += (used > 0 ? 18 : 0) + w
        }
        if rows.last?.isEmpty == true { rows.removeLast() }
        let legendHeight = Double(rows.count) * (m.lineHeight + 4)
        let hasXLabel = !(chart.xLabel ?? "").isEmpty
        let bottom = pad + legendHeight + (hasXLabel ? m.lineHeight + 4 : 0) + m.lineHeight + 8
        let plotHeight = max(20, self.height - top - bottom)

        let yAxis = chart.yAxis(maxTicks: max(2, min(9, Int(plotHeight / (m.lineHeight * 2.2)) + 1)))
        let yLabelWidth = Double(yAxis.labels.map(\.count).max() ?? 1) * m.charWidth
        let left = pad + yLabelWidth + 10
        let right = pad + 2 * m.charWidth
        let plotWidth = max(20, self.width - left - right)
        var maxTicks = max(2, Int(plotWidth / (m.charWidth * 8)))
        var xAxis = chart.xAxis(maxTicks: maxTicks)
        while maxTicks > 2 {
            let widest = Double(xAxis.labels.map(\.count).max() ?? 1) * m.charWidth
            if Double(xAxis.ticks.count) * (widest + 2 * m.charWidth) <= plotWidth { break }
            maxTicks -= 1
            xAxis = chart.xAxis(maxTicks: maxTicks)
        }

        self.plotX = left
        self.plotY = top
        self.plotWidth = plotWidth
        self.plotHeight = plotHeight
        self.xAxis = xAxis
        self.yAxis = yAxis
        tickLabelY = top + plotHeight + 6 + m.lineHeight / 2
        xLabelY = hasXLabel ? tickLabelY + m.lineHeight + 4 : nil
        let legendTop = (xLabelY ?? tickLabelY) + m.lineHeight / 2 + 8
        var entries: [LegendEntry] = []
        for (r, row) in rows.enumerated() {
            let rowWidth = (row.last.map { $0.2 + ChartGeometry.swatchWidth + 6 + Double($0.1.displayWidth) * m.charWidth }) ?? 0
            let start = left + max(0, (plotWidth - rowWidth) / 2)
            for (i, name, x) in row {
                entries.append(LegendEntry(series: i, name: name, x: start + x,
                                           y: legendTop + Double(r) * (m.lineHeight + 4) + m.lineHeight / 2))
            }
        }
        legend = entries
    }

    /// Horizontal pixel of a data x, nil if it cannot be placed.
    func px(_ x: Double) -> Double? { xAxis.fraction(x).map { plotX + $0 * plotWidth } }

    /// Vertical pixel of a data y, nil if it cannot be placed (NaN, or <= 0 on a log scale).
    func py(_ y: Double) -> Double? { yAxis.fraction(y).map { plotY + (1 - $0) * plotHeight } }

    /// Each series as runs of pixel points; an undrawable point ends a run.
    func paths(_ chart: LineChart) -> [[[(Double, Double)]]] {
        chart.series.map { line in
            var runs: [[(Double, Double)]] = [[]]
            for p in line.points {
                if chart.isDrawable(p), let x = px(p.x), let y = py(p.y) {
                    runs[runs.count - 1].append((x, y))
                } else if !(runs.last?.isEmpty ?? true) {
                    runs.append([])
                }
            }
            return runs.filter { !$0.isEmpty }
        }
    }

    /// True when a series has few enough points that each gets a dot.
    func showsPointMarkers(_ line: LineSeries, _ chart: LineChart) -> Bool {
        let n = line.points.filter(chart.isDrawable).count
        return n > 0 && Double(n) * 10 <= plotWidth
    }
}
