// RecipeConstraint: a rule an exercise's answer must keep (`keep: layers 10` in a lesson file),
// checked against what the learner's latest run actually trained, not against its name.
//
//   keep: layers 10        still ten layers with weights (none removed, none added)
//   keep: hidden sigmoid   every hidden layer keeps this activation
//   keep: data xor         the same data set
//   keep: optimizer sgd    the same kind of optimizer (its learning rate may change)
//   keep: initializer he   the same weight initializer
//   keep: dropout none     no dropout layers
//
// Not here: the lesson's expectations (Expectation), grading a step (ExerciseGrader).

import LabCore
import LabText
import NNEngine

/// One rule of an exercise, on the recipe of the run that answers it.
public enum RecipeConstraint: Sendable, Equatable, CustomStringConvertible {
    case layers(Int)
    case hidden(String)
    case data(String)
    case optimizer(OptimizerKind)
    case initializer(String)
    case noDropout

    static let keys = ["layers", "hidden", "data", "optimizer", "initializer", "dropout"]

    public var description: String {
        switch self {
        case .layers(let n): "layers \(n)"
        case .hidden(let a): "hidden \(a)"
        case .data(let d): "data \(d)"
        case .optimizer(let o): "optimizer \(o.rawValue)"
        case .initializer(let i): "initializer \(i)"
        case .noDropout: "dropout none"
        }
    }

    /// Parses the text after `keep:`.
    public static func parse(_ text: String) throws(ShellError) -> RecipeConstraint {
        let words = text.split(separator: " ").map(String.init)
        guard words.count == 2 else {
            throw ShellError(loc(.keepNotConstraint, text), hint: loc(.keepNotConstraintHint, keys.joined(separator: ", ")))
        }
        switch words[0] {
        case "layers":
            guard let n = Int(words[1]), n > 0 else { throw ShellError(loc(.keepLayersNumber, words[1])) }
            return .layers(n)
        case "hidden":
            guard Activation.named(words[1]) != nil else { throw ShellError(loc(.keepUnknownActivation, words[1])) }
            return .hidden(words[1])
        case "data": return .data(words[1])
        case "optimizer":
            guard let kind = OptimizerKind(rawValue: words[1]) else { throw ShellError(loc(.keepUnknownOptimizer, words[1])) }
            return .optimizer(kind)
        case "initializer": return .initializer(words[1])
        case "dropout":
            guard words[1] == "none" else { throw ShellError(loc(.keepDropoutNone, words[1])) }
            return .noDropout
        default:
            throw ShellError(loc(.keepUnknown, words[0], didYouMean(words[0], keys)), hint: loc(.keepUnknownHint, keys.joined(separator: ", ")))
        }
    }

    /// What a run trained, as the constraints read it.
    struct Recipe {
        var model: ModelSpec
        var optimizer: OptimizerSpec
        var data: String

        var weightedLayers: Int { model.layers.filter(\.kind.hasWeights).count }
        /// Every dense layer's activation but the output layer's.
        var hiddenActivations: [String] {
            let dense = model.layers.compactMap { l -> String? in
                if case .dense(_, let a) = l.kind { return a.name }
                return nil
            }
            return Array(dense.dropLast())
        }
        var initializers: [String] {
            model.layers.indices.filter { model.layers[$0].kind.hasWeights }.map { model.initializer(ofLayer: $0).weights.name }
        }
    }

    /// Whether `recipe` keeps the rule, and a sentence saying so (or what differs and how to fix it).
    func check(_ recipe: Recipe, language: Language) -> (kept: Bool, message: String) {
        func say(_ key: LessonMessage, _ values: Any...) -> String { key.text(values, language: language) }
        switch self {
        case .layers(let n):
            let have = recipe.weightedLayers
            if have == n { return (true, say(.keepLayersKept, n)) }
            return (false, say(have == 1 ? .keepLayersBrokenOne : .keepLayersBroken, have, n))
        case .hidden(let a):
            let have = recipe.hiddenActivations
            let others = Set(have.filter { $0 != a }).sorted()
            if !have.isEmpty && others.isEmpty { return (true, say(.keepHiddenKept, a)) }
            return (false, say(.keepHiddenBroken, others.joined(separator: ", "), a))
        case .data(let d):
            if recipe.data == d { return (true, say(.keepDataKept, d)) }
            return (false, say(.keepDataBroken, recipe.data, d))
        case .optimizer(let o):
            if recipe.optimizer.kind == o { return (true, say(.keepOptimizerKept, o.rawValue)) }
            return (false, say(.keepOptimizerBroken, recipe.optimizer.kind.rawValue, o.rawValue))
        case .initializer(let i):
            let have = Set(recipe.initializers)
            if have == [i] { return (true, say(.keepInitializerKept, i)) }
            return (false, say(.keepInitializerBroken, have.sorted().joined(separator: ", "), i))
        case .noDropout:
            let n = recipe.model.layers.filter { if case .dropout = $0.kind { true } else { false } }.count
            if n == 0 { return (true, say(.keepNoDropoutKept)) }
            return (false, say(n == 1 ? .keepDropoutBrokenOne : .keepDropoutBroken, n))
        }
    }
}
