// The terminal line chart: exact output for a tiny case, and invariants (width, no escapes in
// plain text, powers of ten on log axes, markers per series) over awkward data.

import Foundation
import Testing
@testable import TermCharts
import LabKit

@Suite struct LineChartTests {
    let sigmoid = LineSeries(name: "sigmoid", values: (0..<15).map { 2.3 * exp(-0.15 * Double($0)) + 0.3 })
    let relu = LineSeries(name: "relu", values: (0..<15).map { 2.3 * exp(-0.5 * Double($0)) + 0.02 })

    @Test func twoPointChartExactly() {
        let chart = LineChart(series: [LineSeries(name: "a", xy: [(0, 0), (1, 1)])], width: 24, height: 4)
        let expected = [
            "1 ┤                ⣀⡠⠔⠒⠉",
            "  │          ⢀⣀⠤⠒⠊⠉     ",
            "  │     ⣀⡠⠤⠒⠉⠁          ",
            "0 ┤⣀⠤⠔⠊⠉                ",
            "  └┬───────────────────┬",
            "   0                   1",
            "   ── a                 ",
        ]
        #expect(chart.renderLines(.plain) == expected)
    }

    @Test func everyLineHasTheRequestedWidth() {
        for width in [20, 33, 60, 80, 131] {
            for style in [Style.plain, Style(colors: .palette256), Style(colors: .basic16)] {
                let chart = LineChart(series: [sigmoid, relu], title: "cost per epoch", xLabel: "epoch", width: width)
                let lines = chart.renderLines(style)
                #expect(lines.allSatisfy { $0.displayWidth == width }, "width \(width) \(style.colors)")
                // Title, 12 rows, axis, tick labels, x label, legend (which wraps when narrow).
                #expect(width < 40 ? lines.count >= 17 : lines.count == 17)
            }
        }
        let styled = LineChart(series: [sigmoid], height: 6).render(Style(colors: .palette256, width: 50))
        #expect(styled.containsANSI)
    }

    @Test func plainOutputHasNoEscapesAndMarksEachSeries() {
        let text = LineChart(series: [sigmoid, relu], title: "cost", xLabel: "epoch").render(.plain)
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("* sigmoid"))
        #expect(text.contains("+ relu"))
        let body = text.split(separator: "\n").dropFirst().prefix(12).joined()
        #expect(body.contains("*") && body.contains("+"))
    }

    @Test func twelveSeriesGetTwelveMarkers() {
        let series = (0..<12).map { i in LineSeries(name: "layer \(i + 1)", values: (0..<30).map { e in pow(10, -Double(i)) * (1 + Double(e % 3)) }) }
        let chart = LineChart.gradientHistory(layers: series.map { ($0.name, $0.points.map(\.y)) })
        for style in [Style.plain, Style(colors: .palette256), Style(colors: .basic16)] {
            let text = chart.render(style).strippingANSI()
            for i in 0..<12 { #expect(text.contains("\(SeriesPalette.marker(i)) layer \(i + 1)") || text.contains("━\(SeriesPalette.marker(i))━ layer \(i + 1)")) }
        }
        #expect(Set((0..<12).map { SeriesPalette.marker($0) }).count == 12)
        #expect(Set((0..<12).map { SeriesPalette.color($0) }).count == 12)
    }

    @Test func logScaleLabelsArePowersOfTen() {
        let chart = LineChart(series: [sigmoid, relu], yScale: .log, height: 16)
        let labels = chart.renderLines(.plain).prefix(16).compactMap { line -> Double? in
            let head = line.split(separator: "┤").first.map(String.init) ?? ""
            return line.contains("┤") ? Double(head.trimmingSpaces) : nil
        }
        #expect(labels.count >= 2)
        for v in labels { #expect(abs(log10(v) - log10(v).rounded()) < 1e-9, "\(v)") }
    }

    @Test func logScaleSkipsZerosAndNegatives() {
        let s = LineSeries(name: "cost", values: [1, 0, -2, 0.1, 0.01])
        let text = LineChart(series: [s], yScale: .log, width: 40, height: 8).render(.plain)
        #expect(text.contains("cost"))
        #expect(!text.contains("nothing to draw"))
        let nothing = LineChart(series: [LineSeries(name: "flat", values: [0, 0, -1])], yScale: .log, width: 50).render(.plain)
        #expect(nothing.contains("no positive values to draw on a log scale"))
        #expect(nothing.contains("flat (nothing to draw)"))
    }

    @Test func awkwardDataDoesNotCrash() {
        let cases: [[LineSeries]] = [
            [],
            [LineSeries(name: "empty", values: [])],
            [LineSeries(name: "one", values: [0.5])],
            [LineSeries(name: "flat", values: [3, 3, 3, 3])],
            [LineSeries(name: "zeros", values: [0, 0, 0])],
            [LineSeries(name: "nan", values: [.nan, 1, .infinity, 2, -.infinity, .nan])],
            [LineSeries(name: "allnan", values: [.nan, .nan])],
            [LineSeries(name: "huge", values: [1e300, -1e300, 1e-300])],
            [LineSeries(name: "short", values: [1, 2]), LineSeries(name: "long", values: (0..<500).map { sin(Double($0) / 20) })],
            [LineSeries(name: "xs", points: [ChartPoint(x: .nan, y: 1), ChartPoint(x: 5, y: 2), ChartPoint(x: 5, y: 3)])],
            [LineSeries(name: "", values: [1, 2, 3])],
        ]
        for series in cases {
            for scale in [ScaleKind.linear, .log] {
                for range in [nil, 0.0...1.0, 5.0...5.0] as [ClosedRange<Double>?] {
                    let chart = LineChart(series: series, title: "t", xLabel: "x", yScale: scale, yRange: range, width: 40, height: 5)
                    let lines = chart.renderLines(Style(colors: .palette256))
                    #expect(lines.allSatisfy { $0.displayWidth == 40 })
                }
            }
        }
        let empty = LineChart(series: [], width: 30, height: 4).render(.plain)
        #expect(empty.contains("no data"))
    }

    @Test func fixedRangeClipsInsteadOfStretching() {
        let acc = LineSeries(name: "accuracy", values: [0.5, 0.8, 0.9, 1.4])
        let lines = LineChart(series: [acc], yRange: 0...1, width: 40, height: 6).renderLines(.plain)
        #expect(lines[0].hasPrefix("1.0 ┤"))
        #expect(lines[5].hasPrefix("0.0 ┤"))
    }

    @Test func seriesOfDifferentLengthsShareTheXAxis() {
        let a = LineSeries(name: "a", values: [1, 2, 3])
        let b = LineSeries(name: "b", values: (0..<30).map(Double.init))
        let lines = LineChart(series: [a, b], width: 50, height: 6).renderLines(.plain)
        let tickRow = lines[7]
        #expect(tickRow.contains("30"))
    }

    @Test func colourAddsMarkersWhenALineWouldBeHidden() {
        let a = LineSeries(name: "train", values: [0.9, 0.95, 0.97, 0.98])
        let b = LineSeries(name: "validation", values: [0.9, 0.95, 0.97, 0.98])
        let style = Style(colors: .palette256, width: 60)
        let hidden = LineChart(series: [a, b], yRange: 0...1, height: 6).render(style).strippingANSI()
        #expect(hidden.contains("━*━ train") && hidden.contains("━+━ validation"))
        let apart = LineChart(series: [a, LineSeries(name: "low", values: [0.1, 0.2, 0.3, 0.4])], yRange: 0...1, height: 6).render(style).strippingANSI()
        #expect(apart.contains("━━━ train"))
    }
}
