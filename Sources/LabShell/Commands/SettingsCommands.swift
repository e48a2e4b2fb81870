// init, optimizer, seed: how the weights start and how they move. `set` is in SetCommand.swift.

import LabKit
import NNEngine

enum SettingsCommands {
    static let initParameters: [ArgumentSpec] = [
        .option("stddev", .number(above: 0, atLeast: nil, atMost: 100), default: "1", "normal, truncated_normal: standard deviation"),
        .option("limit", .number(above: 0, atLeast: nil, atMost: 100), default: "1", "uniform: draws lie in (-limit, limit)"),
        .option("value", .number(above: nil, atLeast: -100, atMost: 100), default: "0.1", "constant: the value"),
        .option("bias", .word(["zeros", "same"]), default: "zeros",
                "biases start at zero, or (`same`) are drawn like the weights (normal, uniform, constant)"),
        .option("epochs", .integer(1...1000), default: "1", "rbm: pre-training epochs per layer"),
        .option("lr", .number(above: 0, atLeast: nil, atMost: 10), default: "0.1", "rbm: pre-training learning rate"),
    ]

    static let commands: [CommandSpec] = [
        CommandSpec("init", group: .model, summary: "Choose how weights start, and draw them",
                    details: "Without LAYER every layer uses the initializer; with a layer number or name only that one. "
                        + "The weights are drawn at once from the session's seeded generator. "
                        + "`init rbm` pre-trains each layer as a restricted Boltzmann machine on the training data (needs data), "
                        + "after which `train` fine-tunes the whole net.",
                    examples: ["init xavier", "init 2 he", "init normal stddev=0.01", "init rbm epochs=1", "init zeros"],
                    arguments: [
                        .positional("initializer", .text, completion: .choices(Initializer.allNames),
                                    "zeros, constant, normal, truncated_normal, uniform, xavier, xavier_normal, he, he_uniform, lecun, rbm"),
                        .positional("layer", .text, required: false, default: "every layer", completion: .layerRefs,
                                    "one layer's number or name"),
                    ] + initParameters,
                    changesState: true, handler: initialize),
        CommandSpec("optimizer", group: .training, summary: "Choose the optimizer and its settings",
                    details: OptimizerKind.allCases.map { "\($0.rawValue): \($0.summary)" }.joined(separator: "\n"),
                    examples: ["optimizer adam lr=0.001", "optimizer sgd lr=0.1", "optimizer momentum lr=0.01 momentum=0.9"],
                    arguments: [optimizerKind.spec, optimizerRate.spec] + hyperParameterArguments.map(\.argument.spec),
                    changesState: true, handler: optimizer),
        CommandSpec("seed", group: .training, summary: "Seed the random generator (init, shuffling, dropout)",
                    details: "Every random draw comes from one generator; the same seed and the same commands give the same numbers.",
                    examples: ["seed 777"],
                    arguments: [seedValue.spec],
                    changesState: true, handler: { lab, inv in
                        guard let n = inv[seedValue] else { throw ShellError("seed needs a number", hint: "for example `seed 777`") }
                        lab.reseed(UInt64(n))
                        lab.console.write("seed \(lab.seed): weights, shuffling and dropout draw from here on")
                    }),
        SetCommand.spec,
    ]

    /// `seed N`.
    static let seedValue = TypedArgument<Int>.positional("n", 0...Int.max, "any whole number")
    /// `optimizer NAME`.
    static let optimizerKind = TypedArgument<OptimizerKind>.positional("name", choices: OptimizerKind.allCases, "which optimizer")
    /// `optimizer NAME lr=X`.
    static let optimizerRate = TypedArgument<Float>.option("lr", above: 0, atMost: 100, default: "0.01 (sgd family), 0.001 (others)",
                                                           "learning rate")

    /// Every optimizer setting as an option, with its Keras default and the optimizers that use it.
    static let hyperParameterArguments: [(setting: OptimizerSetting, argument: TypedArgument<Float>)] = {
        var seen = Set<OptimizerSetting>(), arguments: [(OptimizerSetting, TypedArgument<Float>)] = []
        for kind in OptimizerKind.allCases {
            for h in kind.hyperParameters where seen.insert(h.key).inserted {
                let users = OptimizerKind.allCases.filter { $0.hyperParameters.contains { $0.key == h.key } }.map(\.rawValue)
                arguments.append((h.key, .option(h.key.rawValue, above: h.key == .epsilon ? 0 : nil, atLeast: 0, atMost: 1_000,
                                                 default: NumberFormat.typed(h.value), "\(users.joined(separator: ", ")): \(h.meaning)")))
            }
        }
        return arguments
    }()

    // MARK: - init

    static func initialize(_ lab: Lab, _ inv: Invocation) throws {
        var name = inv.string("initializer")!, layerRef = inv.string("layer")
        if !Initializer.allNames.contains(name), let other = layerRef, Initializer.allNames.contains(other) {
            (name, layerRef) = (other, name)
        }
        guard Initializer.allNames.contains(name) else {
            throw ShellError("unknown initializer '\(name)'" + didYouMean(name, Initializer.allNames),
                             hint: "choose one of \(Initializer.allNames.joined(separator: ", "))")
        }
        let weights = try initializer(name, inv)
        var biases = Initializer.zeros
        if inv.string("bias") == "same" {
            switch weights {
            case .normal, .truncatedNormal, .uniform, .constant, .zeros: biases = weights
            default: throw ShellError("bias=same needs a fixed distribution (normal, uniform, constant), not \(name)",
                                      hint: "\(name) scales by fan-in and fan-out, which biases do not have")
            }
        }
        let choice = InitializerChoice(weights: weights, biases: biases)
        var indices: [Int]?
        if let layerRef { indices = [try LayerCommands.layerIndex(layerRef, in: lab.model)] }
        if let indices, !lab.model.layers[indices[0]].kind.hasWeights {
            throw ShellError("layer \(indices[0] + 1) (\(lab.model.layers[indices[0]].name)) has no weights to initialize",
                             hint: "pick a dense, rnn or lstm layer")
        }
        if case .rbm(let epochs, let lr) = weights {
            try pretrain(lab, choice: choice, indices: indices, epochs: epochs, lr: lr)
            return
        }
        lab.setInitializer(choice, layers: indices)
        lab.reinitialize(layers: indices)
        let scope = indices.map { "layer \($0[0] + 1) (\(lab.model.layers[$0[0]].name))" } ?? "every layer"
        lab.console.write("\(scope) starts from \(choice.description)" + (lab.network == nil ? " (drawn once data and layers are in place)" : ""))
    }

    static func initializer(_ name: String, _ inv: Invocation) throws(ShellError) -> Initializer {
        let given = ["stddev", "limit", "value", "epochs", "lr"].filter { inv.isGiven($0) }
        let allowed: [String]
        let result: Initializer
        switch name {
        case "zeros": allowed = []; result = .zeros
        case "constant": allowed = ["value"]; result = .constant(inv.float("value") ?? 0.1)
        case "normal": allowed = ["stddev"]; result = .normal(stddev: inv.float("stddev") ?? 1)
        case "truncated_normal": allowed = ["stddev"]; result = .truncatedNormal(stddev: inv.float("stddev") ?? 1)
        case "uniform": allowed = ["limit"]; result = .uniform(limit: inv.float("limit") ?? 1)
        case "xavier": allowed = []; result = .xavierUniform
        case "xavier_normal": allowed = []; result = .xavierNormal
        case "he": allowed = []; result = .heNormal
        case "he_uniform": allowed = []; result = .heUniform
        case "lecun": allowed = []; result = .lecunNormal
        default: allowed = ["epochs", "lr"]; result = .rbm(epochs: inv.int("epochs") ?? 1, learningRate: inv.float("lr") ?? 0.1)
        }
        if let extra = given.first(where: { !allowed.contains($0) }) {
            throw ShellError("\(extra)= does not apply to \(name)",
                             hint: allowed.isEmpty ? "\(name) takes no settings" : "\(name) takes \(allowed.map { "\($0)=" }.joined(separator: " "))")
        }
        return result
    }

    static func pretrain(_ lab: Lab, choice: InitializerChoice, indices: [Int]?, epochs: Int, lr: Float) throws {
        let net = try lab.requireNetwork()
        let data = try lab.requireData()
        lab.setInitializer(choice, layers: indices)
        lab.reinitialize(layers: indices)
        lab.console.write("RBM pre-training: \(epochs) epoch\(epochs == 1 ? "" : "s") per layer, lr \(NumberFormat.typed(lr)), on \(NumberFormat.grouped(data.train.count)) examples")
        let reports = RBMPretraining(epochs: epochs, learningRate: lr, batchSize: lab.settings.defaults.batchSize)
            .run(on: net, data: data.train, generator: lab.generator, shouldStop: lab.shouldStop) { report in
                let line = "rbm \(report.layer) epoch \(report.epoch)  reconstruction error \(NumberFormat.fourDecimals(report.reconstructionError))"
                lab.console.write("  " + line)
                lab.recordFigure(line)
            }
        lab.resetOptimizer()
        if !reports.isEmpty { lab.results.modelOrigin = .pretrained }
        lab.console.write(reports.isEmpty ? "no hidden dense layer to pre-train (the output layer is trained by `train`)"
                                          : "pre-trained \(Set(reports.map(\.layer)).count) layer(s); now `train` fine-tunes the whole net")
    }

    // MARK: - optimizer

    static func optimizer(_ lab: Lab, _ inv: Invocation) throws {
        guard let kind = inv[optimizerKind] else {
            throw ShellError("optimizer needs a name", hint: "one of " + OptimizerKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        var settings: [OptimizerSetting: Float] = [:]
        for (setting, argument) in hyperParameterArguments {
            guard let value = inv[argument] else { continue }
            guard kind.hyperParameters.contains(where: { $0.key == setting }) else {
                let keys = kind.hyperParameters.map { "\($0.key.rawValue)=" }
                throw ShellError("\(setting.rawValue)= does not apply to \(kind.rawValue)",
                                 hint: keys.isEmpty ? "\(kind.rawValue) takes only lr=" : "\(kind.rawValue) takes lr= \(keys.joined(separator: " "))")
            }
            settings[setting] = value
        }
        lab.optimizerSpec = OptimizerSpec(kind, learningRate: inv[optimizerRate], settings: settings)
        lab.resetOptimizer()
        lab.console.write("optimizer \(lab.optimizerSpec.description)")
    }
}
