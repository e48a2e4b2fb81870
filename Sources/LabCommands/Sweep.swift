// Sweep: the lecture's "try several and keep what works" as one command. `sweep SETTING V1,V2,...`
// trains the current recipe once per value, each entry from the same seed and fresh weights, so the
// entries differ only in that one setting, and prints a table of the results with one chart of
// their cost curves.
//
// Each entry trains a network of its own, built from a copy of the learner's model and settings
// with the one setting changed; the learner's model, weights, optimizer, defaults and random
// stream are never touched, so after a sweep everything is as it was before. An entry's generator
// starts from the session seed, exactly as `seed N` would restart it, so an entry's numbers equal
// those of `seed N; init ...; train` typed by hand. Each entry becomes a run named after its value
// (`plot cost sigmoid relu`, `run(relu)` in lessons), replacing an earlier run of that name.
//
// Not here: the training loop (RunTraining) or charts (PlotCommand.costChart).

import LabCore
import LabKit
import LabText
import NNData
import NNEngine
import TermCharts

enum Sweep {
    /// What a sweep can vary.
    enum Setting: String, CaseIterable {
        case initializer = "init"
        case activation, optimizer
        case keepProb = "keep_prob"
        case lr, batch
    }

    /// One entry, ready to train: the model and optimizer it uses and its options.
    struct Entry {
        package let value: String
        let model: ModelSpec
        let optimizer: OptimizerSpec
        let options: TrainingOptions
    }

    static let spec = CommandSpec(
        "sweep", group: .compare, summary: "Train the current recipe once per value of one setting and compare",
        details: "SETTING is init, activation, optimizer, keep_prob, lr or batch; VALUES a comma-separated list. "
            + "Every entry starts from the session seed and fresh weights, so only that setting differs. "
            + "activation changes every hidden dense layer (the output layer keeps its own); optimizer uses each "
            + "one's default learning rate; keep_prob overrides every dropout layer while training. Each entry "
            + "becomes a run named after its value (see `runs`, `plot validation relu tanh`). Entries are compared on validation "
            + "accuracy (examples none of them trained on), and the chart shows it per epoch. Your model and settings "
            + "are left exactly as they were. Ctrl-C stops after the current entry and keeps the table so far.",
        examples: ["sweep init zeros,normal,rbm,xavier,he", "sweep activation sigmoid,tanh,relu,leaky_relu,elu,maxout",
                   "sweep optimizer sgd,momentum,adagrad,rmsprop,adam", "sweep keep_prob 0.5,0.7,1",
                   "sweep lr 0.1,0.01,0.001 epochs=5", "sweep batch 10,100,1000 epochs=3"],
        arguments: [
            setting.spec,
            values.spec,
            RunTraining.epochs.described("epochs per entry").spec,
            RunTraining.batch.spec,
        ], changesState: true, handler: run)

    // MARK: - Planning (checks everything before anything trains)

    /// The entries of a sweep, or an error naming the value at fault.
    static func plan(_ setting: Setting, values text: String, lab: Lab, options base: TrainingOptions,
                     data: LoadedDataSet) throws(ShellError) -> [Entry] {
        let values = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        if let empty = values.firstIndex(where: { $0.isEmpty }) {
            throw ShellError(loc(.sweepEmptyValue, empty + 1, text), hint: loc(.sweepSeparateValues))
        }
        var seen = Set<String>()
        if let twice = values.first(where: { !seen.insert($0).inserted }) {
            throw ShellError(loc(.sweepListedTwice, twice), hint: loc(.sweepListOnce))
        }
        for value in values where !isValidName(value) {
            throw ShellError(loc(.sweepCannotName, value), hint: loc(.sweepNameRule))
        }
        var entries: [Entry] = []
        for value in values {
            var model = lab.model, optimizer = lab.optimizerSpec, options = base
            switch setting {
            case .initializer:
                guard let name = InitializerName(rawValue: value) else {
                    throw ShellError(loc(.initUnknown, value) + didYouMean(value, Initializer.allNames),
                                     hint: loc(.sweepChooseFrom, Initializer.allNames.joined(separator: ", ")))
                }
                let weights = try InitCommand.initializer(name, Invocation(path: ["sweep"], line: ""))
                model.initializer = InitializerChoice(weights: weights)
                for i in model.layers.indices { model.layers[i].initializer = nil }
            case .activation:
                guard let activation = Activation.named(value) else {
                    throw ShellError(loc(.sweepUnknownActivation, value) + didYouMean(value, Activation.allNames),
                                     hint: loc(.sweepChooseFrom, Activation.allNames.joined(separator: ", ")))
                }
                let hidden = model.layers.indices.dropLast().filter { if case .dense = model.layers[$0].kind { true } else { false } }
                guard !hidden.isEmpty else {
                    throw ShellError(loc(.sweepNoHiddenDense), hint: loc(.sweepAddHidden))
                }
                for i in hidden {
                    if case .dense(let units, _) = model.layers[i].kind { model.layers[i].kind = .dense(units: units, activation: activation) }
                }
            case .optimizer:
                guard let kind = OptimizerKind(rawValue: value) else {
                    let names = OptimizerKind.allCases.map(\.rawValue)
                    throw ShellError(loc(.sweepUnknownOptimizer, value) + didYouMean(value, names), hint: loc(.sweepChooseFrom, names.joined(separator: ", ")))
                }
                optimizer = OptimizerSpec(kind)
                options.learningRate = nil      // each optimizer with its own default rate
            case .keepProb:
                guard let k = parseNumber(value), Limits.keepProb.contains(k) else {
                    throw ShellError(loc(.sweepBadKeepProb, value, Limits.keepProb.localizedText), hint: loc(.forExample, "`sweep keep_prob 0.5,0.7,1`"))
                }
                guard model.layers.contains(where: { if case .dropout = $0.kind { true } else { false } }) else {
                    throw ShellError(loc(.sweepNoDropout), hint: loc(.sweepAddDropout))
                }
                options.keepProb = Float(k)
            case .lr:
                guard let lr = parseNumber(value), Limits.learningRate.contains(lr), Float(lr).isNormal else {
                    throw ShellError(loc(.sweepBadLr, value, Limits.learningRate.localizedText), hint: loc(.forExample, "`sweep lr 0.1,0.01,0.001`"))
                }
                options.learningRate = Float(lr)
            case .batch:
                guard let b = Int(value), Limits.batchSize.contains(b) else {
                    throw ShellError(loc(.sweepBadBatch, value, Limits.batchSize.lowerBound, Limits.batchSize.upperBound),
                                     hint: loc(.forExample, "`sweep batch 10,100,1000`"))
                }
                options.batchSize = b
            }
            do { _ = try model.resolve(inputWidth: data.featureCount) } catch {
                throw ShellError(loc(.sweepModelFails, setting.rawValue, value, error.localized.message), hint: loc(.seeModelShow))
            }
            entries.append(Entry(value: value, model: model, optimizer: optimizer, options: options))
        }
        return entries
    }

    // MARK: - Running

    static let setting = TypedArgument<Setting>.positional("setting", choices: Setting.allCases, "which setting to vary")
    static let values = TypedArgument<String>.positional(
        "values", completion: .choices(Initializer.allNames + Activation.allNames + OptimizerKind.allCases.map(\.rawValue)),
        "the values to try, separated by commas (no spaces)")

    package static func run(_ lab: Lab, _ inv: Invocation) throws {
        _ = try lab.requireNetwork()
        let data = try lab.requireData()
        let setting = try inv.required(Self.setting)
        let base = try RunTraining.options(lab, inv)
        let entries = try plan(setting, values: inv.required(values), lab: lab, options: base, data: data)
        let style = lab.console.style
        lab.console.write(loc(.sweepHeader, setting.rawValue, entries.count, entries.count == 1 ? "y" : "ies", base.epochs,
                              base.epochs == 1 ? "" : "s", NumberFormat.grouped(data.train.count), lab.seed))
        let stop = StopAfterCurrent(lab, notice: .stopAfterThisEntry)
        let planned = StopPoint.entriesDone(lab.session.plannedStops, command: "sweep")
        var finished: [(run: Run, seconds: Double)] = []
        for entry in entries {
            // A replay of a sweep the learner stopped trains the same entries, and no more.
            if stop.requested || planned.map({ finished.count >= $0 }) == true { break }
            let start = ContinuousClock.now
            let generator = SeededGenerator(seed: lab.seed)
            if let note = lab.replacementNote(for: entry.value) { lab.console.write(style.dim(note)) }
            let network = try RunTraining.freshNetwork(lab, spec: entry.model, data: data, generator: generator, shouldStop: stop.poll)
            let optimizer = Optimizer(entry.optimizer)
            let result = RunTraining.train(lab, name: entry.value, network: network, optimizer: optimizer, generator: generator,
                                           data: data, options: entry.options, echo: .quiet, shouldStop: stop.poll)
            let test = Evaluator.evaluate(network, on: data.test)
            var run = Run(name: entry.value, recipe: TrainCommands.recipe(model: entry.model, optimizer: entry.optimizer, entry.options),
                          options: entry.options, result: result, evaluations: [.test: test], comparison: "sweep \(setting.rawValue)",
                          model: entry.model, optimizer: entry.optimizer, dataName: data.info.name)
            run.lastEvaluatedSplit = .test
            lab.keep(run)
            let seconds = (ContinuousClock.now - start) / .seconds(1)
            finished.append((run, seconds))
            // The session records the English figure line; the learner reads it in their language.
            lab.recordFigure(figure(run, language: .en))
            lab.console.write(figure(run) + "  " + style.dim(NumberFormat.oneDecimal(seconds) + " s"))
        }
        if finished.count < entries.count {
            lab.recordFigure(StopPoint(command: "sweep", after: finished.count, of: entries.count, noun: "entries").figure)
            lab.console.write(style.paint(loc(.sweepStoppedAfter, finished.count, entries.count), fg: .yellow))
        }
        guard !finished.isEmpty else { return }
        lab.console.write("")
        lab.console.write(table(finished, setting: setting).render(style))
        lab.console.write("")
        lab.console.write(chart(finished.map(\.run), setting: setting, style: style))
        if let tb = lab.tensorboard {
            lab.console.write(style.dim(loc(.sweepLoggedEach, tb.directory.path)))
        }
        lab.console.write(style.dim(loc(.sweepLeavesModel, finished.map(\.run.name).prefix(3).joined(separator: " "))))
    }

    /// The chart of what a sweep compares: validation accuracy per epoch (held-out data, where a
    /// setting such as dropout shows its worth; training cost would favour the entry that fits the
    /// training set best). Without a validation history of two epochs or more, the cost per batch.
    static func chart(_ runs: [Run], setting: Setting, style: Style) -> String {
        let validation = runs.allSatisfy { $0.result.epochs.count >= 2 && $0.result.epochs.allSatisfy { $0.validationAccuracy != nil } }
        guard validation else {
            let chart = PlotCommand.costChart(runs, title: loc(.sweepCostTitle, setting.rawValue), width: style.width)
            return chart.render(style) + "\n" + style.dim(loc(.sweepChartsCost))
        }
        let series = runs.map { run in
            LineSeries(name: run.name, xy: run.result.epochs.compactMap { e in e.validationAccuracy.map { (Double(e.epoch), Double($0)) } })
        }
        let chart = LineChart(series: series, title: loc(.sweepChartTitle, setting.rawValue), xLabel: loc(.epochWord),
                              yRange: PlotCommand.accuracyRange(series), width: style.width, markers: .always)
        return chart.render(style) + "\n" + style.dim(loc(.sweepChartsValidation))
    }

    /// "sweep relu  cost 0.1234  train 0.9500  validation 0.9400  test 0.9300" (no time: figures must replay equal);
    /// in English for the session, in the learner's language on screen.
    static func figure(_ run: Run, language: Language = Language.current) -> String {
        let mark = RunTraining.outcomeMark(run.result.outcome, language: language)
        return "sweep \(run.name)" + RunTraining.figures(run, language: language) + (mark.isEmpty ? "" : " " + mark)
    }

    /// The results table, best values highlighted.
    static func table(_ finished: [(run: Run, seconds: Double)], setting: Setting) -> TextTable {
        let rows = finished.map { run, seconds -> [String] in
            let last = run.result.epochs.last
            return [run.name + RunTraining.outcomeMark(run.result.outcome), last.map { NumberFormat.fourDecimals($0.cost) } ?? "-", last.map { NumberFormat.fourDecimals($0.trainAccuracy) } ?? "-",
                    last?.validationAccuracy.map(NumberFormat.fourDecimals) ?? "-", run.evaluations[.test].map { NumberFormat.fourDecimals($0.accuracy) } ?? "-",
                    NumberFormat.oneDecimal(seconds)]
        }
        return TextTable(columns: [TableColumn(setting.rawValue, alignment: .left), TableColumn(loc(.columnCost), highlight: .smallest),
                                   TableColumn(loc(.columnTrain), highlight: .largest), TableColumn(loc(.columnValidation), highlight: .largest),
                                   TableColumn(loc(.splitTest), highlight: .largest), TableColumn(loc(.columnSeconds))],
                         rows: rows, border: .minimal)
    }
}
