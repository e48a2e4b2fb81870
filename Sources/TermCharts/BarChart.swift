// Horizontal bar chart with 1/8-cell resolution (the block characters ▏▎▍▌▋▊▉█), a label before
// each bar and its value after it. The log mode spans many orders of magnitude with an axis of
// decades under the bars: the per-layer mean |gradient| chart, where layer 1 may be 1e-7 and
// layer 10 1e-2, and the vanishing gradient shows as a staircase.
//
// Not here: vertical bars. Negative values are shown as numbers with no bar (no diverging baseline);
// on a log scale so are zeros.

import Foundation
import LabKit

/// One labelled value.
public struct Bar: Sendable, Hashable {
    public var label: String
    public var value: Double
    public init(label: String, value: Double) {
        self.label = label
        self.value = value
    }
}

/// How bar values are printed.
public enum ValueFormat: Sendable, Hashable {
    /// Scientific on a log scale; whole numbers grouped when every value is whole; else four significant digits.
    case auto
    /// "1.2e-7" with this many significant digits.
    case scientific(significant: Int)
    /// Fixed decimals.
    case fixed(decimals: Int)
    /// A fraction printed as a percentage ("98.1%").
    case percent(decimals: Int)
    /// Whole numbers with thousands separators.
    case integer
}

/// A horizontal bar chart.
public struct BarChart: Sendable, Hashable {
    public var bars: [Bar]
    public var title: String?
    /// `.log` for values spanning orders of magnitude (bars measure decades above the smallest).
    public var scale: ScaleKind
    public var valueFormat: ValueFormat
    /// Total width in columns; nil uses the style's width.
    public var width: Int?
    /// Bar colour when colour is allowed (series colour 0 by default).
    public var color: Color?

    public init(bars: [Bar], title: String? = nil, scale: ScaleKind = .linear,
                valueFormat: ValueFormat = .auto, width: Int? = nil, color: Color? = nil) {
        self.bars = bars
        self.title = title
        self.scale = scale
        self.valueFormat = valueFormat
        self.width = width
        self.color = color
    }

    /// The chart as lines joined by "\n"; every line is exactly the chart's width.
    public func render(_ style: Style) -> String {
        renderLines(style).joined(separator: "\n")
    }

    /// The chart as lines, each exactly the chart's width in display columns.
    public func renderLines(_ style: Style) -> [String] {
        let totalWidth = max(20, width ?? style.width)
        let values = bars.map { format($0.value) }
        let valueWidth = values.map(\.displayWidth).max() ?? 0
        let labelWidth = min(bars.map { $0.label.displayWidth }.max() ?? 0, totalWidth / 3)
        // label, space, axis, bars, space, value
        let barCells = max(4, totalWidth - labelWidth - valueWidth - 3)
        let axis = resolvedAxis(barCells: barCells)
        let paint = color ?? SeriesPalette.color(0)

        var out: [String] = []
        if let title, !title.isEmpty {
            out.append(style.bold(title.truncated(to: totalWidth)))
        }
        if bars.isEmpty {
            out.append("(no values)")
        }
        for (i, (bar, valueText)) in zip(bars, values).enumerated() {
            let eighths = barEighths(bar.value, axis: axis, cells: barCells)
            let blocks = BarChart.blocks(eighths: eighths)
            let label = bar.label.truncated(to: labelWidth).padded(to: labelWidth)
            // Full blocks fill the whole cell height, so neighbouring bars touch: alternate two tones.
            let tone = i % 2 == 0 ? paint : paint.mixed(with: .black, 0.3)
            out.append(label + " " + style.dim("│") + style.paint(blocks, fg: tone) + " " + valueText)
        }
        if let axis, !bars.isEmpty {
            var ticks: [(Int, String)] = []
            for (t, label) in zip(axis.ticks, axis.labels) {
                guard let f = axis.fraction(t) else { continue }
                ticks.append((min(barCells - 1, Int((f * Double(barCells)).rounded())), label))
            }
            let pad = String(repeating: " ", count: labelWidth + 1)
            out.append(style.dim(pad + "└" + AxisText.axisLine(cols: barCells, ticks: ticks.map(\.0))))
            out.append(style.dim(AxisText.labelRow(ticks, offset: labelWidth + 2, width: totalWidth)))
        }
        return out.map { $0.fitted(to: totalWidth) }
    }

    // MARK: - Pieces

    /// The decade axis of a log chart; nil for a linear chart.
    private func resolvedAxis(barCells: Int) -> AxisScale? {
        guard scale == .log else { return nil }
        let positive = bars.map(\.value).filter { $0 > 0 && $0.isFinite }
        guard let lo = positive.min(), let hi = positive.max() else { return nil }
        let lowExp = max(-300, floor(log10(lo) + 1e-9))
        var highExp = min(300, ceil(log10(hi) - 1e-9))
        if highExp <= lowExp { highExp = lowExp + 1 }
        let decades = Int(highExp - lowExp)
        return AxisScale.log(dataMin: pow(10, lowExp), dataMax: pow(10, highExp),
                             fixed: pow(10, lowExp)...pow(10, highExp),
                             maxTicks: max(2, min(decades + 1, barCells / 6)))
    }

    /// Bar length in eighths of a cell.
    private func barEighths(_ value: Double, axis: AxisScale?, cells: Int) -> Int {
        guard value.isFinite, value > 0 else { return 0 }
        let fraction: Double
        if let axis {
            fraction = axis.fraction(value) ?? 0
        } else {
            let biggest = bars.map(\.value).filter { $0.isFinite }.max() ?? 0
            fraction = biggest > 0 ? value / biggest : 0
        }
        // The smallest positive value still shows a sliver, so "tiny" never reads as "none".
        return max(1, min(cells * 8, Int((fraction * Double(cells * 8)).rounded())))
    }

    /// Full blocks then one partial block: 13 eighths -> "█▋".
    static func blocks(eighths: Int) -> String {
        let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        let n = max(0, eighths)
        return String(repeating: "█", count: n / 8) + partials[n % 8]
    }

    private func format(_ v: Double) -> String {
        switch valueFormat {
        case .auto:
            if scale == .log { return NumberFormat.scientific(v, significant: 2) }
            let whole = bars.allSatisfy { !$0.value.isFinite || ($0.value == $0.value.rounded() && abs($0.value) < 1e15) }
            if whole && v.isFinite { return NumberFormat.grouped(Int(v)) }
            return NumberFormat.compact(v, significant: 4)
        case .scientific(let digits): return NumberFormat.scientific(v, significant: digits)
        case .fixed(let decimals): return NumberFormat.fixed(v, decimals: decimals)
        case .percent(let decimals): return NumberFormat.percent(v, decimals: decimals)
        case .integer:
            guard v.isFinite, abs(v) < 9e18 else { return NumberFormat.compact(v) }
            return NumberFormat.grouped(Int(v.rounded()))
        }
    }
}

extension BarChart {
    /// `grads`: each layer's mean |gradient| as a bar on a log scale with values in scientific notation.
    public static func gradientSizes(layers: [(name: String, meanAbsGradient: Double)],
                                     title: String = "mean |gradient| per layer") -> BarChart {
        BarChart(bars: layers.map { Bar(label: $0.name, value: $0.meanAbsGradient) }, title: title, scale: .log)
    }
}
