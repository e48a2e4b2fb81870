// train and eval: the two commands whose figures a session records and a replay compares.

import LabCore
import LabKit
import LabText
import NNData
import NNEngine
import TermCharts

package enum TrainCommands {
    package static let commands: [CommandSpec] = [
        CommandSpec("train", aliases: ["fit"], group: .training, summary: "Train the model on the training split",
                    details: "Mini-batches drawn in a new random order every epoch. A progress bar shows the batch, cost, "
                        + "speed and time left; each epoch prints its cost and its training and validation accuracy. "
                        + "Ctrl-C stops after the current batch and keeps what was learned. keep_prob= overrides every "
                        + "dropout layer for this run; lr= the optimizer's learning rate.",
                    examples: ["train epochs=15 batch=100", "train epochs=5 keep_prob=0.7", "train epochs=2000 batch=4 as sigmoid"],
                    arguments: [RunTraining.epochs.spec, RunTraining.batch.spec, RunTraining.keepProb.spec,
                                RunTraining.learningRate.spec, runName.spec],
                    changesState: true, handler: train),
        CommandSpec("eval", aliases: ["evaluate"], group: .training, summary: "Accuracy and cost on a split, with dropout off",
                    details: "Evaluation always runs with keep_prob = 1: every unit takes part, so the figure measures the "
                        + "whole trained network, and it is the same every time. (Dropping units is a training device only.)",
                    examples: ["eval", "eval validation", "eval test confusion"],
                    arguments: [split.spec, confusion.spec, refusedKeepProb.spec],
                    changesState: true, handler: eval),
    ]

    /// `as NAME`: the run's name.
    static let runName = TypedArgument<String>.name("as", default: "run1, run2, ...", keyword: true,
                                               "name the run (for `plot`, `runs`); an earlier run of that name is replaced")
    /// `eval`'s split, test unless named.
    static let split = TypedArgument<Split>.positional("split", choices: Split.evaluationOrder, required: false, default: "test",
                                                  "which split")
    static let confusion = TypedFlag.named("confusion", "also draw the confusion matrix")
    /// Declared so that `eval keep_prob=0.5` gets its own explanation instead of "no such option".
    static let refusedKeepProb = TypedArgument<String>.text("keep_prob", "(refused: evaluation always keeps every unit)")

    // MARK: - train

    static func train(_ lab: Lab, _ inv: Invocation) throws {
        let net = try lab.requireNetwork()
        let data = try lab.requireData()
        do { _ = try lab.model.resolve(inputWidth: data.featureCount) } catch {
            throw ShellError(error.localized.message, hint: loc(.trainBranchesHint))
        }
        let options = try RunTraining.options(lab, inv)
        let name = inv[runName] ?? lab.nextRunName()
        let optimizer = lab.optimizer(for: net)
        let rate = NumberFormat.typed(options.learningRate ?? optimizer.learningRate)
        lab.console.write(loc(.trainingHeader, name, options.epochs, NumberFormat.grouped(data.train.count), options.epochs == 1 ? "" : "s")
                          + (options.keepProb.map { loc(.trainSettingsKeepProb, options.batchSize, optimizer.spec.kind.rawValue, rate, NumberFormat.typed($0)) }
                             ?? loc(.trainSettings, options.batchSize, optimizer.spec.kind.rawValue, rate)))
        if let note = lab.replacementNote(for: name) { lab.console.write(lab.console.style.dim(note)) }
        let result = RunTraining.train(lab, name: name, network: net, optimizer: optimizer, generator: lab.generator,
                                       data: data, options: options, echo: .epochs, shouldStop: lab.shouldStop)
        lab.keep(Run(name: name, recipe: recipe(lab, options), options: options, result: result,
                     model: lab.model, optimizer: lab.optimizerSpec, dataName: data.info.name))
    }

    /// "epoch 3  cost 0.2113  train 0.9412  validation 0.9501": in English the figure line a session
    /// records, in the learner's language on screen ("에폭 3  비용 0.2113  학습 0.9412  검증 0.9501").
    static func epochLine(_ e: EpochReport, language: Language = .en) -> String {
        func word(_ key: Message) -> String { key.text([], language: language) }
        var s = "\(word(.epochWord)) \(e.epoch)  \(word(.columnCost)) \(NumberFormat.fourDecimals(e.cost))  "
            + "\(word(.columnTrain)) \(NumberFormat.fourDecimals(e.trainAccuracy))"
        if let v = e.validationAccuracy { s += "  \(word(.columnValidation)) \(NumberFormat.fourDecimals(v))" }
        return s
    }

    /// "784-256-256-10 relu/softmax, xavier, adam(lr=0.001), batch 100"
    static func recipe(_ lab: Lab, _ options: TrainingOptions) -> String {
        recipe(model: lab.model, optimizer: lab.optimizerSpec, options)
    }

    /// The recipe of a run trained from `model` and `optimizer` (a sweep's entries differ from the lab's).
    static func recipe(model: ModelSpec, optimizer: OptimizerSpec, _ options: TrainingOptions) -> String {
        // A run's keep_prob= replaces every dropout layer's: the recipe shows what trained.
        var overridden = false
        let kinds = model.layers.map { layer -> String in
            if case .dropout = layer.kind, let k = options.keepProb {
                overridden = true
                return "dropout \(NumberFormat.typed(k))"
            }
            return LayerCommands.kindText(layer.kind)
        }.joined(separator: ", ")
        return "\(kinds); init \(model.initializer.description); \(optimizer.kind.rawValue) lr \(NumberFormat.typed(options.learningRate ?? optimizer.learningRate)); batch \(options.batchSize)"
            + (options.keepProb.map { overridden ? "" : "; keep_prob \(NumberFormat.typed($0))" } ?? "")
    }

    // MARK: - eval

    static func eval(_ lab: Lab, _ inv: Invocation) throws {
        if let k = inv[refusedKeepProb] {
            throw ShellError(loc(.evalKeepsEveryUnit, k), hint: loc(.evalKeepsEveryUnitHint, k))
        }
        let net = try lab.requireNetwork()
        let data = try lab.requireData()
        let split = inv[Self.split] ?? .test
        guard let set = data.examples(split) else {
            throw ShellError(loc(.noValidationSplit, data.info.name), hint: loc(.useEvalTest))
        }
        if lab.results.modelOrigin == .drawn {
            lab.console.warn(loc(.notTrainedYet))
        }
        let e = Evaluator.evaluate(net, on: set)
        let line = "eval \(split)  accuracy \(NumberFormat.fourDecimals(e.accuracy))  cost \(NumberFormat.fourDecimals(e.cost))"
        lab.recordFigure(line)
        lab.results.lastEvaluation = (split, e)
        let credited = lab.results.runs.lastIndex(where: { $0.comparison == nil })
        if let i = credited {
            lab.results.runs[i].evaluations[split] = e
            lab.results.runs[i].lastEvaluatedSplit = split
        }
        lab.console.record(.evaluation(run: credited.map { lab.results.runs[$0].name }, split: split.rawValue, e))
        let correct = e.confusion.indices.reduce(0) { $0 + e.confusion[$1][$1] }
        lab.console.write(loc(.evalLine, loc(split.message), lab.console.style.bold(NumberFormat.fourDecimals(e.accuracy)),
                              NumberFormat.grouped(correct), NumberFormat.grouped(e.count), NumberFormat.fourDecimals(e.cost)))
        if inv[confusion] {
            let labels = data.info.classNames.count == e.confusion.count ? data.info.classNames : e.confusion.indices.map(String.init)
            lab.console.write(ConfusionMatrix(counts: e.confusion, labels: labels).render(lab.console.style))
        }
    }
}

/// Lets a progress bar redraw at most ten times a second.
struct ProgressThrottle {
    private var last = ContinuousClock.now - .seconds(1)
    mutating func due() -> Bool {
        let now = ContinuousClock.now
        guard now - last >= .milliseconds(100) else { return false }
        last = now
        return true
    }
}
