// GradientVerdict: what `grads` says in words under its chart, and why it can be trusted.
//
// Three rules, each one a mistake the first version made:
// - Vanishing is judged at the same point of every run: the first training step, before the net
//   has learned anything. At the end of a run that worked every gradient is tiny, and a ratio
//   measured then says nothing about the gradient flowing back through the layers.
// - A suggestion never names what the model already uses: no "try relu" for a relu net, no
//   `init xavier` for a Xavier net.
// - Small gradients after the cost has fallen a long way mean the net has converged, and it says so.
//
// Pure: the figures and the model come in, sentences (English or Korean) go out.

import LabCore
import LabKit
import LabText
import NNEngine

struct GradientVerdict {
    /// Per-layer sizes at the run's first step (empty when unknown: a run restored from an old session).
    var early: [LayerGradient]
    /// The sizes `grads` shows (the last epoch's average, or the last step).
    var now: [LayerGradient]
    /// The run's first and last epoch's mean cost.
    var firstCost: Float?
    var lastCost: Float?
    /// What the run trained, when known; `recipe` (the one-line recipe) otherwise.
    var model: ModelSpec?
    var recipe: String
    var language: Language

    /// First-to-last gradient factor from which the gradient counts as vanishing (or, inverted, exploding).
    static let vanishingFactor: Double = 100
    /// The cost must have fallen this many times for small gradients to count as convergence.
    static let convergedFactor: Float = 10

    /// The sentence `key` in the verdict's language.
    private func say(_ key: ResultMessage, _ values: Any...) -> String { key.text(values, language: language) }

    /// The sentences, most important first (empty when there is nothing worth saying).
    var sentences: [String] {
        var out: [String] = []
        let startRatio = Self.ratio(early), endRatio = Self.ratio(now)
        if Self.allZero(now) {
            out.append(allZeroSentence)
            return out
        }
        if let r = startRatio, r >= Self.vanishingFactor {
            out.append(say(.verdictVanishing, Self.times(r, language: language)))
            if let s = suggestion { out[out.count - 1] += " " + s }
        } else if let r = startRatio, r <= 1 / Self.vanishingFactor {
            out.append(say(.verdictExploding, Self.times(1 / r, language: language)))
        } else if let r = startRatio, let e = endRatio, e >= Self.vanishingFactor, !converged {
            out.append(say(.verdictStalled, Self.times(r, language: language), Self.times(e, language: language)))
        } else if startRatio == nil, let e = endRatio, e >= Self.vanishingFactor, !converged {
            out.append(say(.verdictNoFirstStep, Self.times(e, language: language)))
        }
        if converged, let a = firstCost, let b = lastCost {
            out.append(say(.verdictConverged, figureText(a), figureText(b)))
        }
        return out
    }

    /// The cost fell at least tenfold: whatever the gradients are now, the net has learned.
    var converged: Bool {
        guard let a = firstCost, let b = lastCost, a.isFinite, b.isFinite else { return false }
        return b < a / Self.convergedFactor
    }

    private var allZeroSentence: String {
        uses(initializer: ["zeros", "constant"]) ? say(.verdictZeroSameStart) : say(.verdictZeroDead)
    }

    /// What to try against a vanishing gradient, leaving out what the model already uses.
    private var suggestion: String? {
        var tries: [String] = []
        if !usesReLUFamily { tries.append("relu") }
        let initializers = usesReLUFamily ? ["he", "he_uniform"] : ["xavier", "xavier_normal", "he", "he_uniform"]
        if !uses(initializer: initializers) { tries.append(usesReLUFamily ? "`init he`" : "`init xavier`") }
        switch tries.count {
        case 0: return say(.verdictAlreadyFitting)
        case 1: return say(.verdictTryOne, tries[0])
        default: return say(.verdictTryTwo, tries[0], tries[1])
        }
    }

    // MARK: - What the model uses

    /// The hidden layers' activations (every dense layer but the last).
    private var hiddenActivations: [String] {
        if let model {
            let dense = model.layers.compactMap { l -> String? in
                if case .dense(_, let a) = l.kind { return a.name }
                if case .activation(let a) = l.kind { return a.name }
                return nil
            }
            return Array(dense.dropLast())
        }
        // "dense 5 relu, dense 5 relu, dense 1 sigmoid; init xavier; sgd lr 0.1; batch 4"
        let layers = recipe.split(separator: ";").first?.split(separator: ",") ?? []
        let dense = layers.map { $0.split(separator: " ") }.filter { $0.first == "dense" }.compactMap { $0.last.map(String.init) }
        return Array(dense.dropLast())
    }

    private var usesReLUFamily: Bool {
        let hidden = hiddenActivations
        return !hidden.isEmpty && hidden.allSatisfy { ["relu", "leaky_relu", "elu", "selu", "maxout"].contains(where: $0.hasPrefix) }
    }

    private func uses(initializer names: [String]) -> Bool {
        if let model {
            let weighted = model.layers.indices.filter { model.layers[$0].kind.hasWeights }
            guard !weighted.isEmpty else { return false }
            return weighted.allSatisfy { names.contains(model.initializer(ofLayer: $0).weights.name) }
        }
        return names.contains { recipe.contains("; init \($0);") || recipe.contains("; init \($0)(") }
    }

    // MARK: - Figures

    /// Last layer's size over the first layer's (nil when either is missing or zero).
    static func ratio(_ layers: [LayerGradient]) -> Double? {
        guard layers.count >= 2, let a = layers.first?.meanAbsGradient, let b = layers.last?.meanAbsGradient, a > 0, b > 0 else { return nil }
        return Double(b) / Double(a)
    }

    static func allZero(_ layers: [LayerGradient]) -> Bool {
        !layers.isEmpty && layers.allSatisfy { $0.meanAbsGradient == 0 }
    }

    /// "318x", "318배"; beyond a billion the exact factor says nothing more.
    static func times(_ r: Double, language: Language) -> String {
        r < 1e9 ? ResultMessage.verdictTimes.text([NumberFormat.grouped(Int(r.rounded()))], language: language)
                : ResultMessage.verdictMoreThanBillion.text([], language: language)
    }
}
