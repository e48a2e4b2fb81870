// optimizer and seed: how the weights move and where randomness starts. `init` is in
// InitCommand.swift, `set` in SetCommand.swift.

import LabCore
import LabKit
import LabText
import NNEngine

package enum SettingsCommands {
    package static let commands: [CommandSpec] = [
        InitCommand.spec,
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
                        guard let n = inv[seedValue] else { throw ShellError(loc(.seedNeedsNumber), hint: loc(.forExample, "`seed 777`")) }
                        lab.reseed(UInt64(n))
                        lab.console.write(loc(.seedSet, lab.seed))
                    }),
        SetCommand.spec,
    ]

    /// `seed N`.
    static let seedValue = TypedArgument<Int>.positional("n", 0...Int.max, "a whole number from 0 to 9223372036854775807")
    /// `optimizer NAME`.
    static let optimizerKind = TypedArgument<OptimizerKind>.positional("name", choices: OptimizerKind.allCases, "which optimizer")
    /// `optimizer NAME lr=X`.
    static let optimizerRate = TypedArgument<Float>.option("lr", Limits.learningRate, default: "0.01 (sgd family), 0.001 (others)",
                                                           "learning rate")

    /// Every optimizer setting as an option, with its Keras default and the optimizers that use it.
    static let hyperParameterArguments: [(setting: OptimizerSetting, argument: TypedArgument<Float>)] = {
        var seen = Set<OptimizerSetting>(), arguments: [(OptimizerSetting, TypedArgument<Float>)] = []
        for kind in OptimizerKind.allCases {
            for h in kind.hyperParameters where seen.insert(h.key).inserted {
                let users = OptimizerKind.allCases.filter { $0.hyperParameters.contains { $0.key == h.key } }.map(\.rawValue)
                arguments.append((h.key, .option(h.key.rawValue, Limits.setting(h.key),
                                                 default: NumberFormat.typed(h.value), "\(users.joined(separator: ", ")): \(h.meaning)")))
            }
        }
        return arguments
    }()

    // MARK: - optimizer

    static func optimizer(_ lab: Lab, _ inv: Invocation) throws {
        guard let kind = inv[optimizerKind] else {
            throw ShellError(loc(.optimizerNeedsName), hint: loc(.optimizerOneOf, OptimizerKind.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        var settings: [OptimizerSetting: Float] = [:]
        for (setting, argument) in hyperParameterArguments {
            guard let value = inv[argument] else { continue }
            guard kind.hyperParameters.contains(where: { $0.key == setting }) else {
                let keys = kind.hyperParameters.map { "\($0.key.rawValue)=" }
                throw ShellError(loc(.settingNotFor, setting.rawValue, kind.rawValue),
                                 hint: keys.isEmpty ? loc(.optimizerTakesOnlyLr, kind.rawValue) : loc(.optimizerTakes, kind.rawValue, keys.joined(separator: " ")))
            }
            settings[setting] = value
        }
        lab.optimizerSpec = OptimizerSpec(kind, learningRate: inv[optimizerRate], settings: settings)
        lab.resetOptimizer()
        lab.console.write(loc(.optimizerChosen, lab.optimizerSpec.description))
    }
}
