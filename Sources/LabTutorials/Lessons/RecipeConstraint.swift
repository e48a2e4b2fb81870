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
            throw ShellError("'\(text)' is not a constraint", hint: "write `keep: KEY VALUE` with KEY one of \(keys.joined(separator: ", "))")
        }
        switch words[0] {
        case "layers":
            guard let n = Int(words[1]), n > 0 else { throw ShellError("`keep: layers` takes a positive whole number, not '\(words[1])'") }
            return .layers(n)
        case "hidden":
            guard Activation.named(words[1]) != nil else { throw ShellError("unknown activation '\(words[1])'") }
            return .hidden(words[1])
        case "data": return .data(words[1])
        case "optimizer":
            guard let kind = OptimizerKind(rawValue: words[1]) else { throw ShellError("unknown optimizer '\(words[1])'") }
            return .optimizer(kind)
        case "initializer": return .initializer(words[1])
        case "dropout":
            guard words[1] == "none" else { throw ShellError("`keep: dropout` takes `none`, not '\(words[1])'") }
            return .noDropout
        default:
            throw ShellError("unknown constraint '\(words[0])'" + didYouMean(words[0], keys), hint: "constraints: \(keys.joined(separator: ", "))")
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
        let ko = language == .ko
        switch self {
        case .layers(let n):
            let have = recipe.weightedLayers
            if have == n { return (true, ko ? "✓ 가중치가 있는 층이 그대로 \(n)개입니다" : "✓ still \(n) layers with weights") }
            return (false, ko ? "✗ 여러분의 모델에는 가중치가 있는 층이 \(have)개 있습니다. 이 연습은 \(n)개를 그대로 둡니다 (`model show`로 확인하세요)"
                              : "✗ your model has \(have) layer\(have == 1 ? "" : "s") with weights; this exercise keeps \(n) (`model show` lists them)")
        case .hidden(let a):
            let have = recipe.hiddenActivations
            let others = Set(have.filter { $0 != a }).sorted()
            if !have.isEmpty && others.isEmpty { return (true, ko ? "✓ 은닉층은 모두 \(a)입니다" : "✓ every hidden layer is still \(a)") }
            let what = others.joined(separator: ", ")
            return (false, ko ? "✗ 여러분의 은닉층에 \(what)이(가) 있습니다. 이 연습은 은닉층을 모두 \(a)로 둡니다"
                              : "✗ your hidden layers use \(what); this exercise keeps every hidden layer \(a)")
        case .data(let d):
            if recipe.data == d { return (true, ko ? "✓ 같은 데이터(\(d))입니다" : "✓ the same data (\(d))") }
            return (false, ko ? "✗ 여러분의 실행은 \(recipe.data) 데이터로 학습했습니다. 이 연습은 \(d)를 씁니다 (`data load \(d)`)"
                              : "✗ your run trained on \(recipe.data); this exercise uses \(d) (`data load \(d)`)")
        case .optimizer(let o):
            if recipe.optimizer.kind == o { return (true, ko ? "✓ 옵티마이저는 그대로 \(o.rawValue)입니다" : "✓ still the \(o.rawValue) optimizer") }
            return (false, ko ? "✗ 여러분의 실행은 \(recipe.optimizer.kind.rawValue) 옵티마이저를 썼습니다. 이 연습은 \(o.rawValue)를 그대로 둡니다 (학습률은 바꿔도 됩니다)"
                              : "✗ your run used \(recipe.optimizer.kind.rawValue); this exercise keeps \(o.rawValue) (its learning rate may change)")
        case .initializer(let i):
            let have = Set(recipe.initializers)
            if have == [i] { return (true, ko ? "✓ 초기화는 그대로 \(i)입니다" : "✓ still initialized with \(i)") }
            let what = have.sorted().joined(separator: ", ")
            return (false, ko ? "✗ 여러분의 실행은 \(what) 초기화를 썼습니다. 이 연습은 \(i)를 그대로 둡니다"
                              : "✗ your run was initialized with \(what); this exercise keeps \(i)")
        case .noDropout:
            let n = recipe.model.layers.filter { if case .dropout = $0.kind { true } else { false } }.count
            if n == 0 { return (true, ko ? "✓ 드롭아웃 없음" : "✓ no dropout") }
            return (false, ko ? "✗ 여러분의 모델에 드롭아웃 층이 \(n)개 있습니다. 이 연습은 드롭아웃 없이 풉니다"
                              : "✗ your model has \(n) dropout layer\(n == 1 ? "" : "s"); this exercise is solved without dropout")
        }
    }
}
