// RunExports: the `export` command. `export csv FILE` writes every run's per-epoch figures as one
// tidy table (a row per run and epoch, a column per figure) that pandas, R or a spreadsheet read
// directly; `export keras` and `export pytorch` are ModelExportCommand's.
//
// Not here: writing CSV (NNFormats.CSVTable), exporting models (ModelExportCommand).

import Foundation
import LabCore
import LabKit
import LabText
import NNFormats

enum RunExports {
    static let csvFile = TypedArgument<String>.positional("file", completion: .files, "the CSV file to write")

    static let spec = CommandSpec(
        "export", group: .compare, summary: "Write the runs' figures as CSV, or the model as a Keras or PyTorch script",
        details: "`export csv FILE`: one row per run and epoch. `export keras FILE.py` / `export pytorch FILE.py`: a "
            + "runnable script that rebuilds the model with nnlab's trained weights, to continue in those frameworks "
            + "(on a GPU, or across machines with their distributed training).",
        examples: ["export csv runs.csv", "export keras model.py", "export pytorch model.py"],
        subcommands: [
            CommandSpec("csv", group: .compare, summary: "Every run's per-epoch metrics as a tidy CSV table",
                        details: "Columns: run, epoch, cost, train_accuracy, validation_accuracy, seconds. The file is written "
                            + "whole or not at all (an existing file is replaced only once the new one is complete).",
                        examples: ["export csv runs.csv", "export csv /tmp/lab10.csv"],
                        arguments: [csvFile.spec],
                        handler: csv),
            ModelExportCommand.subcommand(.keras),
            ModelExportCommand.subcommand(.pytorch),
        ])

    /// The tidy table of every run's epochs.
    static func metricsTable(_ runs: [Run]) -> CSVTable {
        var table = CSVTable(columns: ["run", "epoch", "cost", "train_accuracy", "validation_accuracy", "seconds"])
        for run in runs {
            for e in run.result.epochs {
                table.addRow([.text(run.name), .integer(e.epoch), .float(e.cost), .float(e.trainAccuracy),
                              e.validationAccuracy.map { .float($0) } ?? .empty, .double((e.seconds * 1000).rounded() / 1000)])
            }
        }
        return table
    }

    static func csv(_ lab: Lab, _ inv: Invocation) throws {
        guard !lab.results.runs.isEmpty else {
            throw ShellError(loc(.exportNoRuns), hint: loc(.exportTrainFirst))
        }
        let url = try outputFile(inv.required(csvFile), kind: "csv")
        let table = metricsTable(lab.results.runs)
        try table.write(to: url)
        let runs = lab.results.runs.count
        lab.console.write(loc(.exportWroteCSV, url.path, NumberFormat.grouped(table.rows.count), runs, runs == 1 ? "" : "s"))
    }

    /// The file at `path`, checked: its folder exists and it is not a folder itself.
    static func outputFile(_ path: String, kind: String) throws(ShellError) -> URL {
        let url = PlotCommand.resolvedPath(path)
        var isFolder: ObjCBool = false
        let folder = url.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ShellError(loc(.exportNoFolder, path, folder.path), hint: loc(.exportCreateFolder))
        }
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
            throw ShellError(loc(.exportIsFolder, path), hint: loc(.exportNameFile, (path.hasSuffix("/") ? path : path + "/") + "runs.\(kind)"))
        }
        return url
    }
}
