// LessonRecipe: the model, optimizer and data a lesson assumes at a step, read from the commands
// of the steps up to it (no command runs). Before a step is checked, the runner compares it
// with what the lab holds, so a learner who changed the hidden layers to relu hears "your hidden
// layers are relu; this step assumes sigmoid" first, and the checks are judged as their own
// variant instead of silently passing or failing as the lecture's.
//
// Only what can be read for certain is compared: a lesson that builds its model in a way this
// reader does not follow (`layer insert`, `model load`, graphs) leaves the model unknown, and
// nothing is said about it.

import LabCore
import LabText
import NNEngine

struct LessonRecipe: Equatable {
    var data: String?
    /// The layers `model new` + `layer add` built, as `describe` writes them; nil when unknown.
    var layers: [String]? = nil
    var optimizer: OptimizerKind?
    /// The step whose commands last changed the model.
    var builtAt: Int?

    /// What the lesson has built after the commands of steps 0 through `step` (an exercise step
    /// counts with its model answer, which is what the later steps assume).
    static func assumed(by lesson: Lesson, through step: Int) -> LessonRecipe {
        var r = LessonRecipe()
        for i in 0...min(step, lesson.steps.count - 1) {
            let s = lesson.steps[i]
            for command in s.commands + (s.exercise?.solution ?? []) where !command.expectsRefusal {
                guard let lines = try? splitCommands(command.text) else { continue }
                for words in lines { r.read(words, step: i) }
            }
        }
        return r
    }

    private mutating func read(_ w: [String], step: Int) {
        func word(_ i: Int) -> String? { i < w.count ? w[i] : nil }
        switch (word(0), word(1)) {
        case ("data", "load"):
            data = word(2)
        case ("model", "new"):
            layers = []
            builtAt = step
        case ("model", "load"), ("load", _), ("session", _), ("ensemble", _):
            layers = nil
            builtAt = step
        case ("layer", "add"):
            builtAt = step
            switch word(2) {
            case "dense":
                guard let units = word(3).flatMap({ Int($0) }), let a = word(4).flatMap(Activation.named) else { layers = nil; return }
                layers?.append(Self.describe(.dense(units: units, activation: a)))
            case "dropout":
                guard let k = word(3).flatMap({ Float($0) }) else { layers = nil; return }
                layers?.append(Self.describe(.dropout(keepProb: k)))
            default:
                layers = nil
            }
        case ("layer", _):
            layers = nil
            builtAt = step
        case ("optimizer", let name?):
            optimizer = OptimizerKind(rawValue: name)
        default:
            break
        }
    }

    /// What the lab holds that differs from this recipe, one sentence each (empty: nothing known differs).
    func differences(from lab: Lab, at step: Int) -> [String] {
        let language = lab.settings.language
        func say(_ key: LessonMessage, _ values: Any...) -> String { key.text(values, language: language) }
        var out: [String] = []
        let back = builtAt.map { $0 < step ? say(.recipeBuiltAt, $0 + 1) : "" } ?? ""
        let have = lab.model.layers.map { Self.describe($0.kind) }
        if let layers, layers != have {
            let mine = Self.hidden(have), assumed = Self.hidden(layers)
            let weighted = have.filter { $0.hasPrefix("dense") }.count, assumedWeighted = layers.filter { $0.hasPrefix("dense") }.count
            if Set(mine) != Set(assumed), !mine.isEmpty, !assumed.isEmpty {
                let a = Set(mine).sorted().joined(separator: ", "), b = Set(assumed).sorted().joined(separator: ", ")
                out.append(say(.recipeHiddenDiffers, a, b, back))
            } else if weighted != assumedWeighted {
                out.append(say(.recipeLayerCountDiffers, weighted, assumedWeighted, back))
            } else {
                out.append(say(.recipeModelDiffers, back))
            }
        }
        if let optimizer, optimizer != lab.optimizerSpec.kind {
            out.append(say(.recipeOptimizerDiffers, lab.optimizerSpec.kind.rawValue, optimizer.rawValue))
        }
        if let data, let mine = lab.data?.info.name, mine != data {
            out.append(say(.recipeDataDiffers, mine, data))
        }
        return out
    }

    /// "dense 128 relu", "dropout", "add": what is compared (an activation's settings, such as
    /// leaky_relu's alpha, are not: the reader does not follow them).
    static func describe(_ kind: LayerSpec.Kind) -> String {
        switch kind {
        case .dense(let units, let a): "dense \(units) \(a.name)"
        case .dropout: "dropout"
        default: kind.typeName
        }
    }

    /// The hidden layers' activations (every dense layer's but the last).
    static func hidden(_ layers: [String]) -> [String] {
        Array(layers.filter { $0.hasPrefix("dense") }.compactMap { $0.split(separator: " ").last.map(String.init) }.dropLast())
    }
}
