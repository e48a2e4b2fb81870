// set: the defaults every `train` starts from (epochs, batch, keep_prob, lr) and the language.
//
// The keys are one closed set, SettingKey: the command's declaration (its options, the words `key`
// accepts), the checks, the examples in errors and what `set` alone prints all come from it.
// A bad value leaves every setting as it was.

import LabCore
import LabKit
import LabText
import NNEngine

/// A key that `set` changes.
enum SettingKey: String, CaseIterable {
    case epochs, batch, keepProb = "keep_prob", lr, lang

    /// What the value must be.
    var kind: ValueKind {
        switch self {
        case .epochs: .integer(Limits.epochs)
        case .batch: .integer(Limits.batchSize)
        case .keepProb: .number(Limits.keepProb)
        case .lr: .number(Limits.learningRate)
        case .lang: .word(Language.allCases.map(\.rawValue))
        }
    }

    /// The option's line in `help set`.
    var help: String {
        switch self {
        case .epochs: "default epochs per run"
        case .batch: "default batch size"
        case .keepProb: "default keep_prob override (none: each dropout layer's own)"
        case .lr: "learning rate override (none: the optimizer's)"
        case .lang: "language of lessons and help"
        }
    }

    /// `KEY=VALUE`, read back as the text given (the handler checks `set KEY VALUE` the same way).
    var argument: TypedArgument<String> {
        TypedArgument(.option(rawValue, kind, help), read: { $0 })
    }

    /// A value to show in "for example `set KEY VALUE`".
    var example: String {
        switch self {
        case .epochs: String(TrainingOptions().epochs)
        case .batch: String(TrainingOptions().batchSize)
        case .keepProb: "0.7"
        case .lr: "0.001"
        case .lang: "ko"
        }
    }
}

enum SetCommand {
    static let spec = CommandSpec(
        "set", group: .training, summary: "Show or change defaults (epochs, batch, keep_prob, lr, lang)",
        details: "`set` alone lists them. `set epochs=5 batch=50` or `set lang ko`. `train` options override them for one run.",
        examples: ["set", "set epochs=5 batch=50", "set lang ko"],
        arguments: [key.spec, value.spec] + SettingKey.allCases.map(\.argument.spec),
        changesState: true, handler: set)

    /// `set KEY VALUE`: the key, and its value as typed.
    static let key = TypedArgument<SettingKey>.positional("key", choices: SettingKey.allCases, required: false, "a setting")
    package static let value = TypedArgument<String>.positional("value", required: false, "its new value")

    static func set(_ lab: Lab, _ inv: Invocation) throws {
        var changes: [(SettingKey, String)] = []
        if let key = inv[Self.key] {
            guard let value = inv[Self.value] else {
                throw ShellError(loc(.setNeedsValue, key.rawValue), hint: loc(.forExample, "`set \(key.rawValue) \(key.example)`"))
            }
            changes.append((key, value))
        }
        for key in SettingKey.allCases { if let v = inv[key.argument] { changes.append((key, v)) } }
        if changes.isEmpty {
            lab.console.write(summary(lab))
            return
        }
        // Check everything first, then change.
        let parser = Parser(commands: [])
        var d = lab.settings.defaults, language = lab.settings.language
        for (key, value) in changes {
            let checked = try parser.check(value, against: .option(key.rawValue, key.kind, key.help), in: "set")
            switch key {
            case .epochs: d.epochs = try typed(checked, key)
            case .batch: d.batchSize = try typed(checked, key)
            case .keepProb: d.keepProb = Float(try typed(checked, key) as Double)
            case .lr: d.learningRate = Float(try typed(checked, key) as Double)
            case .lang: language = try typed(checked, key)
            }
        }
        lab.settings.defaults = d
        lab.settings.language = language
        lab.console.write(changes.map { "\($0.0.rawValue) \($0.1)" }.joined(separator: ", "))
    }

    /// "epochs 15   batch 100   keep_prob each dropout layer's own   lr the optimizer's (0.001)   lang en"
    static func summary(_ lab: Lab) -> String {
        let d = lab.settings.defaults
        let keep = d.keepProb.map { NumberFormat.typed($0) } ?? loc(.setKeepOwn)
        let lr = d.learningRate.map { NumberFormat.typed($0) } ?? loc(.setLrOptimizers, NumberFormat.typed(lab.optimizerSpec.learningRate))
        return "epochs \(d.epochs)   batch \(d.batchSize)   keep_prob \(keep)   lr \(lr)   lang \(lab.settings.language.rawValue)"
    }

    /// A value the parser has already checked, as its type (Int, Double, Language).
    private static func typed<T: LosslessStringConvertible>(_ text: String, _ key: SettingKey) throws(ShellError) -> T {
        guard let value = T(text) else { throw ShellError(loc(.setInvalidValue, key.rawValue, text)) }
        return value
    }
}
