// Expectation: a lesson's claim about the learner's run, `expect METRIC OP VALUE`, parsed,
// checked, and said plainly with both numbers.
//
//   expect train_accuracy >= 1
//   expect grad(1) < grad(-1) / 100
//   expect run(relu).cost < run(sigmoid).cost
//   expect first_cost > run(lab10_3).first_cost * 2
//
// METRIC is a metric name (see `knownMetrics`), optionally of a named run: `run(NAME).METRIC`.
// VALUE is a number, or a metric optionally times (`* k`) or divided by (`/ k`) a number.
// The figures themselves come from outside (a closure over the lab's RunMetrics), so checking
// an expectation never trains, evaluates or changes anything.

import Foundation
import LabCore
import LabKit
import LabText

/// A metric, of the session's latest run or of a named one.
public struct MetricReference: Sendable, Equatable, CustomStringConvertible {
    /// The run's name for `run(NAME).metric`; nil for the latest.
    public var run: String?
    /// "cost", "grad(1)", ...
    public var name: String

    public init(_ name: String, run: String? = nil) {
        self.name = name
        self.run = run
    }

    public var description: String { run.map { "run(\($0)).\(name)" } ?? name }
}

/// `<`, `<=`, `>`, `>=`.
public enum ComparisonOperator: String, Sendable, Equatable, CaseIterable {
    case below = "<", atMost = "<=", above = ">", atLeast = ">="

    func holds(_ a: Float, _ b: Float) -> Bool {
        switch self {
        case .below: a < b
        case .atMost: a <= b
        case .above: a > b
        case .atLeast: a >= b
        }
    }
}

/// The right-hand side of an expectation.
public enum ExpectedValue: Sendable, Equatable {
    case number(Double)
    /// A metric times `factor` (`/ 100` is stored as a factor of 0.01 but shown as typed).
    case metric(MetricReference, factor: Double, shownAs: String)
}

/// One parsed expectation.
public struct Expectation: Sendable, Equatable, CustomStringConvertible {
    public var metric: MetricReference
    public var op: ComparisonOperator
    public var value: ExpectedValue

    /// The metric names a lesson may use (RunMetrics' list); `grad(N)` stands for any non-zero N.
    public static var knownMetrics: [String] { metricNames }

    public var description: String { "\(metric) \(op.rawValue) \(valueText)" }

    /// "0.5", "grad(-1) / 100", "run(sigmoid).cost".
    public var valueText: String {
        switch value {
        case .number(let x): NumberFormat.typed(x)
        case .metric(let m, _, let shown): shown.isEmpty ? m.description : "\(m) \(shown)"
        }
    }

    // MARK: - Parsing

    /// Parses the text after `expect` (or `expect(full)`). Throws a message naming what is wrong.
    public static func parse(_ text: String) throws(ShellError) -> Expectation {
        let tokens = tokenize(text)
        guard tokens.count >= 3 else {
            throw ShellError(loc(.expectNotExpectation, text), hint: loc(.expectNotExpectationHint))
        }
        let metric = try reference(tokens[0])
        guard let op = ComparisonOperator(rawValue: tokens[1]) else {
            throw ShellError(loc(.expectNotComparison, tokens[1]), hint: loc(.expectComparisonHint))
        }
        let rest = Array(tokens[2...])
        if rest.count == 1, let x = parseNumber(rest[0]) {
            return Expectation(metric: metric, op: op, value: .number(x))
        }
        let other = try reference(rest[0])
        switch rest.count {
        case 1:
            return Expectation(metric: metric, op: op, value: .metric(other, factor: 1, shownAs: ""))
        case 3 where rest[1] == "*" || rest[1] == "/":
            guard let k = parseNumber(rest[2]), k != 0 else {
                throw ShellError(loc(.expectNonZero, rest[2]), hint: loc(.expectNonZeroHint, rest[0], rest[1]))
            }
            return Expectation(metric: metric, op: op,
                               value: .metric(other, factor: rest[1] == "*" ? k : 1 / k, shownAs: "\(rest[1]) \(rest[2])"))
        default:
            throw ShellError(loc(.expectCannotRead, rest.joined(separator: " ")), hint: loc(.expectCannotReadHint))
        }
    }

    /// Words and operators: "grad(1)<grad(-1)/100" and "grad(1) < grad(-1) / 100" read the same.
    private static func tokenize(_ text: String) -> [String] {
        var tokens: [String] = [], word = ""
        var chars = Array(text)[...]
        func flush() { if !word.isEmpty { tokens.append(word); word = "" } }
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == " " || c == "\t" { flush(); continue }
            if c == "<" || c == ">" {
                flush()
                if chars.first == "=" { chars = chars.dropFirst(); tokens.append("\(c)=") } else { tokens.append(String(c)) }
                continue
            }
            if (c == "*" || c == "/") { flush(); tokens.append(String(c)); continue }
            word.append(c)
        }
        flush()
        return tokens
    }

    /// `cost`, `grad(-1)`, `run(relu).train_accuracy`.
    static func reference(_ word: String) throws(ShellError) -> MetricReference {
        var run: String?, name = word
        if word.hasPrefix("run(") {
            guard let close = word.firstIndex(of: ")"), word[word.index(after: close)...].hasPrefix(".") else {
                throw ShellError(loc(.expectNotRunMetric, word), hint: loc(.expectRunMetricHint))
            }
            let inner = String(word[word.index(word.startIndex, offsetBy: 4)..<close])
            guard isValidName(inner) else { throw ShellError(loc(.expectNotRunName, inner), hint: loc(.expectRunNameHint)) }
            run = inner
            name = String(word[word.index(close, offsetBy: 2)...])
        }
        guard isKnownMetric(name) else {
            throw ShellError(loc(.expectUnknownMetric, name, didYouMean(name, knownMetrics)),
                             hint: loc(.expectMetricsHint, knownMetrics.joined(separator: ", ")))
        }
        return MetricReference(name, run: run)
    }

    static func isKnownMetric(_ name: String) -> Bool {
        (knownMetrics.contains(name) && name != "grad(N)") || gradientLayerNumber(name) != nil
    }

    // MARK: - Checking

    /// Checks the expectation against figures read through `figure` (nil: not measured).
    public func check(_ figure: (MetricReference) -> Float?) -> ExpectationCheck {
        guard let actual = figure(metric) else { return ExpectationCheck(expectation: self, outcome: .notMeasured(metric)) }
        let expected: Float
        switch value {
        case .number(let x):
            expected = Float(x)
        case .metric(let m, let factor, _):
            guard let v = figure(m) else { return ExpectationCheck(expectation: self, outcome: .notMeasured(m)) }
            expected = v * Float(factor)
        }
        let holds = actual.isFinite && expected.isFinite && op.holds(actual, expected)
        return ExpectationCheck(expectation: self, outcome: holds ? .agrees(actual, expected) : .differs(actual, expected))
    }
}

/// The outcome of checking one expectation, and how to say it.
public struct ExpectationCheck: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// The run agrees with the lesson: (the metric, the value it was compared with).
        case agrees(Float, Float)
        case differs(Float, Float)
        /// The figure does not exist (no such run, no `eval` yet, no layer N).
        case notMeasured(MetricReference)
    }

    public let expectation: Expectation
    public let outcome: Outcome

    public var agrees: Bool { if case .agrees = outcome { true } else { false } }

    /// (the metric, the value it was compared with), when both were measured.
    public var figures: (Float, Float)? {
        switch outcome {
        case .agrees(let a, let b), .differs(let a, let b): (a, b)
        case .notMeasured: nil
        }
    }

    /// One plain sentence with both numbers, in `language` ("en" or "ko"). With `variant`, the
    /// learner's recipe differs from the lesson's, and the sentence says it judged their own variant.
    public func message(language: Language, variant: Bool = false) -> String {
        func say(_ key: LessonMessage, _ values: Any...) -> String { key.text(values, language: language) }
        let e = expectation
        // "grad(-1) / 100 = 0.0004" when the value is a metric; the bare number otherwise.
        func target(_ value: Float) -> String {
            if case .number = e.value { return e.valueText }
            return "\(e.valueText) = \(figureText(value))"
        }
        let metric = e.metric.description, op = say(e.op.phrase), mustBe = say(e.op.mustPhrase)
        if variant, let (a, b) = figures {
            return agrees ? say(.checkVariantAgrees, metric, figureText(a), op, target(b))
                          : say(.checkVariantDiffers, metric, figureText(a), mustBe, target(b))
        }
        switch outcome {
        case .agrees(let a, let b):
            return say(.checkAgrees, metric, figureText(a), op, target(b))
        case .differs(let a, let b):
            return say(.checkDiffers, metric, figureText(a), mustBe, target(b))
        case .notMeasured(let m):
            if let run = m.run { return say(.checkNoSuchRun, e, run, m.name) }
            return say(.checkNotMeasured, e, m.name)
        }
    }
}

extension ComparisonOperator {
    /// "below" / "미만": the comparison as a check that holds says it.
    var phrase: LessonMessage {
        switch self {
        case .below: .comparisonBelow
        case .atMost: .comparisonAtMost
        case .above: .comparisonAbove
        case .atLeast: .comparisonAtLeast
        }
    }

    /// "below" / "미만이어야": the comparison as a check that fails says it (in Korean the copula
    /// follows the word's last sound).
    var mustPhrase: LessonMessage {
        switch self {
        case .below: .comparisonMustBelow
        case .atMost: .comparisonMustAtMost
        case .above: .comparisonMustAbove
        case .atLeast: .comparisonMustAtLeast
        }
    }
}
