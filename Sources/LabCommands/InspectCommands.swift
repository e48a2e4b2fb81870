// grads, predict, show wrong: looking inside what a training run produced.
//
// `grads` makes the vanishing gradient visible: each layer's mean |gradient| as a bar on a log
// scale, beside the size of its weights, and `grads plot` how those sizes moved epoch by epoch.
// `predict` and `show wrong` put single test examples in front of the learner, drawn in the
// terminal with what the network made of them (Predictions.swift draws them).
//
// Not here: run tables and charts of costs (CompareCommands, PlotCommand).

import LabCore
import LabKit
import LabText
import NNEngine
import TermCharts

package enum InspectCommands {
    static let gradsRun = TypedArgument<String>.positional("run", required: false, default: "the last run", completion: .runNames, "which run")
    static let gradsPlotFlag = TypedFlag.named("plot", "draw how each layer's gradient size moved over training, epoch by epoch")

    package static let commands: [CommandSpec] = [
        CommandSpec("grads", aliases: ["gradients"], group: .inspect,
                    summary: "Per-layer gradient sizes of the last run (log scale): the vanishing gradient made visible",
                    details: "Each bar is a layer's mean |gradient| of its weights, averaged over the last epoch (the first "
                        + "layer at the top). A deep sigmoid net shows bars shrinking by orders of magnitude toward the "
                        + "input: those layers hardly learn. The table adds the mean |weight| and their ratio, how far one "
                        + "plain gradient step moves a layer relative to its size. `grads plot` draws each layer's size per epoch.",
                    examples: ["grads", "grads plot", "grads relu", "grads plot sigmoid"],
                    arguments: [
                        gradsRun.spec, gradsPlotFlag.spec,
                    ], handler: { lab, inv in try inv[gradsPlotFlag] ? gradsPlot(lab, inv) : grads(lab, inv) }),
        CommandSpec("predict", group: .inspect, summary: "One test example with its label, the prediction and the top probabilities",
                    details: "Without N a random test example is drawn (from a generator of its own, so the session's "
                        + "numbers do not change). Images are drawn in the terminal; other data shows its features.",
                    examples: ["predict", "predict 42"],
                    arguments: [Predictions.index.spec],
                    handler: Predictions.predict),
        CommandSpec("show", group: .inspect, summary: "Show test examples the network gets wrong",
                    examples: ["show wrong", "show wrong 16"],
                    subcommands: [
                        CommandSpec("wrong", aliases: ["errors", "mistakes"], group: .inspect,
                                    summary: "Misclassified test examples side by side, with their label and the prediction",
                                    details: "The first N test examples the current network gets wrong, in test-set order, "
                                        + "each captioned with its number, its true class and what the network said (with its probability).",
                                    examples: ["show wrong", "show wrong 16"],
                                    arguments: [Predictions.count.spec],
                                    handler: Predictions.showWrong),
                    ]),
    ]

    // MARK: - grads

    /// The run `grads` looks at: the named one, or the last.
    static func gradientRun(_ lab: Lab, _ inv: Invocation) throws(ShellError) -> Run {
        guard !lab.results.runs.isEmpty else {
            throw ShellError(loc(.gradsNothingTrained), hint: loc(.gradsTrainFirst))
        }
        guard let name = inv[gradsRun] else { return lab.results.runs[lab.results.runs.count - 1] }
        return try CompareCommands.run(named: name, in: lab)
    }

    static func grads(_ lab: Lab, _ inv: Invocation) throws {
        let run = try gradientRun(lab, inv)
        let style = lab.console.style
        let averaged = run.result.epochs.last.map { ($0.gradients, loc(.gradsTitleEpoch, $0.epoch, run.name)) }
        let (layers, title) = averaged.flatMap { $0.0.isEmpty ? nil : $0 } ?? (run.result.lastStepGradients, loc(.gradsTitleLastStep, run.name))
        guard !layers.isEmpty else {
            throw ShellError(loc(.gradsNoneRecorded, run.name), hint: loc(.gradsTrainOneBatch))
        }
        let chart = BarChart.gradientSizes(layers: layers.map { ($0.layer, Double($0.meanAbsGradient)) }, title: title)
        lab.console.write(chart.render(style))
        lab.console.write("")
        let rows = layers.map { g in
            [g.layer, NumberFormat.scientific(Double(g.meanAbsGradient)), NumberFormat.scientific(Double(g.meanAbsWeight)),
             NumberFormat.scientific(Double(g.ratio))]
        }
        lab.console.write(TextTable(columns: [TableColumn(loc(.showLayer), alignment: .left), TableColumn(loc(.gradsMeanGradient)),
                                              TableColumn(loc(.gradsMeanWeight)), TableColumn(loc(.gradsRatio))],
                                    rows: rows, border: .minimal).render(style))
        let early = run.result.firstStepGradients.isEmpty ? (run.result.epochs.first?.gradients ?? []) : run.result.firstStepGradients
        if early.count >= 2, let first = early.first, let last = early.last, run.result.epochs.count > 1 || run.result.batchCosts.count > 1 {
            lab.console.write(style.dim(loc(.gradsAtFirstStep, first.layer, NumberFormat.scientific(Double(first.meanAbsGradient)),
                                            last.layer, NumberFormat.scientific(Double(last.meanAbsGradient)))))
        }
        let verdict = GradientVerdict(early: early, now: layers, firstCost: run.result.epochs.first?.cost,
                                      lastCost: run.result.epochs.last?.cost, model: run.model, recipe: run.recipe,
                                      language: Language.current)
        for sentence in verdict.sentences { lab.console.write(sentence) }
    }

    /// 1234 -> "1,234"; beyond a million (or infinite), scientific.
    static func times(_ r: Double) -> String {
        r.isFinite && r < 1e6 ? NumberFormat.grouped(Int(r.rounded())) : NumberFormat.scientific(r)
    }

    static func gradsPlot(_ lab: Lab, _ inv: Invocation) throws {
        let run = try gradientRun(lab, inv)
        let epochs = run.result.epochs.filter { !$0.gradients.isEmpty }
        guard let first = epochs.first else {
            throw ShellError(loc(.gradsNoEpoch, run.name), hint: loc(.gradsTrainOneEpoch))
        }
        guard epochs.count >= 2 else {
            throw ShellError(loc(.gradsSingleEpoch, run.name), hint: loc(.gradsTrainMore))
        }
        let names = first.gradients.map(\.layer)
        let series = names.enumerated().map { i, name in
            (name: name, values: epochs.map { i < $0.gradients.count ? Double($0.gradients[i].meanAbsGradient) : .nan })
        }
        // One small panel per layer, stacked: ten overlaid braille lines could not be told apart.
        let panels = SmallMultiples(series: series.map { LineSeries(name: $0.name, values: $0.values, firstX: Double(first.epoch)) },
                                    title: loc(.gradsPlotTitle, run.name), xLabel: loc(.epochWord))
        var captioned = panels
        captioned.scaleCaption = loc(.gradsPlotScale)
        lab.console.write(captioned.render(lab.console.style))
    }
}
