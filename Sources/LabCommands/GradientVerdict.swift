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

    private var ko: Bool { language == .ko }

    /// The sentences, most important first (empty when there is nothing worth saying).
    var sentences: [String] {
        var out: [String] = []
        let startRatio = Self.ratio(early), endRatio = Self.ratio(now)
        if Self.allZero(now) {
            out.append(allZeroSentence)
            return out
        }
        if let r = startRatio, r >= Self.vanishingFactor {
            out.append(ko ? "첫 스텝에서 1층의 기울기는 마지막 층보다 \(Self.times(r, ko: true)) 작았습니다. "
                            + "역전파 중에 기울기가 사라져서 앞쪽 층은 거의 배우지 못합니다"
                          : "at the first step the first layer's gradients were \(Self.times(r, ko: false)) smaller than the last layer's: "
                            + "they vanish on the way back, so the early layers barely learn")
            if let s = suggestion { out[out.count - 1] += " " + s }
        } else if let r = startRatio, r <= 1 / Self.vanishingFactor {
            out.append(ko ? "첫 스텝에서 1층의 기울기는 마지막 층보다 \(Self.times(1 / r, ko: true)) 컸습니다. "
                            + "기울기가 역전파 중에 커집니다(폭발). 학습률이나 초기 가중치를 줄이면 도움이 됩니다"
                          : "at the first step the first layer's gradients were \(Self.times(1 / r, ko: false)) larger than the last layer's: "
                            + "they grow on the way back (exploding); a smaller learning rate or smaller initial weights help")
        } else if let r = startRatio, let e = endRatio, e >= Self.vanishingFactor, !converged {
            out.append(ko ? "첫 스텝에서는 1층과 마지막 층의 기울기 차이가 \(Self.times(r, ko: true))였지만 지금은 \(Self.times(e, ko: true))입니다. "
                            + "처음부터 사라진 것이 아니라 학습 중에 앞쪽 층이 멈췄습니다(모든 입력에 0을 내는 죽은 ReLU일 수 있습니다)"
                          : "at the first step the first and last layer's gradients were \(Self.times(r, ko: false)) apart, now \(Self.times(e, ko: false)): "
                            + "they did not vanish from the start; the early layers stalled while training (dead ReLU units, which output 0 for every input, do that)")
        } else if startRatio == nil, let e = endRatio, e >= Self.vanishingFactor, !converged {
            out.append(ko ? "1층의 기울기가 마지막 층보다 \(Self.times(e, ko: true)) 작습니다 (이 실행의 첫 스텝 기울기는 기록되지 않아 처음에도 그랬는지는 알 수 없습니다)"
                          : "the first layer's gradients are \(Self.times(e, ko: false)) smaller than the last layer's "
                            + "(this run has no record of its first step, so whether they vanished from the start is unknown)")
        }
        if converged, let a = firstCost, let b = lastCost {
            out.append(ko ? "비용이 \(figureText(a))에서 \(figureText(b))로 내려갔습니다. 지금 기울기가 작은 것은 망이 학습을 마쳤기(수렴했기) 때문이고, 문제가 아닙니다"
                          : "the cost fell from \(figureText(a)) to \(figureText(b)): the gradients are small now because the net has converged, not because anything is wrong")
        }
        return out
    }

    /// The cost fell at least tenfold: whatever the gradients are now, the net has learned.
    var converged: Bool {
        guard let a = firstCost, let b = lastCost, a.isFinite, b.isFinite else { return false }
        return b < a / Self.convergedFactor
    }

    private var allZeroSentence: String {
        if uses(initializer: ["zeros", "constant"]) {
            return ko ? "모든 기울기가 0입니다. 가중치가 모두 같은 값에서 시작해서 아무것도 배울 수 없습니다 (`init xavier`로 바꿔 보세요)"
                      : "every gradient is zero: the weights all start at the same value, so nothing can learn (try `init xavier`)"
        }
        return ko ? "모든 기울기가 0입니다. 모든 입력에 0을 내는 죽은 유닛이 신호를 끊었습니다 (다른 `seed`나 더 넓은 층을 시도해 보세요)"
                  : "every gradient is zero: units that output 0 for every input (dead units) cut the signal off (try another `seed`, or wider layers)"
    }

    /// What to try against a vanishing gradient, leaving out what the model already uses.
    private var suggestion: String? {
        var tries: [String] = []
        if !usesReLUFamily { tries.append("relu") }
        let initializers = usesReLUFamily ? ["he", "he_uniform"] : ["xavier", "xavier_normal", "he", "he_uniform"]
        if !uses(initializer: initializers) { tries.append(usesReLUFamily ? "`init he`" : "`init xavier`") }
        if tries.isEmpty {
            return ko ? "(이미 relu와 알맞은 초기화를 쓰고 있으니, 죽은 유닛 때문일 수 있습니다: 다른 `seed`나 더 넓은 층을 시도해 보세요)"
                      : "(the net already uses relu and a fitting initialization; dead units may be the cause: try another `seed`, or wider layers)"
        }
        let list = tries.joined(separator: ko ? " 또는 " : " or ")
        return ko ? "(\(list)을 시도해 보세요)" : "(try \(list))"
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
    static func times(_ r: Double, ko: Bool) -> String {
        let n = r < 1e9 ? NumberFormat.grouped(Int(r.rounded())) : (ko ? "10억" : "1,000,000,000")
        if r >= 1e9 { return ko ? "\(n)배 넘게" : "more than \(n)x" }
        return ko ? "\(n)배" : "\(n)x"
    }
}
