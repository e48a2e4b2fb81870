// The confusion matrix and the decision-boundary grid.

import Foundation
import Testing
@testable import TermCharts
import LabKit

@Suite struct ConfusionMatrixTests {
    let small = ConfusionMatrix(counts: [[50, 2, 1], [3, 45, 5], [0, 4, 40]], labels: ["cat", "dog", "bird"])

    @Test func smallMatrixExactly() {
        let lines = small.renderLines(.plain).map { $0.trimmingTrailingSpaces }
        #expect(lines == [
            "confusion matrix  (rows: true class, columns: predicted)",
            "true \\ pred   cat  dog bird │ total  recall",
            "cat            50    2    1 │    53   94.3%",
            "dog             3   45    5 │    53   84.9%",
            "bird            0    4   40 │    44   90.9%",
            "────────────────────────────┼──────────────",
            "total          53   51   46 │   150",
            "precision     94%  88%  87% │",
            "accuracy 90.00% (135 of 150)",
            "most confused: 1 dog as 2 bird (5), 2 bird as 1 dog (4), 1 dog as 0 cat (3)",
        ])
        #expect(abs(small.accuracy - 0.9) < 1e-12)
    }

    @Test func longNamesMoveToRowHeadersAndAKeyWhenNarrow() {
        let names = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
        var truth: [Int] = [], predicted: [Int] = []
        for t in 0..<10 { for k in 0..<(900 + t * 11) { truth.append(t); predicted.append(k % 23 == 0 ? (t + 1) % 10 : t) } }
        let m = ConfusionMatrix(truth: truth, predicted: predicted, classes: 10, labels: names)
        let wide = m.renderLines(Style(colors: .none, width: 100))
        #expect(wide.contains { $0.hasPrefix("0 T-shirt/top") })
        let narrow = m.renderLines(Style(colors: .none, width: 60))
        #expect(narrow.contains { $0.hasPrefix("classes: 0 T-shirt/top") })
        // Every count is printed.
        let diagonal = (0..<10).map { m.count($0, $0) }
        for c in diagonal { #expect(wide.joined().contains(String(c))) }
    }

    @Test func colourSeparatesTheDiagonalFromMistakes() {
        let lines = small.renderLines(Style(colors: .palette256))
        let row = lines[2]   // cat: 50 (diagonal), 2, 1
        let codes = row.components(separatedBy: "\u{1B}[").dropFirst().map { $0.prefix { $0 != "m" } }
        let backgrounds = codes.compactMap { code -> String? in
            guard let r = code.range(of: "48;5;") else { return nil }
            return String(code[r.upperBound...])
        }
        #expect(backgrounds.count == 3)
        // The diagonal (green) differs from the mistakes (red; small shares may share a shade).
        #expect(backgrounds[0] != backgrounds[1] && backgrounds[0] != backgrounds[2])
        #expect(row.strippingANSI() == small.renderLines(.plain)[2])
        #expect(!small.render(.plain).contains("\u{1B}"))
    }

    @Test func emptyAndRaggedInputs() {
        #expect(ConfusionMatrix(counts: []).renderLines(.plain).last == "(no classes)")
        let ragged = ConfusionMatrix(counts: [[1], [0, 2, 3]])
        #expect(ragged.classes == 3)
        #expect(ragged.renderLines(Style(colors: .basic16)).count > 3)
        let zeros = ConfusionMatrix(counts: [[0, 0], [0, 0]])
        #expect(zeros.accuracy.isNaN)
        #expect(zeros.render(.plain).contains("accuracy -"))
    }
}

@Suite struct DecisionBoundaryTests {
    /// Two classes split by the line x = 0: class 1 on the right.
    func halves(columns: Int = 20, rows: Int = 6) -> ProbabilityGrid {
        ProbabilityGrid.sample(columns: columns, rows: rows, xRange: -1...1, yRange: -1...1) { x, _ in [1 / (1 + exp(-8 * x))] }
    }

    @Test func plainTexturesAndMarkersShowClassesAndPoints() {
        let points = [LabeledPoint(x: -0.95, y: 0.9, label: 0), LabeledPoint(x: 0.9, y: -0.9, label: 1), LabeledPoint(x: 0.5, y: 0, label: 0)]
        let lines = DecisionBoundary(grid: halves(), points: points, classNames: ["neg", "pos"]).renderLines(.plain)
        let rows = lines.prefix(6).map { String($0.split(separator: "│")[1]) }
        #expect(rows.allSatisfy { $0.count == 20 })
        #expect(rows[0].hasPrefix("o."))                 // a class-0 point on class-0 ground
        #expect(rows[5].hasSuffix("-x"))                 // a class-1 point on class-1 ground
        #expect(rows[3].contains("o") || rows[2].contains("o"))   // the misclassified point shows its own marker
        #expect(rows.allSatisfy { $0.hasPrefix("o") || $0.hasPrefix(".") })
        #expect(rows.allSatisfy { $0.contains(" ") })    // the boundary band is blank
        #expect(lines.joined().contains("o on ... neg") && lines.joined().contains("x on --- pos"))
        #expect(!lines.joined().contains("\u{1B}"))
    }

    @Test func colourShadesByConfidence() {
        let lines = DecisionBoundary(grid: halves()).renderLines(Style(colors: .palette256, width: 80))
        let row = lines[0]
        let backgrounds = Set(row.components(separatedBy: "48;5;").dropFirst().map { $0.prefix { $0.isNumber } })
        #expect(backgrounds.count >= 4)   // confident and unsure shades of two classes
        #expect(DecisionBoundary(grid: halves()).renderLines(Style(colors: .basic16)).joined().contains("\u{1B}[43m"))
    }

    @Test func threeClassesAndAwkwardInputs() {
        let grid = ProbabilityGrid.sample(columns: 30, rows: 10, xRange: 0...3, yRange: 0...1) { x, _ in
            let k = min(2, Int(x))
            return (0..<3).map { $0 == k ? 0.8 : 0.1 }
        }
        let lines = DecisionBoundary(grid: grid, points: [LabeledPoint(x: 2.5, y: 0.5, label: 2), LabeledPoint(x: .nan, y: 1, label: 0), LabeledPoint(x: 9, y: 9, label: 1)]).renderLines(.plain)
        #expect(lines[0].contains("'"))
        #expect(lines.joined().contains("+"))
        let wide = ProbabilityGrid.sample(columns: 300, rows: 100, xRange: -1...1, yRange: -1...1) { x, y in [x * y > 0 ? 0.9 : 0.1] }
        let fitted = DecisionBoundary(grid: wide).renderLines(Style(colors: .palette256, width: 80))
        #expect(fitted.allSatisfy { $0.displayWidth <= 80 })
        let empty = ProbabilityGrid(columns: 0, rows: 0, classes: 2, probabilities: [], xRange: 0...1, yRange: 0...1)
        #expect(DecisionBoundary(grid: empty).renderLines(.plain).last == "(empty grid)")
        let short = ProbabilityGrid(columns: 4, rows: 2, classes: 2, probabilities: [0.5, .nan], xRange: 0...1, yRange: 0...1)
        #expect(DecisionBoundary(grid: short).renderLines(.plain).count > 2)
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
