// FigureComparison: recorded figure lines against replayed ones, number by number.
//
// A figure line is what `train` and `eval` record: "epoch 3  cost 0.2113  train 0.9412  validation
// 0.9501", "eval test  accuracy 0.9804  cost 0.0700". Two lines are comparable when their words
// agree (numbers aside); their numbers are then compared one by one. On the same build and machine
// a replay repeats every draw and every sum in the same order, so the lines are identical. On
// another machine BLAS may add in another order (other kernels, other thread splits); float32
// rounding then moves the last digits, and figures printed with four decimals can differ by a unit
// or so in the last place. `tolerance` (0.0005 by default: five units in the fourth decimal) absorbs
// that without hiding a real change, which moves accuracy and cost by far more.

import Foundation
import LabKit

/// A figure line split into its words, with the numbers picked out.
package struct FigureLine: Equatable {
    /// The line as recorded.
    package let text: String
    /// The words with every number replaced by "#": lines compare only when these agree.
    let skeleton: [String]
    /// The numbers, each with the word before it ("cost", "validation") as its label.
    let numbers: [(label: String, value: Double)]

    package init(_ text: String) {
        self.text = text
        var skeleton: [String] = [], numbers: [(String, Double)] = []
        var previous = ""
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init) {
            let bare = word.hasSuffix(",") || word.hasSuffix(":") || word.hasSuffix(")") ? String(word.dropLast()) : word
            if let value = FigureLine.number(bare) {
                numbers.append((previous, value))
                skeleton.append("#")
            } else {
                skeleton.append(word)
                previous = word
            }
        }
        self.skeleton = skeleton
        self.numbers = numbers
    }

    package static func == (a: FigureLine, b: FigureLine) -> Bool { a.text == b.text }

    /// "0.9412", "-1e-3", "nan", "inf": the number, else nil.
    static func number(_ word: String) -> Double? {
        switch word {
        case "nan": return .nan
        case "inf": return .infinity
        case "-inf": return -.infinity
        default:
            guard let first = word.first, first.isNumber || first == "-" || first == "." else { return nil }
            return Double(word)
        }
    }

    /// The value after `label` ("accuracy" in "eval test  accuracy 0.9804  cost 0.0700").
    package func value(after label: String) -> Double? {
        numbers.first { $0.label == label }?.value
    }

    /// "epoch 3" or "eval test": the words that say which figure this is.
    var subject: String {
        let words = text.split(separator: " ").map(String.init)
        return words.prefix(2).joined(separator: " ")
    }
}

/// How one command's replayed figures compare with the recorded ones.
public enum FigureVerdict: Equatable, Sendable {
    /// Every line identical.
    case matches(count: Int)
    /// Numbers differ, all within the tolerance; the largest difference.
    case withinTolerance(count: Int, largest: FigureDifference)
    /// Some number differs by more than the tolerance (the largest difference), or the words differ.
    case differs(FigureDifference)
    /// A different number of figure lines.
    case countDiffers(recorded: Int, replayed: Int)
    /// Nothing was recorded for this command (nothing to compare).
    case notRecorded(replayed: Int)

    /// Whether the replay agrees with the record (exactly or within the tolerance).
    public var agrees: Bool {
        switch self {
        case .matches, .withinTolerance, .notRecorded: true
        case .differs, .countDiffers: false
        }
    }
}

/// The largest difference found: where, and the two lines.
public struct FigureDifference: Equatable, Sendable {
    /// Where two figure lines differ most.
    public enum Place: Equatable, Sendable {
        /// The number called `label` in the line about `subject` ("validation" of "epoch 3").
        case number(label: String, subject: String)
        /// The lines do not have the same words (the line about `subject`).
        case words(subject: String)
    }

    /// Where, for the replay to say in the learner's language.
    public let at: Place
    /// "validation at epoch 3", or "the words of ..." when the lines do not have the same shape.
    public var place: String {
        switch at {
        case .number(let label, let subject): "\(label) at \(subject)"
        case .words(let subject): "the words of \"\(subject)\""
        }
    }
    /// |recorded - replayed| (infinity when a number is missing or not finite on one side only).
    public let amount: Double
    public let recorded: String
    public let replayed: String
}

/// Compares figure lines.
public enum FigureComparison {
    /// The tolerance `replay` uses unless told otherwise, for figures printed with four decimals.
    public static let defaultTolerance = 0.0005

    /// Compares `replayed` with `recorded`, line by line.
    public static func compare(recorded: [String], replayed: [String], tolerance: Double = defaultTolerance) -> FigureVerdict {
        if recorded.isEmpty { return .notRecorded(replayed: replayed.count) }
        guard recorded.count == replayed.count else { return .countDiffers(recorded: recorded.count, replayed: replayed.count) }
        if recorded == replayed { return .matches(count: recorded.count) }
        var largest: FigureDifference?
        for (a, b) in zip(recorded, replayed) where a != b {
            let r = FigureLine(a), p = FigureLine(b)
            guard r.skeleton == p.skeleton else {
                return .differs(FigureDifference(at: .words(subject: r.subject), amount: .infinity, recorded: a, replayed: b))
            }
            for (x, y) in zip(r.numbers, p.numbers) {
                let amount = difference(x.value, y.value)
                guard amount > (largest?.amount ?? 0) else { continue }
                largest = FigureDifference(at: .number(label: x.label, subject: r.subject), amount: amount, recorded: a, replayed: b)
            }
        }
        // Lines that differ only in how a number is written ("0.5" vs "0.50") count as equal.
        guard let largest else { return .matches(count: recorded.count) }
        return within(largest.amount, tolerance) ? .withinTolerance(count: recorded.count, largest: largest) : .differs(largest)
    }

    /// Whether a difference is within the tolerance, counted in whole ten-thousandths (the figures'
    /// last place): 0.9812 - 0.9807 is 0.000499999... or 0.000500000...1 in binary, and both are 5
    /// units, so a difference of exactly the tolerance always agrees. Tolerance 0 means the same text.
    static func within(_ amount: Double, _ tolerance: Double) -> Bool {
        guard amount.isFinite else { return false }
        if tolerance <= 0 { return amount == 0 }
        return (amount * 10_000).rounded() <= tolerance * 10_000 + 1e-9
    }

    /// |a - b|, with nan equal to nan and infinities equal to themselves.
    static func difference(_ a: Double, _ b: Double) -> Double {
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN ? 0 : .infinity }
        if a.isInfinite || b.isInfinite { return a == b ? 0 : .infinity }
        return abs(a - b)
    }

    /// The best accuracy among figure lines: the highest test evaluation, else the highest
    /// validation accuracy of an epoch, else the highest training accuracy. ("test 0.9804")
    package static func bestAccuracy(in figures: [String]) -> String? {
        let lines = figures.map(FigureLine.init)
        let tests = lines.filter { $0.text.hasPrefix("eval test") }.compactMap { $0.value(after: "accuracy") }
        if let best = tests.max() { return "test " + NumberFormat.fourDecimals(Float(best)) }
        let validations = lines.filter { $0.text.hasPrefix("eval validation") }.compactMap { $0.value(after: "accuracy") }
            + lines.filter { $0.text.hasPrefix("epoch ") }.compactMap { $0.value(after: "validation") }
        if let best = validations.max() { return "validation " + NumberFormat.fourDecimals(Float(best)) }
        let trains = lines.filter { $0.text.hasPrefix("epoch ") }.compactMap { $0.value(after: "train") }
            + lines.filter { $0.text.hasPrefix("eval train") }.compactMap { $0.value(after: "accuracy") }
        return trains.max().map { "train " + NumberFormat.fourDecimals(Float($0)) }
    }
}
