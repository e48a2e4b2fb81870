// Predictions: single test examples drawn with what the network made of them (`predict`,
// `show wrong`). Images are drawn with shade characters (in grey levels on a colour terminal);
// points and other rows show their numbers. Both read the lab's current network in inference
// mode (dropout off) and never touch the session's random stream: `predict` without a number
// draws from the system's generator, since which example is shown changes no figure.
//
// Not here: accuracy over a whole split (`eval`).

import LabCore
import LabKit
import LabText
import NNData
import NNEngine
import TermCharts

enum Predictions {
    /// `predict [N]`: a test example's number.
    static let index = TypedArgument<Int>.positional("index", 0...Int.max, required: false, default: "a random one",
                                                     "the test example's number (0-based)")
    /// `show wrong [N]`: how many mistakes to show.
    static let count = TypedArgument<Int>.positional("count", 1...200, required: false, default: "8", "how many to show")

    // MARK: - predict

    static func predict(_ lab: Lab, _ inv: Invocation) throws {
        let net = try lab.requireNetwork()
        let data = try lab.requireData()
        let test = data.test
        guard test.count > 0 else { throw ShellError(loc(.predictTestEmpty, data.info.name), hint: loc(.predictLoadWithTest)) }
        let index: Int
        if let n = inv[Predictions.index] {
            guard n < test.count else {
                throw ShellError(loc(.predictNoExample, n, test.count - 1), hint: loc(.predictPickBelow, NumberFormat.grouped(test.count)))
            }
            index = n
        } else {
            var system = SystemRandomNumberGenerator()
            index = Int.random(in: 0..<test.count, using: &system)
        }
        let p = Evaluator.predict(net, on: test, indices: [index])[0]
        let style = lab.console.style
        let names = data.info.classNames
        let verdict = p.isCorrect ? style.paint(loc(.predictRight), fg: .green) : style.paint(loc(.predictWrong), fg: .red)
        let header = loc(.predictHeader, index, className(p.label, names), className(p.predicted, names), verdict)
        if let image = image(of: data, split: test, index: index) {
            lab.console.write(image.render(style, maxWidth: min(style.width, 56)))
        } else {
            let x = Examples.features(test, [index]).row(0)
            let shown = x.prefix(12).map { NumberFormat.fourDecimals($0) }.joined(separator: " ") + (x.count > 12 ? loc(.predictMoreFeatures, x.count) : "")
            lab.console.write(loc(.predictFeatures, shown))
        }
        lab.console.write(header)
        lab.console.write(topProbabilities(p, names: names, style: style))
        if !lab.results.runs.contains(where: { $0.comparison == nil }) {
            lab.console.write(style.dim(loc(.predictUntrained)))
        }
    }

    /// The three most probable classes as "  7 seven  0.9812  ██████████".
    static func topProbabilities(_ p: Prediction, names: [String], style: Style) -> String {
        // A single sigmoid output holds P(class 1).
        let probabilities = p.probabilities.count == 1 ? [1 - p.probabilities[0], p.probabilities[0]] : p.probabilities
        let ranked = probabilities.indices.sorted { probabilities[$0] > probabilities[$1] || (probabilities[$0] == probabilities[$1] && $0 < $1) }
        let top = ranked.prefix(3)
        let labelWidth = top.map { className($0, names).displayWidth }.max() ?? 1
        return top.map { k in
            let q = probabilities[k]
            // Outputs of a linear or tanh layer are not probabilities: keep the bar within 0...30.
            let bar = String(repeating: "█", count: q.isFinite ? Int((Double(min(max(q, 0), 1)) * 30).rounded()) : 0)
            let label = className(k, names)
            let line = "  " + label + String(repeating: " ", count: max(0, labelWidth - label.displayWidth))
                + "  " + NumberFormat.fourDecimals(q) + "  " + bar
            return k == p.label ? style.paint(line, fg: .green) : line
        }.joined(separator: "\n")
    }

    // MARK: - show wrong

    static func showWrong(_ lab: Lab, _ inv: Invocation) throws {
        let net = try lab.requireNetwork()
        let data = try lab.requireData()
        let wanted = inv[Predictions.count] ?? 8
        let test = data.test
        let all = Evaluator.predict(net, on: test, indices: Array(0..<test.count))
        let wrong = all.filter { !$0.isCorrect }
        let style = lab.console.style
        guard !wrong.isEmpty else {
            lab.console.write(loc(.allRight, NumberFormat.grouped(test.count)))
            return
        }
        let shown = Array(wrong.prefix(wanted))
        let names = data.info.classNames
        lab.console.write(loc(.someWrong, NumberFormat.grouped(wrong.count), NumberFormat.grouped(test.count), shown.count))
        if image(of: data, split: test, index: shown[0].index) != nil {
            let tiles = shown.compactMap { p -> ImageTile? in
                guard let picture = image(of: data, split: test, index: p.index) else { return nil }
                return ImageTile(image: picture, caption: ["#\(p.index)", loc(.wrongTrue, className(p.label, names)),
                                                           loc(.wrongSaid, className(p.predicted, names), percent(confidence(p)))],
                                 captionColor: .red)
            }
            lab.console.write(ImageGallery(tiles: tiles).render(style))
        } else {
            let x = Examples.features(test, shown.map(\.index))
            let rows = shown.enumerated().map { r, p in
                let features = x.row(r)
                return ["#\(p.index)", features.prefix(6).map { NumberFormat.fourDecimals($0) }.joined(separator: " ") + (features.count > 6 ? " …" : ""),
                        className(p.label, names), className(p.predicted, names), percent(confidence(p))]
            }
            lab.console.write(TextTable(columns: [TableColumn(loc(.wrongColumnExample), alignment: .left), TableColumn(loc(.wrongColumnFeatures), alignment: .left),
                                                  TableColumn(loc(.wrongColumnTrue), alignment: .left), TableColumn(loc(.wrongColumnSaid), alignment: .left),
                                                  TableColumn(loc(.wrongColumnProbability))],
                                        rows: rows, border: .minimal).render(style))
        }
        if !lab.results.runs.contains(where: { $0.comparison == nil }) {
            lab.console.write(style.dim(loc(.wrongUntrained)))
        }
    }

    // MARK: - Helpers

    /// Example `index` of `split` as a picture, when the data set is made of images.
    static func image(of data: LoadedDataSet, split: LabeledData, index: Int) -> GrayImage? {
        let shape = data.info.featureShape
        guard shape.count == 2, data.info.name != "hihello" else { return nil }
        return GrayImage(width: shape[1], height: shape[0], pixels: Examples.features(split, [index]).row(0))
    }

    /// The probability the network gave its own answer.
    static func confidence(_ p: Prediction) -> Float {
        if p.probabilities.count == 1 { return p.predicted == 1 ? p.probabilities[0] : 1 - p.probabilities[0] }
        return p.probabilities.indices.contains(p.predicted) ? p.probabilities[p.predicted] : 0
    }

    /// "7", or the class's name when the data set names its classes ("Sneaker").
    static func className(_ k: Int, _ names: [String]) -> String {
        names.indices.contains(k) && names[k] != String(k) ? "\(k) \(names[k])" : String(k)
    }

    /// 0.8123 -> "81%"
    static func percent(_ x: Float) -> String { x.isFinite && abs(x) < 1e6 ? "\(Int((Double(x) * 100).rounded()))%" : "\(x)" }
}
