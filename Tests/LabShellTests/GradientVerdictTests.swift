// What `grads` says: vanishing judged at the first step, no suggestion of what the model already
// uses, convergence named as such. Pure cases first, then the XOR nets of lesson 1 end to end.

import Testing
import NNEngine
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials

@Suite("grads tells the truth")
struct GradientVerdictTests {
    func g(_ sizes: Float...) -> [LayerGradient] {
        sizes.enumerated().map { LayerGradient(layer: "dense\($0 + 1)", meanAbsGradient: $1, meanAbsWeight: 0.1) }
    }

    func model(_ activation: Activation, init weights: Initializer) -> ModelSpec {
        ModelSpec.stack([.dense(units: 5, activation: activation), .dense(units: 5, activation: activation),
                         .dense(units: 1, activation: .sigmoid)], initializer: InitializerChoice(weights: weights))
    }

    func verdict(early: [LayerGradient], now: [LayerGradient], costs: (Float, Float) = (0.7, 0.69),
                 model m: ModelSpec?, recipe: String = "", language: Language = .en) -> String {
        GradientVerdict(early: early, now: now, firstCost: costs.0, lastCost: costs.1, model: m, recipe: recipe,
                        language: language).sentences.joined(separator: "\n")
    }

    @Test("vanishing at the first step is named, with the factor measured then")
    func vanishingAtStart() {
        let s = verdict(early: g(1e-6, 1e-4, 1e-3), now: g(1e-9, 1e-5, 1e-2), model: model(.sigmoid, init: .normal(stddev: 1)))
        #expect(s.contains("at the first step") && s.contains("1,000x smaller") && s.contains("vanish"))
        #expect(s.contains("relu") && s.contains("`init xavier`"))
    }

    @Test("never suggests what the model already uses")
    func noSelfSuggestion() {
        let xavierSigmoid = verdict(early: g(1e-7, 1e-3), now: g(1e-7, 1e-3), model: model(.sigmoid, init: .xavierUniform))
        #expect(xavierSigmoid.contains("relu") && !xavierSigmoid.contains("init xavier"))
        let heRelu = verdict(early: g(1e-7, 1e-3), now: g(1e-7, 1e-3), model: model(.relu, init: .heNormal))
        #expect(!heRelu.contains("try relu") && !heRelu.contains("init he") && heRelu.contains("already uses relu"))
        let xavierRelu = verdict(early: g(1e-7, 1e-3), now: g(1e-7, 1e-3), model: model(.relu, init: .xavierUniform))
        #expect(!xavierRelu.contains("relu or") && xavierRelu.contains("`init he`") && !xavierRelu.contains("init xavier"))
        // Known only from the one-line recipe (a run restored from a session).
        let fromRecipe = verdict(early: g(1e-7, 1e-3), now: g(1e-7, 1e-3), model: nil, recipe: "dense 5 relu, dense 5 relu, dense 1 sigmoid; init he; sgd lr 0.1; batch 4")
        #expect(!fromRecipe.contains("try relu") && !fromRecipe.contains("init he"))
        let sigmoidRecipe = verdict(early: g(1e-7, 1e-3), now: g(1e-7, 1e-3), model: nil, recipe: "dense 5 sigmoid, dense 1 sigmoid; init xavier; sgd lr 0.1; batch 4")
        #expect(sigmoidRecipe.contains("(try relu)"))
    }

    @Test("small gradients after the cost fell tenfold are convergence, not vanishing")
    func converged() {
        // Healthy at the start (ratio 2), tiny and far apart at the end: the lesson 1 relu net.
        let s = verdict(early: g(0.01, 0.02), now: g(1e-8, 3e-6), costs: (0.69, 1e-5), model: model(.relu, init: .xavierUniform))
        #expect(s.contains("converged") && !s.contains("vanish") && !s.contains("try"))
        // The same end figures without the fall in cost: the net stalled, and it says that instead.
        let stalled = verdict(early: g(0.01, 0.02), now: g(1e-8, 3e-6), costs: (0.69, 0.48), model: model(.relu, init: .xavierUniform))
        #expect(!stalled.contains("converged") && stalled.contains("stalled"))
    }

    @Test("exploding and all-zero gradients, in Korean too")
    func explodingAndZero() {
        #expect(verdict(early: g(1, 1e-3), now: g(1, 1e-3), model: nil).contains("exploding"))
        #expect(verdict(early: g(1e-3, 2e-3), now: g(1e-3, 2e-3), model: nil).isEmpty)
        #expect(verdict(early: g(0, 0), now: g(0, 0), model: model(.relu, init: .zeros)).contains("`init xavier`"))
        #expect(!verdict(early: g(0, 0), now: g(0, 0), model: model(.relu, init: .xavierUniform)).contains("init xavier"))
        let ko = verdict(early: g(1e-6, 1e-3), now: g(1e-6, 1e-3), model: model(.sigmoid, init: .xavierUniform), language: .ko)
        #expect(ko.contains("첫 스텝") && ko.contains("1,000배") && !ko.contains("init xavier"))
    }

    @Test("lesson 1's nets: the sigmoid net vanishes from the first step; the trained relu net has converged")
    func lessonOne() throws {
        let t = TestLab()
        let hidden = (0..<9).map { _ in "layer add dense 5 sigmoid" }
        #expect(t.run("seed 1", "data load xor", "model new"))
        for line in hidden { #expect(t.run(line)) }
        #expect(t.run("layer add dense 1 sigmoid", "init xavier", "optimizer sgd lr=0.1", "train epochs=10 batch=4 as sigmoid_start"))
        t.console.reset()
        #expect(t.run("grads"))
        #expect(t.output.contains("at the first step the first layer's gradients were") && t.output.contains("(try relu)"))
        #expect(!t.output.contains("init xavier"))
        let first = try #require(t.lab.results.runs.last?.result.firstStepGradients)
        #expect(first.count == 10)

        #expect(t.run("seed 1", "model new"))
        for line in hidden { #expect(t.run(line.replacingOccurrences(of: "sigmoid", with: "relu"))) }
        #expect(t.run("layer add dense 1 sigmoid", "init xavier", "optimizer sgd lr=0.1", "train epochs=10000 batch=4 as relu"))
        t.console.reset()
        #expect(t.run("grads"))
        #expect(t.output.contains("converged"))
        #expect(!t.output.contains("try relu") && !t.output.contains("init xavier"))
    }
}
