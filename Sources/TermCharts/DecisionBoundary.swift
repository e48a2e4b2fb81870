// The decision boundary of a classifier on 2-D data, like TensorFlow Playground's picture: every
// cell's background shows the predicted class, deeper where the model is confident and fading near
// the boundary, with the data points drawn on top as a marker per class. Without colour, each class
// fills its region with its own texture character (dense where confident, sparse where not, blank at
// the boundary), and points keep their markers, so the picture still reads in a pipe.
//
// Not here: evaluating the model. The caller samples probabilities on a grid (ProbabilityGrid.sample).

import Foundation
import LabKit

/// Class probabilities sampled on a regular grid over a rectangle of the plane.
public struct ProbabilityGrid: Sendable, Hashable {
    public let columns: Int
    public let rows: Int
    public let classes: Int
    /// Row-major cells, row 0 at the top (largest y); each cell holds `classes` probabilities.
    public var probabilities: [Float]
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>

    public init(columns: Int, rows: Int, classes: Int, probabilities: [Float],
                xRange: ClosedRange<Double>, yRange: ClosedRange<Double>) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        self.classes = max(1, classes)
        self.probabilities = probabilities
        self.xRange = xRange
        self.yRange = yRange
    }

    /// Samples `probabilities(x, y)` at each cell centre; a function returning one value is read as
    /// the probability of class 1 in a two-class problem.
    public static func sample(columns: Int, rows: Int, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                              _ probabilities: (Double, Double) -> [Double]) -> ProbabilityGrid {
        var cells: [[Double]] = []
        for r in 0..<max(0, rows) {
            let y = yRange.upperBound - (Double(r) + 0.5) / Double(rows) * (yRange.upperBound - yRange.lowerBound)
            for c in 0..<max(0, columns) {
                let x = xRange.lowerBound + (Double(c) + 0.5) / Double(columns) * (xRange.upperBound - xRange.lowerBound)
                let p = probabilities(x, y)
                cells.append(p.count == 1 ? [1 - p[0], p[0]] : p)
            }
        }
        let classes = max(1, cells.map(\.count).max() ?? 1)
        let flat = cells.flatMap { cell in (0..<classes).map { $0 < cell.count ? Float(cell[$0]) : 0 } }
        return ProbabilityGrid(columns: columns, rows: rows, classes: classes, probabilities: flat,
                               xRange: xRange, yRange: yRange)
    }

    /// The most probable class at a cell and how sure the model is, rescaled so 0 means "all classes
    /// equally likely" and 1 means "certain". NaN probabilities count as 0.
    public func prediction(column: Int, row: Int) -> (label: Int, confidence: Double) {
        let base = (row * columns + column) * classes
        guard base >= 0, base + classes <= probabilities.count else { return (0, 0) }
        var best = 0
        var bestP: Float = -1
        for k in 0..<classes {
            let p = probabilities[base + k]
            if !p.isNaN && p > bestP { best = k; bestP = p }
        }
        let chance = 1 / Double(classes)
        let confidence = classes > 1 ? (Double(max(0, bestP)) - chance) / (1 - chance) : 1
        return (best, min(1, max(0, confidence)))
    }
}

/// A labelled 2-D data point.
public struct LabeledPoint: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var label: Int
    public init(x: Double, y: Double, label: Int) {
        self.x = x
        self.y = y
        self.label = label
    }
}

/// The decision-boundary picture: the grid's predicted classes with the data on top.
public struct DecisionBoundary: Sendable, Hashable {
    public var grid: ProbabilityGrid
    public var points: [LabeledPoint]
    public var classNames: [String]
    public var title: String?
    /// The legend's words, English unless the caller gives them in the learner's language.
    public var legendWords = LegendWords()

    /// The words of the legend under the picture.
    public struct LegendWords: Sendable, Hashable {
        /// A class without colour: {1} its marker, {2} its texture, {3} its name ("o on ... inner").
        public var classOnTexture = "{1} on {2} {3}"
        /// How shading reads in colour.
        public var colorNote = "paler = less sure"
        /// How shading reads without colour.
        public var textureNote = "sparse = less sure, blank = boundary"

        public init() {}

        public init(classOnTexture: String, colorNote: String, textureNote: String) {
            self.classOnTexture = classOnTexture
            self.colorNote = colorNote
            self.textureNote = textureNote
        }
    }

    public init(grid: ProbabilityGrid, points: [LabeledPoint] = [], classNames: [String] = [], title: String? = nil) {
        self.grid = grid
        self.points = points
        self.classNames = classNames
        self.title = title
    }

    /// Class colours: Playground's orange and blue first, then the series palette.
    public static func classColor(_ k: Int) -> Color {
        switch k {
        case 0: return Color(245, 147, 34, basic16: 3)
        case 1: return Color(8, 119, 189, basic16: 4)
        case 2: return Color(60, 170, 80, basic16: 2)
        case 3: return Color(200, 60, 70, basic16: 1)
        case 4: return Color(150, 90, 200, basic16: 5)
        case 5: return Color(20, 170, 170, basic16: 6)
        default: return SeriesPalette.color(k)
        }
    }

    static let pointMarkers: [Character] = ["o", "x", "+", "*", "#", "@", "%", "&"]
    static let textures: [Character] = [".", "-", "'", ":", "~", "=", "^", ";"]

    static func marker(_ k: Int) -> Character { pointMarkers[((k % 8) + 8) % 8] }
    static func texture(_ k: Int) -> Character { textures[((k % 8) + 8) % 8] }

    /// The picture as lines joined by "\n".
    public func render(_ style: Style) -> String { renderLines(style).joined(separator: "\n") }

    /// The picture as lines of equal display width (at most the style's width).
    public func renderLines(_ style: Style) -> [String] {
        guard grid.columns > 0, grid.rows > 0 else { return [title ?? "decision boundary", "(empty grid)"] }
        let yLabels = [NumberFormat.short(grid.yRange.upperBound),
                       NumberFormat.short(grid.yRange.lowerBound)]
        let labelWidth = yLabels.map(\.displayWidth).max() ?? 1
        // One cell per grid cell; a grid wider than the space is sampled down, keeping its shape.
        let cols = max(1, min(grid.columns, style.width - labelWidth - 3))
        let rows = max(1, grid.rows * cols / grid.columns)

        // Points by cell (the last point in a cell wins).
        var pointAt: [Int: Int] = [:]
        let xSpan = grid.xRange.upperBound - grid.xRange.lowerBound
        let ySpan = grid.yRange.upperBound - grid.yRange.lowerBound
        for p in points where p.x.isFinite && p.y.isFinite && xSpan > 0 && ySpan > 0 {
            let fx = (p.x - grid.xRange.lowerBound) / xSpan
            let fy = (grid.yRange.upperBound - p.y) / ySpan
            guard (0...1).contains(fx), (0...1).contains(fy) else { continue }
            let c = min(cols - 1, Int(fx * Double(cols))), r = min(rows - 1, Int(fy * Double(rows)))
            pointAt[r * cols + c] = p.label
        }

        var out: [String] = []
        if let title, !title.isEmpty { out.append(style.bold(title.truncated(to: style.width))) }
        for r in 0..<rows {
            var line = ColoredLine(style: style)
            for c in 0..<cols {
                let (label, confidence) = grid.prediction(column: c * grid.columns / cols, row: r * grid.rows / rows)
                let background = cellBackground(label, confidence, style: style)
                if let point = pointAt[r * cols + c] {
                    line.append(String(DecisionBoundary.marker(point)), fg: pointColor(point, on: background, style: style),
                                bg: background, bold: true)
                } else if style.usesColor {
                    line.append(" ", bg: background)
                } else {
                    line.append(String(plainTexture(label, confidence, column: c, row: r)))
                }
            }
            let label = r == 0 ? yLabels[0] : (r == rows - 1 ? yLabels[1] : "")
            out.append(style.dim(label.padded(to: labelWidth, align: .right) + " │") + line.finish() + style.dim("│"))
        }
        let pad = String(repeating: " ", count: labelWidth + 1)
        out.append(style.dim(pad + "└" + String(repeating: "─", count: cols) + "┘"))
        let xLo = NumberFormat.short(grid.xRange.lowerBound)
        let xHi = NumberFormat.short(grid.xRange.upperBound)
        out.append(style.dim(pad + " " + xLo + String(repeating: " ", count: max(1, cols - xLo.count - xHi.count)) + xHi))
        out += legend(style: style)
        let width = out.map(\.displayWidth).max() ?? 0
        return out.map { $0.padded(to: width) }
    }

    // MARK: - Pieces

    /// Background colour: the class colour over a light neutral, stronger with confidence.
    private func cellBackground(_ label: Int, _ confidence: Double, style: Style) -> Color? {
        guard style.usesColor else { return nil }
        let base = DecisionBoundary.classColor(label)
        if style.colors == .basic16 { return confidence >= 0.35 ? base : nil }
        // Four bands rather than a continuous blend: the 256-colour cube turns continuous pastel
        // blends into stray hues, while a few fixed mixes land on clean neighbours and read as contours.
        let strength: Double
        switch confidence {
        case ..<0.2: strength = 0.1
        case ..<0.5: strength = 0.35
        case ..<0.8: strength = 0.6
        default: strength = 0.85
        }
        return Color(232, 234, 235).mixed(with: base, strength)
    }

    /// A point's colour: its class colour, darkened on light cells and lightened on dark ones so it
    /// stands out from its own region too.
    private func pointColor(_ label: Int, on background: Color?, style: Style) -> Color {
        if style.colors == .basic16 { return .white }
        let base = DecisionBoundary.classColor(label)
        let dark = (background?.luminance ?? 0) < 0.45
        return dark ? base.mixed(with: .white, 0.6) : base.mixed(with: .black, 0.45)
    }

    /// Plain texture: the class character everywhere when confident, on every other cell when
    /// unsure, and nothing in the band where the classes are close (the boundary itself).
    private func plainTexture(_ label: Int, _ confidence: Double, column: Int, row: Int) -> Character {
        if confidence < 0.2 { return " " }
        if confidence < 0.6 && (column + row) % 2 == 1 { return " " }
        return DecisionBoundary.texture(label)
    }

    private func legend(style: Style) -> [String] {
        let classes = max(grid.classes, (points.map(\.label).max() ?? -1) + 1)
        var entries: [String] = []
        for k in 0..<classes {
            let name = k < classNames.count ? classNames[k] : "class \(k)"
            let marker = String(DecisionBoundary.marker(k))
            if style.usesColor {
                let bg = cellBackground(k, 1, style: style)
                let swatch = style.paint(" " + marker + " ", fg: pointColor(k, on: bg, style: style), bg: bg)
                entries.append(swatch + " " + name)
            } else {
                let t = String(DecisionBoundary.texture(k))
                entries.append(legendWords.classOnTexture.replacingOccurrences(of: "{1}", with: marker)
                    .replacingOccurrences(of: "{2}", with: t + t + t).replacingOccurrences(of: "{3}", with: name))
            }
        }
        let note = style.usesColor ? legendWords.colorNote : legendWords.textureNote
        return Flow.lines(entries + [style.dim("(" + note + ")")], width: style.width)
    }
}
