// Bar charts (linear and log) and the per-layer small multiples.

import Foundation
import Testing
@testable import TermCharts
import LabKit

@Suite struct BarChartTests {
    @Test func smallBarChartExactly() {
        let chart = BarChart(bars: [Bar(label: "one", value: 1), Bar(label: "three", value: 3)], width: 24)
        #expect(chart.renderLines(.plain) == [
            "one   │█████ 1          ",
            "three │███████████████ 3",
        ])
    }

    @Test func eighthBlocks() {
        #expect(BarChart.blocks(eighths: 0) == "")
        #expect(BarChart.blocks(eighths: 1) == "▏")
        #expect(BarChart.blocks(eighths: 4) == "▌")
        #expect(BarChart.blocks(eighths: 13) == "█▋")
        #expect(BarChart.blocks(eighths: 16) == "██")
        #expect(BarChart.blocks(eighths: -3) == "")
    }

    @Test func subCellLengthsFollowTheValues() {
        // 20 columns leave 12 cells of bar: 0.55 of the largest is 52.8 -> 53 eighths, 6 full blocks and 5/8.
        let chart = BarChart(bars: [Bar(label: "a", value: 0.55), Bar(label: "b", value: 1)], valueFormat: .fixed(decimals: 2), width: 20)
        let lines = chart.renderLines(.plain)
        #expect(lines[0] == "a │██████▋ 0.55     ")
        #expect(lines[1] == "b │████████████ 1.00")
    }

    @Test func logScaleSpansDecadesWithScientificValues() {
        let grads = [1e-7, 3e-6, 2e-4, 1e-2]
        let chart = BarChart(bars: grads.enumerated().map { Bar(label: "layer \($0.offset + 1)", value: $0.element) },
                             title: "mean |gradient|", scale: .log, width: 60)
        let lines = chart.renderLines(.plain)
        #expect(lines.allSatisfy { $0.displayWidth == 60 })
        #expect(lines[1].contains("1.0e-7") && lines[4].contains("1.0e-2"))
        // Each bar longer than the one before, and the smallest still visible.
        let lengths = lines[1...4].map { line in line.filter { "█▏▎▍▌▋▊▉".contains($0) }.count }
        #expect(lengths[0] >= 1)
        #expect(lengths == lengths.sorted() && Set(lengths).count == 4)
        // The axis under the bars is labelled with powers of ten.
        let axisLabels = (lines.last ?? "").split(separator: " ").map(String.init)
        #expect(axisLabels == ["1e-7", "1e-6", "1e-5", "1e-4", "1e-3", "1e-2"])
    }

    @Test func gradientSizesIsALogChart() {
        let chart = BarChart.gradientSizes(layers: [("layer 1", 2e-7), ("layer 2", 5e-3)])
        #expect(chart.scale == .log)
        let text = chart.render(.plain)
        #expect(text.contains("2.0e-7") && text.contains("5.0e-3") && text.hasPrefix("mean |gradient| per layer"))
    }

    @Test func zerosNegativesAndNaNShowNumbersWithoutBars() {
        let chart = BarChart(bars: [Bar(label: "z", value: 0), Bar(label: "n", value: -1), Bar(label: "q", value: .nan), Bar(label: "p", value: 1e-3)],
                             scale: .log, width: 40)
        let lines = chart.renderLines(Style(colors: .palette256))
        #expect(lines.allSatisfy { $0.displayWidth == 40 })
        let plain = chart.renderLines(.plain)
        #expect(plain[0].hasPrefix("z │ 0.0e0"))
        #expect(plain[2].contains("nan"))
        #expect(BarChart(bars: []).render(.plain).contains("(no values)"))
        #expect(BarChart(bars: [Bar(label: "a", value: .infinity)], scale: .log).render(.plain).contains("inf"))
    }
}

@Suite struct SmallMultiplesTests {
    let layers = (1...12).map { l in
        LineSeries(name: "layer \(l)", values: (0..<20).map { e in pow(10, -9 + Double(l) * 0.6) * exp(-0.05 * Double(e)) })
    }

    @Test func onePanelPerSeriesAtTheWidth() {
        let chart = SmallMultiples(series: layers, title: "grads", xLabel: "epoch", width: 70)
        let lines = chart.renderLines(.plain)
        #expect(lines.allSatisfy { $0.displayWidth == 70 })
        #expect(lines.count == 2 + 12 * 2 + 3)   // title, scale note, panels, axis, ticks, caption
        for l in 1...12 { #expect(lines.contains { $0.hasPrefix("layer \(l) ") }) }
        #expect(lines[2].contains("→"))
        #expect(!lines.joined().contains("\u{1B}"))
    }

    @Test func sharedScaleStacksLayersByMagnitude() {
        let two = [layers[0], layers[11]]
        let lines = SmallMultiples(series: two, sharedScale: true, panelHeight: 4, width: 50).renderLines(.plain)
        #expect(lines[0].contains("every panel 1e-9"))
        // The small layer draws in its panel's lowest row, the large one in its top row.
        let small = lines[1...4].map(hasBraille)
        let large = lines[5...8].map(hasBraille)
        #expect(small.last == true && small.first == false)
        #expect(large.first == true && large.last == false)
    }

    @Test func emptyAndBrokenSeries() {
        let chart = SmallMultiples(series: [LineSeries(name: "none", values: []), LineSeries(name: "bad", values: [.nan, 0, -1])], width: 40)
        let lines = chart.renderLines(Style(colors: .basic16))
        #expect(lines.allSatisfy { $0.displayWidth == 40 })
        #expect(lines.joined().contains("no data"))
        #expect(SmallMultiples(series: [], width: 30).render(.plain).contains("(no series)"))
    }
}
