// EnsembleCommands: `ensemble train N` and `ensemble eval`, lecture 10's last trick: train the
// same recipe several times from different seeds and average what the members say.
//
// Member i (from 0) starts from seed + i: its weights are drawn (pre-trained first when the
// model's initializer is rbm), then it trains like `train` with its own fresh optimizer. Members
// are networks of their own; the learner's model and weights are not touched. Each member is also
// a run ("member1", ...) that `runs`, `plot` and TensorBoard see. `ensemble eval` measures every
// member and the average of their probabilities, and the gain over the best and the mean member.
//
// Not here: the averaging itself (NNEngine.Ensemble).

import LabCore
import LabKit
import LabText
import NNData
import NNEngine
import TermCharts

enum EnsembleCommands {
    static let memberCount = TypedArgument<Int>.positional("count", 2...100, "how many members")

    static let spec = CommandSpec(
        "ensemble", group: .compare, summary: "Train several copies of the recipe from different seeds and average them",
        details: "`ensemble train N` trains N members of the current model and settings, member i starting from seed + i "
            + "(fresh weights, its own optimizer); `ensemble eval` shows each member's test accuracy and the accuracy of "
            + "their averaged probabilities. Usually the ensemble beats its best member by a little.",
        examples: ["ensemble train 5 epochs=5", "ensemble eval"],
        subcommands: [
            CommandSpec("train", group: .compare, summary: "Train N members of the current recipe, member i from seed + i",
                        details: "Each member is a run named member1, member2, ... Ctrl-C stops after the current member "
                            + "and keeps the members trained so far.",
                        examples: ["ensemble train 5", "ensemble train 3 epochs=2 batch=50"],
                        arguments: [
                            memberCount.spec,
                            RunTraining.epochs.described("epochs per member").spec,
                            RunTraining.batch.spec,
                        ], changesState: true, handler: train),
            CommandSpec("eval", group: .compare, summary: "Each member's accuracy, the averaged ensemble's, and the gain",
                        examples: ["ensemble eval", "ensemble eval validation"],
                        arguments: [TrainCommands.split.spec],
                        changesState: true, handler: eval),
        ])

    // MARK: - ensemble train

    static func train(_ lab: Lab, _ inv: Invocation) throws {
        _ = try lab.requireNetwork()
        let data = try lab.requireData()
        do { _ = try lab.model.resolve(inputWidth: data.featureCount) } catch {
            throw ShellError(error.localized.message, hint: loc(.trainBranchesHint))
        }
        let count = try inv.required(memberCount)
        // The ensemble keeps every member's weights.
        try Lab.checkSize(lab.model, inputWidth: data.featureCount, copies: count)
        let options = try RunTraining.options(lab, inv)
        let style = lab.console.style
        lab.console.write(loc(.ensembleHeader, count, options.epochs, options.epochs == 1 ? "" : "s", NumberFormat.grouped(data.train.count),
                              lab.seed, lab.seed &+ UInt64(count - 1)))
        let stop = StopAfterCurrent(lab, notice: .stopAfterThisMember)
        let planned = StopPoint.entriesDone(lab.session.plannedStops, command: "ensemble")
        let ensemble = Ensemble()
        for i in 0..<count {
            // A replay of an ensemble the learner stopped trains the same members, and no more.
            if stop.requested || planned.map({ ensemble.members.count >= $0 }) == true { break }
            let seed = lab.seed &+ UInt64(i)
            let name = "member\(i + 1)"
            let generator = SeededGenerator(seed: seed)
            let network = try RunTraining.freshNetwork(lab, spec: lab.model, data: data, generator: generator, shouldStop: stop.poll)
            let result = RunTraining.train(lab, name: name, network: network, optimizer: Optimizer(lab.optimizerSpec),
                                           generator: generator, data: data, options: options, echo: .quiet, shouldStop: stop.poll)
            let test = Evaluator.evaluate(network, on: data.test)
            var run = Run(name: name, recipe: TrainCommands.recipe(lab, options) + "; seed \(seed)", options: options, result: result,
                          evaluations: [.test: test], comparison: "ensemble",
                          model: lab.model, optimizer: lab.optimizerSpec, dataName: data.info.name)
            run.lastEvaluatedSplit = .test
            lab.keep(run)
            ensemble.add(network, seed: seed)
            // The session records the English figure line; the learner reads it in their language.
            func line(_ language: Language) -> String {
                ResultMessage.figureSeed.text([name, seed], language: language) + RunTraining.figures(run, language: language)
                    + (result.outcome == .completed ? "" : " " + ResultMessage.runStopped.text([], language: language))
            }
            lab.recordFigure(line(.en))
            lab.console.write(line(Language.current))
        }
        lab.results.ensemble = ensemble
        lab.results.lastEnsembleEvaluation = nil
        if ensemble.members.count < count {
            lab.recordFigure(StopPoint(command: "ensemble", after: ensemble.members.count, of: count, noun: "members").figure)
            lab.console.write(style.paint(loc(.ensembleStoppedAfter, ensemble.members.count, count), fg: .yellow))
        }
        lab.console.write(style.dim(loc(.ensembleEvalNext)))
    }

    // MARK: - ensemble eval

    static func eval(_ lab: Lab, _ inv: Invocation) throws {
        guard let ensemble = lab.results.ensemble, !ensemble.members.isEmpty else {
            // A loaded session keeps its members' runs but not their weights.
            if lab.results.runs.contains(where: { $0.name.hasPrefix("member") }), let name = lab.session.name {
                throw ShellError(loc(.ensembleRunsOnly), hint: loc(.ensembleReplay, name))
            }
            throw ShellError(loc(.ensembleNone), hint: loc(.ensembleTrainOne))
        }
        let data = try lab.requireData()
        guard let first = ensemble.members.first, first.inputWidth == data.featureCount,
              first.outputWidth == (lab.network?.outputWidth ?? first.outputWidth) else {
            throw ShellError(loc(.ensembleOtherData, ensemble.members[0].inputWidth, data.info.name, data.featureCount), hint: loc(.ensembleTrainNew))
        }
        let split = inv[TrainCommands.split] ?? .test
        guard let set = data.examples(split) else {
            throw ShellError(loc(.noValidationSplit, data.info.name), hint: loc(.ensembleUseTest))
        }
        let e = ensemble.evaluate(on: set)
        lab.results.lastEnsembleEvaluation = e
        lab.console.record(.ensemble(e))
        let style = lab.console.style
        var rows: [[String]] = []
        for (i, accuracy) in e.memberAccuracies.enumerated() {
            rows.append(["member\(i + 1)", String(ensemble.seeds[i]), NumberFormat.fourDecimals(accuracy)])
            lab.recordFigure("member\(i + 1) \(split) accuracy \(NumberFormat.fourDecimals(accuracy))")
        }
        let table = TextTable(columns: [TableColumn(loc(.ensembleColumnMember), alignment: .left), TableColumn(loc(.ensembleColumnSeed)),
                                        TableColumn(loc(.ensembleColumnAccuracy), highlight: .largest)],
                              rows: rows, footer: [[loc(.ensembleFooterName), loc(.ensembleFooterAverage), NumberFormat.fourDecimals(e.accuracy)]],
                              title: loc(.ensembleTableTitle, e.memberAccuracies.count, loc(split.message), NumberFormat.grouped(e.count)), border: .minimal)
        lab.console.write(table.render(style))
        let line = "ensemble \(split) accuracy \(NumberFormat.fourDecimals(e.accuracy))  best member \(NumberFormat.fourDecimals(e.bestMember))  "
            + "gain over best \(signed(e.gainOverBest))  gain over mean \(signed(e.gainOverMean))"
        lab.recordFigure(line)
        let average = style.bold(NumberFormat.fourDecimals(e.accuracy)), best = NumberFormat.fourDecimals(e.bestMember)
        if e.gainOverBest > 0 {
            lab.console.write(style.paint(loc(.ensembleBeats, average, best, signed(e.gainOverBest), signed(e.gainOverMean)), fg: .green))
        } else if e.gainOverBest == 0 {
            lab.console.write(loc(.ensembleTies, average, best, signed(e.gainOverMean)))
        } else {
            lab.console.write(style.paint(loc(.ensembleFallsShort, average, best, NumberFormat.fourDecimals(-e.gainOverBest), signed(e.gainOverMean)), fg: .yellow))
        }
    }

    /// 0.0123 -> "+0.0123"
    static func signed(_ x: Float) -> String { (x >= 0 ? "+" : "") + NumberFormat.fourDecimals(x) }
}
