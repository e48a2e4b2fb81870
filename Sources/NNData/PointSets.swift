// PointSets: small 2-D classification sets in the style of TensorFlow Playground.
//
//   circle     class 0 fills a disc of radius 0.5, class 1 a ring from 0.7 to 1.0 around it
//   spiral     two arms winding 1.75 turns out from the centre, half a turn apart
//   gaussian   2-10 round clusters whose centres sit on a circle of radius 0.6
// Points lie roughly in [-1, 1]^2, so no normalisation is needed. `noise` is the standard
// deviation of Gaussian jitter added to both coordinates (for gaussian it widens the clusters).
// Classes are balanced. Every draw comes from a generator forked off the caller's; its seed is
// recorded in the identity, so the same seed and options give the same points and the same split.

import Foundation
import NNCore

/// Which 2-D set to generate.
public enum PointSetKind: String, CaseIterable, Sendable {
    case circle, spiral, gaussian

    var summary: String {
        switch self {
        case .circle: return "2-D points: a disc inside a ring (not linearly separable)"
        case .spiral: return "2-D points: two interleaved spirals (needs several hidden layers)"
        case .gaussian: return "2-D points: round Gaussian clusters, one per class"
        }
    }
}

/// Options of a generated 2-D set.
public struct PointSetOptions: Equatable, Sendable {
    /// Points in all splits together.
    public var samples: Int
    /// Standard deviation of the jitter added to each coordinate (0 = none).
    public var noise: Double
    /// Number of clusters (gaussian only; circle and spiral always have two classes).
    public var classes: Int
    public var split: SplitFractions

    public init(samples: Int = 400, noise: Double = 0, classes: Int = 2,
                split: SplitFractions = SplitFractions(test: 0.2, validation: 0.1)) {
        self.samples = samples
        self.noise = noise
        self.classes = classes
        self.split = split
    }

    /// A reason these options cannot work, or nil.
    func problem(for kind: PointSetKind) -> (option: String, problem: OptionProblem)? {
        if !(8...1_000_000).contains(samples) { return ("samples", .wholeOutOfRange(value: samples, range: 8...1_000_000)) }
        if !(0...1).contains(noise) { return ("noise", .numberOutOfRange(text: "\(noise)", range: 0...1)) }
        if kind == .gaussian && !(2...10).contains(classes) { return ("classes", .wholeOutOfRange(value: classes, range: 2...10)) }
        if kind != .gaussian && classes != 2 { return ("classes", .fixedClasses(dataSet: kind.rawValue, classes: 2)) }
        if let p = split.problem { return ("test/validation", .split(p)) }
        return nil
    }
}

public enum PointSets {
    /// Generates the set `kind` from a generator forked off `generator`.
    public static func make(_ kind: PointSetKind, options: PointSetOptions,
                            generator: SeededGenerator) throws(DataError) -> LoadedDataSet {
        if let (option, problem) = options.problem(for: kind) {
            throw .badOption(dataSet: kind.rawValue, option: option, problem: problem)
        }
        let g = generator.fork()
        let classCount = kind == .gaussian ? options.classes : 2
        let n = options.samples
        let x = Matrix(rows: n, cols: 2)
        var labels = [Int32](repeating: 0, count: n)
        let noise = Float(options.noise)
        for i in 0..<n {
            // Classes take turns, so every class gets n / classCount points (+1 for the first few).
            let c = i % classCount
            let (px, py) = point(kind, classIndex: c, classCount: classCount,
                                 rank: i / classCount, perClass: (n - c + classCount - 1) / classCount, g)
            x[i, 0] = px + (noise > 0 ? noise * g.normal() : 0)
            x[i, 1] = py + (noise > 0 ? noise * g.normal() : 0)
            labels[i] = Int32(c)
        }
        let all = InMemoryData(features: x, labels: labels, classCount: classCount)
        let parts = SplitIndices(count: n, fractions: options.split, generator: g).apply(to: all)

        var parameters = ["samples": String(n), "noise": decimal(options.noise), "seed": String(g.seed),
                          "test": decimal(options.split.test), "validation": decimal(options.split.validation)]
        if kind == .gaussian { parameters["classes"] = String(classCount) }
        let names: [String]
        switch kind {
        case .circle: names = ["inner", "outer"]
        case .spiral: names = ["arm 1", "arm 2"]
        case .gaussian: names = (1...classCount).map { "cluster \($0)" }
        }
        let info = DataSetInfo(name: kind.rawValue, summary: kind.summary, classNames: names, featureShape: [2],
                               source: "generated (seed \(g.seed))",
                               identity: DataIdentity(name: kind.rawValue, parameters: parameters))
        return LoadedDataSet(info: info, train: parts.train, validation: parts.validation, test: parts.test)
    }

    /// One noiseless point of class `classIndex`; `rank` of `perClass` orders points along a spiral arm.
    private static func point(_ kind: PointSetKind, classIndex c: Int, classCount: Int, rank: Int, perClass: Int,
                              _ g: SeededGenerator) -> (Float, Float) {
        switch kind {
        case .circle:
            // Uniform over the area: radius = sqrt of a uniform draw between the squared bounds.
            let (r0, r1): (Float, Float) = c == 0 ? (0, 0.5) : (0.7, 1.0)
            let r = (r0 * r0 + (r1 * r1 - r0 * r0) * g.uniform()).squareRoot()
            let a = 2 * Float.pi * g.uniform()
            return (r * cosine(a), r * sine(a))
        case .spiral:
            let t = Float(rank) / Float(max(perClass, 1))
            let a = 1.75 * 2 * Float.pi * t + Float(c) * Float.pi
            return (t * sine(a), t * cosine(a))
        case .gaussian:
            let a = 2 * Float.pi * Float(c) / Float(classCount) + Float.pi / 4
            return (0.6 * cosine(a) + 0.15 * g.normal(), 0.6 * sine(a) + 0.15 * g.normal())
        }
    }
}

/// sin and cos from nnlab's own math (not the platform's libm): generated points are the same bits everywhere.
private func sine(_ a: Float) -> Float { Float(Math.sin(Double(a))) }
private func cosine(_ a: Float) -> Float { Float(Math.cos(Double(a))) }
