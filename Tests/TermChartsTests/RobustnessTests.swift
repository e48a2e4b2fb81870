// Random awkward inputs through every chart: NaN, infinities, huge and tiny values, negatives,
// empty series, odd widths. Nothing may crash, plain output never carries escapes, and charts that
// promise an exact width keep it.

import Foundation
import Testing
@testable import TermCharts
import LabKit

/// A small seeded generator so failures replay (SplitMix64).
struct TestRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func value() -> Double {
        switch int(0...9) {
        case 0: return .nan
        case 1: return [Double.infinity, -.infinity][int(0...1)]
        case 2: return [1e300, -1e300, 1e-300, Double.leastNonzeroMagnitude][int(0...3)]
        case 3: return 0
        case 4: return -Double(int(0...1000)) / 7
        default: return Double(next() % 1_000_000) / 1000
        }
    }
    mutating func values(_ n: ClosedRange<Int>) -> [Double] { (0..<int(n)).map { _ in value() } }
}

@Suite struct RobustnessTests {
    @Test func randomInputsNeverCrash() {
        var rng = TestRandom(state: 20_240_601)
        for round in 0..<150 {
            let width = rng.int(1...140)
            let plain = Style(colors: .none, width: width)
            let colour = Style(colors: round % 2 == 0 ? .palette256 : .basic16, width: width)
            let series = (0..<rng.int(0...13)).map { i in
                LineSeries(name: i % 5 == 0 ? "" : "s\(i) 한글", points: (0..<rng.int(0...40)).map { _ in ChartPoint(x: rng.value(), y: rng.value()) })
            }
            let scale: ScaleKind = round % 3 == 0 ? .log : .linear
            let range: ClosedRange<Double>? = round % 4 == 0 ? -1...1 : nil
            let chart = LineChart(series: series, title: "t", xLabel: "x", yScale: scale, yRange: range, height: rng.int(1...20))
            let expectedWidth = max(20, width)
            for style in [plain, colour] {
                #expect(chart.renderLines(style).allSatisfy { $0.displayWidth == expectedWidth }, "round \(round)")
            }
            #expect(!chart.render(plain).contains("\u{1B}"))
            _ = chart.svg(width: rng.int(0...900), height: rng.int(0...600))
            if round % 25 == 0 { _ = chart.png(width: rng.int(50...300), height: rng.int(50...200)) }

            let bars = BarChart(bars: rng.values(0...12).enumerated().map { Bar(label: "b\($0.offset)", value: $0.element) }, scale: scale)
            #expect(bars.renderLines(plain).allSatisfy { $0.displayWidth == expectedWidth })
            _ = bars.render(colour)
            let multiples = SmallMultiples(series: series, scale: scale, sharedScale: round % 2 == 0)
            #expect(multiples.renderLines(plain).allSatisfy { $0.displayWidth == expectedWidth })

            let side = rng.int(0...6)
            let image = GrayImage(width: side, height: rng.int(0...6), pixels: rng.values(0...40).map(Float.init))
            _ = image.render(colour)
            _ = ImageGallery(tiles: [ImageTile(image: image, caption: ["x"]), ImageTile(image: image)]).render(plain)

            let n = rng.int(0...4)
            let counts = (0..<n).map { _ in (0..<rng.int(0...5)).map { _ in rng.int(0...2000) } }
            #expect(!ConfusionMatrix(counts: counts).render(plain).contains("\u{1B}"))
            _ = ConfusionMatrix(counts: counts).render(colour)

            let cols = rng.int(0...30), rows = rng.int(0...10), classes = rng.int(1...4)
            let grid = ProbabilityGrid(columns: cols, rows: rows, classes: classes,
                                       probabilities: rng.values(0...(cols * rows * classes)).map(Float.init),
                                       xRange: -1...1, yRange: 0...0)
            let points = (0..<rng.int(0...10)).map { _ in LabeledPoint(x: rng.value(), y: rng.value(), label: rng.int(-1...5)) }
            _ = DecisionBoundary(grid: grid, points: points).render(colour)
            #expect(!DecisionBoundary(grid: grid, points: points).render(plain).contains("\u{1B}"))

            let progress = ProgressLine(epoch: rng.int(-1...20), epochs: rng.int(0...20), step: rng.int(-5...600), steps: rng.int(0...600),
                                        cost: rng.value(), samplesPerSecond: rng.value(), etaSeconds: rng.value())
            #expect(progress.render(width: width, style: colour).displayWidth <= max(1, width))

            let table = TextTable(columns: [TableColumn("a", highlight: .largest), TableColumn("b", highlight: .smallest)],
                                  rows: (0..<rng.int(0...5)).map { _ in rng.values(0...3).map { NumberFormat.compact($0) } })
            _ = table.render(colour)
            #expect(!table.render(plain).contains("\u{1B}"))
            for line in "가나 다라마 \(rng.value()) abc".wrapped(to: max(2, width / 4)) { #expect(line.displayWidth <= max(2, width / 4)) }
        }
    }
}
