// init: choose how weights start, and draw them (or pre-train them as RBMs).
//
// Initializer names are a closed set (InitializerName, in the order `Initializer.allNames` lists
// them); each name takes only its own settings (stddev=, limit=, value=, epochs=, lr=), and a
// setting given to another is an error naming what the initializer takes.

import LabCore
import LabKit
import LabText
import NNEngine

/// The initializers `init` knows by name.
enum InitializerName: String, CaseIterable {
    case zeros, constant, normal
    case truncatedNormal = "truncated_normal"
    case uniform, xavier
    case xavierNormal = "xavier_normal"
    case he
    case heUniform = "he_uniform"
    case lecun, rbm
}

/// `bias=`: biases start at zero, or are drawn like the weights.
enum BiasStart: String, CaseIterable {
    case zeros, same
}

enum InitCommand {
    static let spec = CommandSpec(
        "init", group: .model, summary: "Choose how weights start, and draw them",
        details: "Without LAYER every layer uses the initializer; with a layer number or name only that one. "
            + "The weights are drawn at once from the session's seeded generator. "
            + "`init rbm` pre-trains each layer as a restricted Boltzmann machine on the training data (needs data), "
            + "after which `train` fine-tunes the whole net.",
        examples: ["init xavier", "init 2 he", "init normal stddev=0.01", "init rbm epochs=1", "init zeros"],
        arguments: [initializerWord.spec, layer.spec, stddev.spec, limit.spec, value.spec, bias.spec,
                    rbmEpochs.spec, rbmRate.spec],
        changesState: true, handler: initialize)

    // MARK: - Arguments

    /// The initializer's name, checked by the handler (`init 2 he` puts the layer first).
    static let initializerWord = TypedArgument<String>.positional(
        "initializer", completion: .choices(Initializer.allNames),
        "zeros, constant, normal, truncated_normal, uniform, xavier, xavier_normal, he, he_uniform, lecun, rbm")
    static let layer = TypedArgument<String>.positional("layer", required: false, default: "every layer", completion: .layerRefs,
                                                        "one layer's number or name")
    static let stddev = TypedArgument<Float>.option("stddev", Limits.initStddev, default: "1", "normal, truncated_normal: standard deviation")
    static let limit = TypedArgument<Float>.option("limit", Limits.initLimit, default: "1", "uniform: draws lie in (-limit, limit)")
    package static let value = TypedArgument<Float>.option("value", Limits.initConstant, default: "0.1", "constant: the value")
    static let bias = TypedArgument<BiasStart>(
        .option("bias", .word(BiasStart.allCases.map(\.rawValue)), default: "zeros",
                "biases start at zero, or (`same`) are drawn like the weights (normal, uniform, constant)"),
        read: { BiasStart(rawValue: $0) })
    static let rbmEpochs = TypedArgument<Int>.option("epochs", Limits.rbmEpochs, default: "1", "rbm: pre-training epochs per layer")
    static let rbmRate = TypedArgument<Float>.option("lr", Limits.rbmLearningRate, default: "0.1", "rbm: pre-training learning rate")
    /// The settings `init` takes; each applies to some initializers only.
    static let settings: [ArgumentSpec] = [stddev.spec, limit.spec, value.spec, rbmEpochs.spec, rbmRate.spec]

    // MARK: - Handlers

    static func initialize(_ lab: Lab, _ inv: Invocation) throws {
        // `init 2 he` and `init he 2` both work: the initializer is whichever word names one.
        var word = try inv.required(initializerWord), layerRef = inv[layer]
        if InitializerName(rawValue: word) == nil, let other = layerRef, InitializerName(rawValue: other) != nil {
            (word, layerRef) = (other, word)
        }
        guard let name = InitializerName(rawValue: word) else {
            throw ShellError(loc(.initUnknown, word) + didYouMean(word, Initializer.allNames),
                             hint: loc(.initChooseOne, Initializer.allNames.joined(separator: ", ")))
        }
        let weights = try initializer(name, inv)
        var biases = Initializer.zeros
        if inv[bias] == .same {
            switch weights {
            case .normal, .truncatedNormal, .uniform, .constant, .zeros: biases = weights
            default: throw ShellError(loc(.initBiasSame, name.rawValue), hint: loc(.initBiasSameWhy, name.rawValue))
            }
        }
        let choice = InitializerChoice(weights: weights, biases: biases)
        var indices: [Int]?
        if let layerRef { indices = [try LayerCommands.layerIndex(layerRef, in: lab.model)] }
        if let indices, !lab.model.layers[indices[0]].kind.hasWeights {
            throw ShellError(loc(.initNoWeights, indices[0] + 1, lab.model.layers[indices[0]].name), hint: loc(.initPickWeighted))
        }
        if case .rbm(let epochs, let lr) = weights {
            try pretrain(lab, choice: choice, indices: indices, epochs: epochs, lr: lr)
            return
        }
        lab.setInitializer(choice, layers: indices)
        lab.reinitialize(layers: indices)
        let scope = indices.map { loc(.initOneLayer, $0[0] + 1, lab.model.layers[$0[0]].name) } ?? loc(.initEveryLayer)
        lab.console.write(loc(.initStarts, scope, choice.description) + (lab.network == nil ? loc(.initDrawnLater) : ""))
    }

    /// The initializer `name` with the settings `inv` gives (each must apply to it).
    static func initializer(_ name: InitializerName, _ inv: Invocation) throws(ShellError) -> Initializer {
        let given = settings.map(\.name).filter { inv.isGiven($0) }
        let allowed: [String]
        let result: Initializer
        switch name {
        case .zeros: allowed = []; result = .zeros
        case .constant: allowed = ["value"]; result = .constant(inv[value] ?? 0.1)
        case .normal: allowed = ["stddev"]; result = .normal(stddev: inv[stddev] ?? 1)
        case .truncatedNormal: allowed = ["stddev"]; result = .truncatedNormal(stddev: inv[stddev] ?? 1)
        case .uniform: allowed = ["limit"]; result = .uniform(limit: inv[limit] ?? 1)
        case .xavier: allowed = []; result = .xavierUniform
        case .xavierNormal: allowed = []; result = .xavierNormal
        case .he: allowed = []; result = .heNormal
        case .heUniform: allowed = []; result = .heUniform
        case .lecun: allowed = []; result = .lecunNormal
        case .rbm: allowed = ["epochs", "lr"]; result = .rbm(epochs: inv[rbmEpochs] ?? 1, learningRate: inv[rbmRate] ?? 0.1)
        }
        if let extra = given.first(where: { !allowed.contains($0) }) {
            throw ShellError(loc(.settingNotFor, extra, name.rawValue),
                             hint: allowed.isEmpty ? loc(.initTakesNothing, name.rawValue)
                                                   : loc(.initTakes, name.rawValue, allowed.map { "\($0)=" }.joined(separator: " ")))
        }
        return result
    }

    static func pretrain(_ lab: Lab, choice: InitializerChoice, indices: [Int]?, epochs: Int, lr: Float) throws {
        let net = try lab.requireNetwork()
        let data = try lab.requireData()
        lab.setInitializer(choice, layers: indices)
        lab.reinitialize(layers: indices)
        lab.console.write(loc(.rbmStart, epochs, epochs == 1 ? "" : "s", NumberFormat.typed(lr), NumberFormat.grouped(data.train.count)))
        let reports = RBMPretraining(epochs: epochs, learningRate: lr, batchSize: lab.settings.defaults.batchSize)
            .run(on: net, data: data.train, generator: lab.generator, shouldStop: lab.shouldStop) { report in
                // The session records the English figure line; the learner reads it in their language.
                let values: [Any] = [report.layer, report.epoch, NumberFormat.fourDecimals(report.reconstructionError)]
                lab.console.write("  " + CommandMessage.rbmEpoch.text(values))
                lab.recordFigure(CommandMessage.rbmEpoch.text(values, language: .en))
            }
        lab.resetOptimizer()
        if !reports.isEmpty { lab.results.modelOrigin = .pretrained }
        lab.console.write(reports.isEmpty ? loc(.rbmNothing) : loc(.rbmDone, Set(reports.map(\.layer)).count))
    }
}
