// ModelExportCommand: `export keras FILE.py` and `export pytorch FILE.py`: the current model as a
// short Python script for the frameworks people scale out with, plus the files it reads.
//
// The script (written by NNFormats.ModelExport) builds the same graph, loads nnlab's trained
// weights from a .safetensors file, evaluates on the same test split and can continue training.
// The weights it loads are the current network's: the saved session's file when the session was
// saved since the last change and holds exactly these weights, else NAME.safetensors written beside
// NAME.py. Data the script cannot read by itself (generated points, CSV tables, whose split only
// nnlab's seeded generator reproduces) is written beside it as NAME-train.csv and NAME-test.csv.
// Paths inside the script are relative to the script's own folder when they lie inside it (the
// script joins them to its own location, so it runs from any folder), else full paths.
//
// Not here: the scripts themselves (NNFormats/Export*.swift).

import Foundation
import LabCore
import LabKit
import LabText
import NNData
import NNEngine
import NNFormats

enum ModelExportCommand {
    static let scriptFile = TypedArgument<String>.positional("file", completion: .files, "the Python script to write (ends in .py)")

    enum Framework: String {
        case keras, pytorch

        var title: String { self == .keras ? "Keras 3" : "PyTorch" }
        var install: String {
            self == .keras ? "python3 -m pip install tensorflow safetensors numpy" : "python3 -m pip install torch safetensors numpy"
        }
    }

    static func subcommand(_ framework: Framework) -> CommandSpec {
        CommandSpec(framework.rawValue, group: .compare,
                    summary: "The model as a runnable \(framework.title) script with nnlab's trained weights",
                    details: "Writes FILE (a .py script) that builds the same model (layers, activations, initializers, dropout as "
                        + "rate = 1 - keep_prob), loads the current weights, evaluates on the same test split and, with --train, "
                        + "continues training with the same optimizer and settings. The weights go beside it (model.py -> model.safetensors; "
                        + "or the saved session's file when nothing changed since `save`); generated or CSV data to "
                        + "model-train.csv and model-test.csv. The script's docstring says how to run it.",
                    examples: ["export \(framework.rawValue) model.py", "export \(framework.rawValue) /tmp/lab10_\(framework.rawValue).py"],
                    arguments: [scriptFile.spec],
                    handler: { lab, inv in try export(lab, inv, framework) })
    }

    static func export(_ lab: Lab, _ inv: Invocation, _ framework: Framework) throws {
        let path = try inv.required(scriptFile)
        guard path.hasSuffix(".py") else {
            throw ShellError(loc(.exportNotPy, path), hint: loc(.exportNamePy, framework.rawValue, path))
        }
        let script = try RunExports.outputFile(path, kind: "py")
        let network = try lab.requireNetwork()
        let data = try lab.requireData()
        let base = script.deletingPathExtension()
        // The script reads its files relative to its own folder (or by their full path), so it runs from anywhere.
        let root = script.deletingLastPathComponent()

        // Everything is checked and built first; files are written only once the script exists as text.
        let (exportData, splits) = try dataDescription(data, beside: base, root: root)
        let (weightsURL, sessionWeights) = weightsFile(lab, network: network, beside: base)
        let own = lab.results.runs.last { $0.comparison == nil }
        var request = ExportRequest(model: lab.model, inputWidth: data.featureCount,
                                    inputShape: data.info.featureShape.count > 1 ? data.info.featureShape : nil,
                                    classCount: data.classCount, optimizer: lab.optimizerSpec, training: own?.options ?? lab.settings.defaults,
                                    weightsPath: display(weightsURL, root: root), data: exportData,
                                    scriptPath: lab.paths.shown(script), sessionName: lab.session.name)
        let text: String
        do {
            // The exporter checks the model first (its refusal is clearer than any later failure);
            // the test accuracy the script should reproduce is measured once the model is known to fit.
            _ = framework == .keras ? try ModelExport.keras(request) : try ModelExport.pytorch(request)
            request.testAccuracy = Evaluator.evaluate(network, on: data.test).accuracy
            text = framework == .keras ? try ModelExport.keras(request) : try ModelExport.pytorch(request)
        } catch {
            throw ShellError(error.localized, hint: loc(.exportChangeModel))
        }
        let accuracy = request.testAccuracy ?? 0
        if !sessionWeights { try writeWeights(network, model: lab.model, to: weightsURL) }
        for (split, url) in splits { try ExportData.writeSplit(split, to: url) }
        try AtomicFile.write(text, to: script)

        let style = lab.console.style
        let dataFiles = splits.map(\.1.lastPathComponent).joined(separator: ", ")
        if sessionWeights {
            let weights = lab.paths.shown(weightsURL)
            lab.console.write(splits.isEmpty ? loc(.exportWroteSessionWeights, script.path, framework.title, weights)
                                             : loc(.exportWroteSessionWeightsData, script.path, framework.title, weights, dataFiles))
        } else {
            let weights = weightsURL.lastPathComponent, tensors = network.parameters.count
            lab.console.write(splits.isEmpty ? loc(.exportWroteWeights, script.path, framework.title, weights, tensors)
                                             : loc(.exportWroteWeightsData, script.path, framework.title, weights, tensors, dataFiles))
        }
        let run = "python3 \(lab.paths.shown(script))"
        lab.console.write(loc(.exportRunIt))
        lab.console.write("  \(framework.install)")
        lab.console.write("  \(run)                  " + style.dim(loc(.exportExpectAccuracy, NumberFormat.fourDecimals(accuracy))))
        lab.console.write("  \(run) --train          " + style.dim(loc(.exportContinueTraining)))
        lab.console.write("  \(run) --check-weights  " + style.dim(loc(.exportCheckWeights)))
    }

    // MARK: - Pieces

    /// How the script finds the data, and the splits to write for it.
    static func dataDescription(_ data: LoadedDataSet, beside base: URL,
                                root: URL) throws(ShellError) -> (ExportData, [(LabeledData, URL)]) {
        switch data.info.name {
        case "mnist": return (.mnist(directory: display(URL(fileURLWithPath: data.info.source), root: root)), [])
        case "fashion": return (.fashionMNIST(directory: display(URL(fileURLWithPath: data.info.source), root: root)), [])
        case "xor": return (.xor, [])
        default:
            let train = URL(fileURLWithPath: base.path + "-train.csv"), test = URL(fileURLWithPath: base.path + "-test.csv")
            return (.csv(name: data.info.name, train: display(train, root: root), test: display(test, root: root)),
                    [(data.train, train), (data.test, test)])
        }
    }

    /// The weights file the script loads: the saved session's when it is current and complete,
    /// else FILE.safetensors (the Bool says whether it is the session's).
    static func weightsFile(_ lab: Lab, network: Network, beside base: URL) -> (URL, Bool) {
        if let name = lab.session.name, !lab.session.hasUnsavedWork {
            let found = SessionPlaces.find(name, paths: lab.paths)?.script ?? SessionPlaces.script(name, in: lab.paths.sessions)
            let url = found.deletingPathExtension().appendingPathExtension("safetensors")
            if let file = try? SafetensorsFile(contentsOf: url),
               network.parameters.allSatisfy({ p in
                   file.tensor(p.name).map { $0.count == p.value.count && ((try? file.floats(p.name)) == p.value.array) } ?? false
               }) {
                return (url, true)
            }
        }
        return (URL(fileURLWithPath: base.path + ".safetensors"), false)
    }

    /// Every parameter under its engine name ("dense1.weight") with its [rows, cols] shape, and the
    /// model as JSON in the metadata.
    static func writeWeights(_ network: Network, model: ModelSpec, to url: URL) throws {
        var metadata = ["format": "pt", "producer": "nnlab \(nnlabVersion)"]
        if let json = try? JSONEncoder().encode(model) { metadata["nnlab.model"] = String(decoding: json, as: UTF8.self) }
        var writer = SafetensorsWriter(metadata: metadata)
        for p in network.parameters { writer.add(p.name, matrix: p.value) }
        try writer.write(to: url)
    }

    /// `url` relative to `root` (the script's folder) when inside it ("data/mnist"), else its full path.
    static func display(_ url: URL, root: URL) -> String {
        let path = url.standardizedFileURL.path, base = root.standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }
}
