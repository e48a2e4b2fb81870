// Limits: the allowed range of every number a learner (or a saved session) gives the engine,
// declared once. The shell's arguments (`train`, `set`, `sweep`, `optimizer`, `layer add dropout`)
// take their ranges from here, and a session's metadata is checked against the same ranges before
// it touches the lab, so a value refused when typed is refused when read from a file too.
//
// Some bounds are where the math breaks, not taste: keep_prob below 1e-6 scales kept units by more
// than a million (1/keep_prob), which overflows Float activations; beta1, beta2 and rho of 1 make
// Adam's bias correction divide by 1 - 1 = 0 and stop the running averages from ever changing.

/// An interval of allowed numbers: `above` is an exclusive lower bound, `atLeast` and `atMost`
/// inclusive bounds. Every bound is optional; infinities and NaN are never inside.
public struct NumberRange: Sendable, Equatable {
    public let above: Double?
    public let atLeast: Double?
    public let atMost: Double?

    public init(above: Double? = nil, atLeast: Double? = nil, atMost: Double? = nil) {
        self.above = above
        self.atLeast = atLeast
        self.atMost = atMost
    }

    public func contains(_ x: Double) -> Bool {
        guard x.isFinite else { return false }
        if let a = above, !(x > a) { return false }
        if let a = atLeast, !(x >= a) { return false }
        if let b = atMost, !(x <= b) { return false }
        return true
    }

    /// A Float value is compared with the bounds as Floats: 0.000001 typed is 9.99999997e-7 once
    /// stored, and must still count as at least 0.000001.
    public func contains(_ x: Float) -> Bool {
        guard x.isFinite else { return false }
        if let a = above, !(x > Float(a)) { return false }
        if let a = atLeast, !(x >= Float(a)) { return false }
        if let b = atMost, !(x <= Float(b)) { return false }
        return true
    }

    /// "above 0 and at most 100", "at least 0.000001 and at most 1".
    public var text: String {
        var parts: [String] = []
        if let a = above { parts.append("above \(Self.short(a))") }
        if let a = atLeast { parts.append("at least \(Self.short(a))") }
        if let b = atMost { parts.append("at most \(Self.short(b))") }
        return parts.isEmpty ? "a finite number" : parts.joined(separator: " and ")
    }

    /// 100 -> "100", 0.000001 -> "0.000001", 0.999999 -> "0.999999".
    public static func short(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        var text = String(format: "%.7f", x)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}

/// The ranges, declared once.
public enum Limits {
    public static let epochs = 1...1_000_000
    public static let batchSize = 1...1_000_000
    /// A learning rate (the optimizer's, or a run's override).
    public static let learningRate = NumberRange(above: 0, atMost: 100)
    /// A dropout layer's keep probability, or a run's override.
    public static let keepProb = NumberRange(atLeast: 0.000_001, atMost: 1)
    public static let denseUnits = 1...100_000
    public static let recurrentUnits = 1...10_000
    public static let steps = 1...100_000
    /// Maxout's pieces per unit.
    public static let maxoutPieces = 2...16
    /// leaky_relu's slope and elu's scale for x < 0.
    public static let activationAlpha = NumberRange(above: 0, atMost: 10)
    /// Initializers: normal's standard deviation, uniform's limit, constant's value.
    public static let initStddev = NumberRange(above: 0, atMost: 100)
    public static let initLimit = NumberRange(above: 0, atMost: 100)
    public static let initConstant = NumberRange(atLeast: -100, atMost: 100)
    /// RBM pre-training: epochs per layer and learning rate.
    public static let rbmEpochs = 1...1_000
    public static let rbmLearningRate = NumberRange(above: 0, atMost: 10)

    /// The range of an optimizer's hyper-parameter.
    public static func setting(_ setting: OptimizerSetting) -> NumberRange {
        switch setting {
        case .beta1, .beta2, .rho: NumberRange(atLeast: 0, atMost: 0.999_999)
        case .momentum: NumberRange(atLeast: 0, atMost: 1)
        case .epsilon: NumberRange(above: 0, atMost: 1_000)
        case .initialAccumulator: NumberRange(atLeast: 0, atMost: 1_000)
        }
    }
}
