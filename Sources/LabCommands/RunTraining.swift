// RunTraining: one training run as every command that trains shows and records it.
//
// `train` trains the lab's own network; `sweep` and `ensemble train` train networks of their own,
// one per entry or member. All three go through `RunTraining.train`, so a run looks the same
// wherever it came from: the progress bar while a person watches, epoch lines and figures (for
// `train`), TensorBoard event files while `tensorboard DIR` is on, machine-readable events, and a
// plain word about how the run ended. Keeping the run in `lab.results.runs` is `Lab.keep(_:)`: a new run
// with an existing name replaces the old one, because lessons reuse names.
//
// Not here: choosing what to train (the commands do that) or evaluating afterwards.

import LabCore
import LabKit
import LabText
import NNData
import NNEngine
import TermCharts

enum RunTraining {
    /// How much of a run to print: every epoch (`train`), or only the progress bar and problems
    /// (`sweep` and `ensemble`, which print one line per entry themselves).
    enum Echo {
        case epochs
        case quiet
    }

    /// Trains `network` for one run called `name` and returns what it produced. Epoch lines and
    /// figures are written when `echo` is `.epochs`; a stop or divergence is always said.
    static func train(_ lab: Lab, name: String, network: Network, optimizer: Optimizer, generator: SeededGenerator,
                      data: LoadedDataSet, options: TrainingOptions, echo: Echo,
                      shouldStop: () -> Bool) -> TrainingResult {
        let trainer = Trainer(network: network, optimizer: optimizer, generator: generator)
        // A replay or recovery of a run the learner stopped stops after the same batch.
        let planned = lab.session.plannedStops.first { $0.run == (echo == .epochs ? nil : name) }
        var position = (epoch: 0, batch: 0)
        let stopNow: () -> Bool = {
            if let planned, position.epoch == planned.epoch, position.batch == planned.batch { return true }
            return shouldStop()
        }
        let printEvery = max(1, options.epochs / 20)
        var progress = ProgressThrottle()
        var logProblem: String?
        func log(_ body: (TensorBoardLog) throws -> Void) {
            guard let tb = lab.tensorboard, logProblem == nil else { return }
            do { try body(tb) } catch { logProblem = Interpreter.describe(error).0 }
        }
        log { try $0.begin(run: name) }
        let progressWords = ProgressLine.Words(epoch: loc(.progressEpoch), cost: loc(.progressCost), rate: loc(.progressRate), eta: loc(.progressETA))
        let result = trainer.train(on: data.train, validation: data.validation, options: options, shouldStop: stopNow) { event in
            switch event {
            case .batch(let b):
                position = (b.epoch, b.batch)
                log { try $0.batch(b) }
                guard lab.console.showsProgress, progress.due() else { break }
                var line = ProgressLine(epoch: b.epoch, epochs: b.epochs, step: b.batch, steps: b.batchesPerEpoch,
                                        cost: Double(b.runningCost), samplesPerSecond: b.samplesPerSecond, etaSeconds: b.secondsLeft)
                line.words = progressWords
                lab.console.status(line.render(lab.console.style))
            case .epoch(let e):
                lab.console.record(.epoch(run: name, e))
                log { try $0.epoch(e, network: network, learningRate: options.learningRate ?? optimizer.learningRate) }
                guard echo == .epochs, e.epoch % printEvery == 0 || e.epoch == options.epochs || e.epoch == 1 else { break }
                lab.console.clearStatus()
                // The session records the English figure line; the learner reads it in their language.
                lab.console.write(TrainCommands.epochLine(e, language: Language.current) + "  " + lab.console.style.dim(NumberFormat.oneDecimal(e.seconds) + " s"))
                lab.recordFigure(TrainCommands.epochLine(e))
            default: break
            }
        }
        lab.console.clearStatus()
        lab.tensorboard?.end()
        if let logProblem {
            lab.console.warn(loc(.tbLoggingStopped, logProblem))
        } else if let tb = lab.tensorboard, echo == .epochs {
            lab.console.write(lab.console.style.dim(loc(.tbLoggedTo, tb.directory.appendingPathComponent(name).path, tb.directory.path)))
        }
        // `train` keeps its figure lines as they always were; entries of a sweep or an ensemble say whose they are.
        let who = echo == .epochs ? "" : "\(name) "
        switch result.outcome {
        case .completed:
            lab.console.record(.trainingEnded(run: name, outcome: "completed"))
        case .stopped(let epoch, let batch):
            lab.console.record(.trainingEnded(run: name, outcome: "stopped"))
            lab.recordFigure(StopPoint(run: echo == .epochs ? nil : name, epoch: epoch, batch: batch).figure)
            lab.console.write(lab.console.style.paint(who + loc(.trainingStopped, batch, epoch), fg: .yellow))
        case .diverged(_, _, let message):
            lab.console.record(.trainingEnded(run: name, outcome: "diverged"))
            lab.recordFigure(who + "diverged: \(message)")
            lab.console.warn(who + loc(.trainingDiverged, message))
        }
        return result
    }

    // MARK: - Arguments

    /// `epochs=N`; the default is the lab's (`set epochs`), which starts at TrainingOptions'.
    static let epochs = TypedArgument<Int>.option("epochs", Limits.epochs, default: "set epochs (\(TrainingOptions().epochs))",
                                             "passes over the training data")
    /// `batch=N`; the default is the lab's (`set batch`), which starts at TrainingOptions'.
    static let batch = TypedArgument<Int>.option("batch", Limits.batchSize, default: "set batch (\(TrainingOptions().batchSize))",
                                            "examples per step")
    static let keepProb = TypedArgument<Float>.option("keep_prob", Limits.keepProb, default: "each dropout layer's own",
                                                 "keep probability for every dropout layer during this run")
    static let learningRate = TypedArgument<Float>.option("lr", Limits.learningRate, default: "the optimizer's",
                                                     "learning rate for this run")

    /// The training options of a run: the lab's defaults, the command's overrides, and the `--fast` cap.
    static func options(_ lab: Lab, _ inv: Invocation) throws(ShellError) -> TrainingOptions {
        var options = lab.settings.defaults
        if let e = inv[epochs] { options.epochs = e }
        if let b = inv[batch] { options.batchSize = b }
        if let k = inv[keepProb] { options.keepProb = k }
        if let lr = inv[learningRate] { options.learningRate = lr }
        if let cap = lab.settings.fast?.epochs { options.epochs = min(options.epochs, cap) }
        // Every layer keeps a few batch-sized buffers: refuse a batch that would not fit in memory.
        if let data = lab.data, let nodes = try? lab.model.resolve(inputWidth: data.featureCount, allowDangling: true) {
            let rows = min(options.batchSize, data.train.count)
            let megabytes = rows * nodes.reduce(data.featureCount) { $0 + 3 * $1.outputWidth } * 4 / 1_000_000
            guard megabytes <= 4_000 else {
                throw ShellError(loc(.trainBatchTooBig, rows, NumberFormat.grouped(megabytes)), hint: loc(.trainSmallerBatch))
            }
        }
        return options
    }

    /// "  cost 0.1234  train 0.9500  validation 0.9400  test 0.9300": the last epoch's figures of a sweep
    /// entry or ensemble member and its test accuracy, in English for the session's figure lines, in
    /// the learner's language on screen.
    static func figures(_ run: Run, language: Language = Language.current) -> String {
        func word(_ key: Message) -> String { key.text([], language: language) }
        let last = run.result.epochs.last
        var line = "  \(word(.columnCost)) \(last.map { NumberFormat.fourDecimals($0.cost) } ?? "-")"
            + "  \(word(.columnTrain)) \(last.map { NumberFormat.fourDecimals($0.trainAccuracy) } ?? "-")"
        if let v = last?.validationAccuracy { line += "  \(word(.columnValidation)) \(NumberFormat.fourDecimals(v))" }
        if let t = run.evaluations[.test] { line += "  \(word(.splitTest)) \(NumberFormat.fourDecimals(t.accuracy))" }
        return line
    }

    /// " (stopped)", " (diverged)", or "" for a run that completed.
    static func outcomeMark(_ outcome: TrainingOutcome, language: Language = Language.current) -> String {
        switch outcome {
        case .completed: ""
        case .stopped: ResultMessage.runStopped.text([], language: language)
        case .diverged: ResultMessage.runDiverged.text([], language: language)
        }
    }

    /// A fresh network of `spec` with starting weights drawn from `generator`, pre-trained first
    /// when the model's initializer is `rbm` (as `init rbm` does for the lab's own network).
    static func freshNetwork(_ lab: Lab, spec: ModelSpec, data: LoadedDataSet, generator: SeededGenerator,
                             shouldStop: () -> Bool) throws(ShellError) -> Network {
        let network: Network
        do { network = try Network(spec: spec, inputWidth: data.featureCount) } catch {
            throw ShellError(error.localized.message, hint: loc(.seeModelShow))
        }
        network.initialize(generator: generator)
        if let rbm = spec.layers.indices.lazy.compactMap({ i -> (Int, Float)? in
            if case .rbm(let epochs, let lr) = spec.initializer(ofLayer: i).weights { return (epochs, lr) }
            return nil
        }).first {
            RBMPretraining(epochs: rbm.0, learningRate: rbm.1, batchSize: lab.settings.defaults.batchSize)
                .run(on: network, data: data.train, generator: generator, shouldStop: shouldStop)
        }
        return network
    }
}

/// Ctrl-C for commands that train several runs in a row: the first press lets the current run
/// finish and stops the command after it; a second press also cuts the current run short.
final class StopAfterCurrent {
    private let lab: Lab
    /// What the first press says ("stopping after this entry").
    private let notice: ResultMessage
    /// True once the learner asked to stop.
    private(set) var requested = false

    init(_ lab: Lab, notice: ResultMessage) {
        self.lab = lab
        self.notice = notice
    }

    /// Polled by the trainer between batches.
    func poll() -> Bool {
        guard lab.shouldStop() else { return false }
        if requested { return true }
        requested = true
        lab.console.clearStatus()
        lab.console.write(lab.console.style.paint(loc(notice), fg: .yellow))
        return false
    }
}

extension Lab {
    /// Keeps a finished run; a run with the same name is replaced (lessons reuse names).
    func keep(_ run: Run) {
        results.runs.removeAll { $0.name == run.name }
        results.runs.append(run)
        if run.comparison == nil { results.modelOrigin = .trained }
    }

    /// "run3": the first runN not taken.
    func nextRunName() -> String {
        var n = results.runs.count + 1
        while results.runs.contains(where: { $0.name == "run\(n)" }) { n += 1 }
        return "run\(n)"
    }

    /// A dim note when `name` will replace an earlier run ("" when it is new).
    func replacementNote(for name: String) -> String? {
        results.runs.contains(where: { $0.name == name }) ? loc(.runReplaces, name) : nil
    }
}
