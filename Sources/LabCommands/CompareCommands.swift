// runs, plot, sweep, ensemble, tensorboard, export: comparing runs and taking them elsewhere.
//
// The declarations of the bigger commands live beside their handlers (PlotCommand, Sweep,
// EnsembleCommands, RunExports); this file assembles the group, and holds `runs`, `tensorboard`
// and the run lookup every command that names a run shares.

import Foundation
import LabCore
import LabKit
import LabText
import NNEngine
import TermCharts

package enum CompareCommands {
    package static let commands: [CommandSpec] = [
        CommandSpec("runs", group: .compare, summary: "Every training run of this session: what differs, recipe and figures",
                    details: "One row per run: what sets it apart from the others (layers, initializer, optimizer, batch, "
                        + "keep_prob), epochs, last cost, training and validation accuracy, the latest evaluation credited to it "
                        + "(`eval` after `train`; a sweep's or ensemble's own test evaluation) and the whole recipe. The best "
                        + "values are highlighted (marked * without colour). `runs course` sets lecture 10's figures beside "
                        + "the reference machine's and yours.",
                    examples: ["runs", "runs course"], arguments: [courseFlag.spec], handler: runs),
        PlotCommand.spec,
        Sweep.spec,
        EnsembleCommands.spec,
        CommandSpec("tensorboard", group: .compare, summary: "Log every run as TensorBoard event files in DIR (or `off`)",
                    details: "While on, every run (train, sweep entries, ensemble members) writes DIR/RUN/events.out.tfevents.*: "
                        + "per-epoch cost, accuracy, validation_accuracy, validation_cost and learning_rate, the cost every N "
                        + "batches (batch/cost) and histograms of each layer's weights and gradients. View them with "
                        + "`tensorboard --logdir DIR`. A run that replaces one of the same name replaces its event files. "
                        + "`tensorboard` alone says whether logging is on.",
                    examples: ["tensorboard logs", "tensorboard /tmp/lab10 every=20", "tensorboard off", "tensorboard"],
                    arguments: [
                        logFolder.spec, logEvery.spec,
                    ], handler: tensorboard),
        RunExports.spec,
    ]

    /// The run called `name`, or an error listing the runs there are.
    package static func run(named name: String, in lab: Lab) throws(ShellError) -> Run {
        if let run = lab.results.runs.last(where: { $0.name == name }) { return run }
        let names = lab.results.runs.map(\.name)
        guard !names.isEmpty else {
            throw ShellError(loc(.noRunNamed, name) + loc(.nothingTrainedYet), hint: loc(.trainOneAs, name))
        }
        throw ShellError(loc(.noRunNamed, name) + didYouMean(name, names), hint: loc(.runsAre, names.joined(separator: ", ")))
    }

    // MARK: - runs

    static let courseFlag = TypedFlag.named("course", "lecture 10's table: the course's test accuracy, the reference machine's and yours")

    static func runs(_ lab: Lab, _ inv: Invocation) throws {
        if inv[courseFlag] {
            lab.console.write(CourseTable.render(lab.results.runs, style: lab.console.style))
            return
        }
        guard !lab.results.runs.isEmpty else {
            lab.console.write(loc(.noRunsYet))
            return
        }
        lab.console.write(runsTable(lab.results.runs).render(lab.console.style))
    }

    static func runsTable(_ runs: [Run]) -> TextTable {
        // What differs between the runs comes right after the name; the whole recipe goes last,
        // where a narrow terminal may cut it.
        let differences = RunDifferences.differences(runs.map(\.recipe))
        let differ = differences.contains { !$0.isEmpty }
        let rows = runs.enumerated().map { index, run -> [String] in
            let last = run.result.epochs.last
            let name = run.name + RunTraining.outcomeMark(run.result.outcome)
            let eval = run.latestEvaluation
            let cost: String = last.map { NumberFormat.fourDecimals($0.cost) } ?? "-"
            let train: String = last.map { NumberFormat.fourDecimals($0.trainAccuracy) } ?? "-"
            let validation: String = last?.validationAccuracy.map(NumberFormat.fourDecimals) ?? "-"
            let evaluated: String = eval.map { NumberFormat.fourDecimals($0.evaluation.accuracy) } ?? "-"
            let figures: [String] = [String(last?.epoch ?? 0), cost, train, validation, evaluated, eval?.split.rawValue ?? "", run.recipe]
            return [name] + (differ ? [differences[index]] : []) + figures
        }
        return TextTable(columns: [TableColumn(loc(.columnRun), alignment: .left)]
                                  + (differ ? [TableColumn(loc(.columnDiffers), alignment: .left)] : [])
                                  + [TableColumn(loc(.columnEpochs)),
                                     TableColumn(loc(.columnCost), highlight: .smallest), TableColumn(loc(.columnTrain), highlight: .largest),
                                     TableColumn(loc(.columnValidation), highlight: .largest), TableColumn(loc(.columnEval), highlight: .largest),
                                     TableColumn(loc(.columnOn), alignment: .left), TableColumn(loc(.columnRecipe), alignment: .left)],
                         rows: rows, border: .minimal)
    }

    // MARK: - tensorboard

    static let logFolder = TypedArgument<String>.positional("dir", required: false, completion: .files, "the folder to log to, or `off`")
    static let logEvery = TypedArgument<Int>.option("every", 1...1_000_000, default: "10", "batches between two batch/cost points")

    static func tensorboard(_ lab: Lab, _ inv: Invocation) throws {
        guard let path = inv[logFolder] else {
            if let tb = lab.tensorboard {
                lab.console.write(loc(.tbIsOn, tb.directory.path))
            } else {
                lab.console.write(loc(.tbIsOff))
            }
            return
        }
        if path == "off" {
            if inv[logEvery] != nil { throw ShellError(loc(.tbEveryWithOff), hint: loc(.tbTypeOff)) }
            lab.console.write(lab.tensorboard == nil ? loc(.tbWasAlreadyOff) : loc(.tbNowOff))
            lab.tensorboard = nil
            return
        }
        let url = PlotCommand.resolvedPath(path)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw ShellError(loc(.tbIsAFile, path), hint: loc(.tbNameAFolder))
        }
        do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
            throw ShellError(loc(.tbCannotCreate, url.path, error.localizedDescription), hint: loc(.tbWritableFolder))
        }
        guard FileManager.default.isWritableFile(atPath: url.path) else {
            throw ShellError(loc(.tbNotWritable, url.path), hint: loc(.tbWritableFolder))
        }
        lab.tensorboard = TensorBoardLog(directory: url, batchInterval: inv[logEvery] ?? 10)
        lab.console.write(loc(.tbTurnedOn, url.path))
        lab.console.write(lab.console.style.dim(loc(.tbView, url.path)))
    }
}
