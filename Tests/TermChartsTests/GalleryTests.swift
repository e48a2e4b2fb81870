// One of each picture, in plain text, 16 and 256 colours: checked for the invariants every chart
// keeps (no escapes in plain text, plain text equal to the coloured text without its escapes where
// the characters do not depend on colour) and written to $TERMCHARTS_PREVIEW_DIR when that is set,
// so a person can look at them (`TERMCHARTS_PREVIEW_DIR=/tmp/charts swift test --filter Gallery`).

import Foundation
import Testing
@testable import TermCharts
import LabKit

@Suite struct GalleryTests {
    static let styles: [(String, Style)] = [
        ("plain", Style(colors: .none, width: 80)),
        ("16", Style(colors: .basic16, width: 80)),
        ("256", Style(colors: .palette256, width: 80)),
    ]

    func check(_ name: String, _ render: (Style) -> String) {
        for (suffix, style) in GalleryTests.styles {
            let text = render(style)
            if !style.usesColor { #expect(!text.contains("\u{1B}"), "\(name) plain has escapes") }
            #expect(!text.isEmpty)
            for line in text.split(separator: "\n") { #expect(String(line).displayWidth <= 80, "\(name)-\(suffix): \(line)") }
            preview("\(name)-\(suffix).txt", text)
        }
    }

    @Test func lineCharts() {
        let sigmoid = LineSeries(name: "sigmoid", values: (0..<15).map { 2.3 * exp(-0.12 * Double($0)) + 0.3 })
        let relu = LineSeries(name: "relu", values: (0..<15).map { 2.3 * exp(-0.5 * Double($0)) + 0.02 })
        let tanh = LineSeries(name: "tanh", values: (0..<15).map { 2.3 * exp(-0.3 * Double($0)) + 0.06 })
        check("line") { LineChart(series: [sigmoid, relu, tanh], title: "cost per epoch", xLabel: "epoch").render($0) }
        check("line-log") { LineChart(series: [sigmoid, relu, tanh], title: "cost per epoch (log scale)", xLabel: "epoch", yScale: .log).render($0) }
        let acc = LineSeries(name: "train", values: [0.82, 0.9, 0.93, 0.95, 0.96, 0.97, 0.975, 0.98])
        let val = LineSeries(name: "validation", values: [0.84, 0.9, 0.92, 0.93, 0.935, 0.94, 0.94, 0.939])
        check("accuracy") { LineChart(series: [acc, val], title: "accuracy", xLabel: "epoch", yRange: 0...1, height: 10).render($0) }
        func batchCost(_ i: Int) -> Double {
            let t = Double(i)
            let trend: Double = 2 * exp(-t / 80)
            return 0.3 + trend + 0.08 * sin(t / 3)
        }
        let steps = LineSeries(name: "cost", values: (0..<550).map(batchCost), firstX: 0)
        check("steps") { LineChart(series: [steps], title: "cost per batch", xLabel: "step", height: 8).render($0) }
    }

    @Test func gradients() {
        let sizes = [3e-8, 1.2e-7, 9e-7, 4e-6, 2.2e-5, 1.5e-4, 8e-4, 3e-3, 1e-2, 2.5e-2]
        check("grads") {
            BarChart(bars: sizes.enumerated().map { Bar(label: "layer \($0.offset + 1)", value: $0.element) },
                     title: "mean |gradient| per layer (sigmoid, 10 layers)", scale: .log).render($0)
        }
        func size(_ l: Int, _ e: Int) -> Double {
            let wobble: Double = 1 + 0.4 * sin(Double(e + l) / 2)
            return sizes[l - 1] * wobble * exp(-0.08 * Double(e))
        }
        let layers = (1...10).map { l in (name: "layer \(l)", values: (0..<15).map { size(l, $0) }) }
        check("grads-plot") { SmallMultiples(series: layers.map { LineSeries(name: $0.name, values: $0.values) }, title: "mean |gradient| per layer", xLabel: "epoch").render($0) }
        check("grads-overlay") { LineChart.gradientHistory(layers: layers).render($0) }
    }

    @Test func pictures() {
        check("digit") { fakeDigit(0).render($0) }
        let tiles = [(0, "6", "71%"), (7, "1", "55%"), (7, "9", "48%")].map { digit, pred, p in
            ImageTile(image: fakeDigit(digit), caption: ["true \(digit)", "pred \(pred)  \(p)"], captionColor: .red)
        }
        check("wrong") { ImageGallery(tiles: tiles).render($0) }
        let names = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
        var counts = Array(repeating: Array(repeating: 0, count: 10), count: 10)
        for t in 0..<10 { for p in 0..<10 { counts[t][p] = t == p ? 850 + t * 12 : (t * 7 + p * 3) % 5 } }
        counts[6][0] = 120; counts[4][6] = 95; counts[2][4] = 61
        check("confusion") { ConfusionMatrix(counts: counts, labels: names).render($0) }
        let grid = ProbabilityGrid.sample(columns: 60, rows: 24, xRange: -6...6, yRange: -6...6) { x, y in
            [1 / (1 + exp(-((x * x + y * y).squareRoot() - 3.5) * 2))]
        }
        var points: [LabeledPoint] = []
        for i in 0..<60 {
            let angle = Double(i) * 2.4, radius = i % 2 == 0 ? 0.3 + Double(i % 7) * 0.3 : 4.2 + Double(i % 5) * 0.3
            points.append(LabeledPoint(x: radius * cos(angle), y: radius * sin(angle), label: i % 2))
        }
        check("boundary") { DecisionBoundary(grid: grid, points: points, classNames: ["inside", "outside"], title: "decision boundary").render($0) }
    }

    @Test func textPieces() {
        check("progress") { style in
            [80, 60, 40].map { ProgressLine(epoch: 3, epochs: 15, step: 312, steps: 550, cost: 0.2113, samplesPerSecond: 1234, etaSeconds: 7).render(width: $0, style: style) }.joined(separator: "\n")
        }
        check("runs") {
            TextTable(columns: [TableColumn("run"), TableColumn("activation"), TableColumn("init"), TableColumn("cost", highlight: .smallest),
                                TableColumn("accuracy", highlight: .largest), TableColumn("time")],
                      rows: [["1", "sigmoid", "normal", "0.4312", "88.12%", "0:41"], ["2", "relu", "xavier", "0.0712", "97.90%", "0:39"],
                             ["3", "tanh", "xavier", "0.1101", "96.45%", "0:40"]], title: "runs").render($0)
        }
        check("summary") {
            TextTable(columns: [TableColumn("Layer (type)"), TableColumn("Output Shape"), TableColumn("Activation"), TableColumn("Init"), TableColumn("Param #")],
                      rows: [["dense_1 (Dense)", "(None, 512)", "relu", "xavier", "401,920"], ["dropout_1 (Dropout)", "(None, 512)", "-", "-", "0"],
                             ["dense_2 (Dense)", "(None, 10)", "softmax", "xavier", "5,130"]],
                      footer: [["Total params", "", "", "", "407,050"]], title: "model", border: .minimal).render($0)
        }
    }

    @Test func files() throws {
        let chart = LineChart(series: [
            LineSeries(name: "sigmoid", values: (0..<15).map { 2.3 * exp(-0.12 * Double($0)) + 0.3 }),
            LineSeries(name: "relu", values: (0..<15).map { 2.3 * exp(-0.5 * Double($0)) + 0.02 }),
            LineSeries(name: "tanh", values: (0..<15).map { 2.3 * exp(-0.3 * Double($0)) + 0.06 }),
        ], title: "cost per epoch (log scale)", xLabel: "epoch", yScale: .log)
        let svg = chart.svg(), png = chart.png()
        #expect(svg.hasPrefix("<svg") || svg.hasPrefix("<?xml"))
        for name in ["sigmoid", "relu", "tanh"] { #expect(svg.contains(name)) }
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        guard let dir = ProcessInfo.processInfo.environment["TERMCHARTS_PREVIEW_DIR"] else { return }
        try svg.write(toFile: dir + "/chart.svg", atomically: true, encoding: .utf8)
        try Data(png).write(to: URL(fileURLWithPath: dir + "/chart.png"))
    }
}

/// A 28x28 "digit": a ring (a zero) or a bar with a slanted stroke (a seven), with soft edges.
func fakeDigit(_ kind: Int) -> GrayImage {
    var px = [Float](repeating: 0, count: 28 * 28)
    for y in 0..<28 {
        for x in 0..<28 {
            let dx = Double(x) - 13.5, dy = Double(y) - 13.5
            var v = 0.0
            if kind == 0 {
                let r = (dx * dx / 64 + dy * dy / 110).squareRoot()
                v = max(0, 1 - abs(r - 1) * 5)
            } else {
                if y >= 5 && y <= 7 && x >= 7 && x <= 21 { v = 1 }
                let strokeX = 21 - Double(y - 7) * 0.45
                if y > 7 && y < 24 { v = max(v, max(0, 1 - abs(Double(x) - strokeX) / 1.6)) }
            }
            px[y * 28 + x] = Float(v)
        }
    }
    return GrayImage(width: 28, height: 28, pixels: px)
}
