// ExportScript: the parts of an exported script that do not depend on the framework: the
// docstring (what was exported, how to run it, how to scale out), section banners, the weights
// check that runs with numpy and safetensors only, the loss targets, nnlab's rule for the
// predicted class, the predictions file, and the command-line options.
// The framework parts live in ExportKeras.swift and ExportPyTorch.swift.

import LabKit
import NNEngine

/// What a framework adds to the shared docstring.
struct ExportFramework {
    /// "Keras" or "PyTorch".
    let name: String
    /// The pip line, with a comment.
    let install: String
    /// Lines on training across GPUs and machines.
    let scaleOut: [String]
}

enum ExportScript {
    /// The width generated code and comments stay within.
    static let width = 100

    /// `# --- Title ---------...` across the page.
    static func banner(_ title: String) -> String {
        let head = "# --- \(title) "
        return head + String(repeating: "-", count: max(3, width - head.count))
    }

    /// The module docstring.
    static func docstring(_ plan: ExportPlan, _ framework: ExportFramework) -> String {
        let r = plan.request
        let name = PythonSource.docText(r.modelName)
        let session = r.sessionName.map { " from nnlab session \(PythonSource.docText($0))" } ?? ""
        let script = PythonSource.shellWord(r.scriptPath)
        let epochs = r.training.epochs, batch = r.training.batchSize
        var lines = ["\"\"\"nnlab's model \"\(name)\" as a \(framework.name) script, exported \(r.dateText)\(session).", ""]
        lines.append("What was exported")
        lines += plan.summaryLines.map { "    " + $0 }
        lines.append("    \(NumberFormat.grouped(plan.parameterCount)) parameters. Loss: \(lossProse(plan)).")
        lines.append("    Optimizer: \(optimizerProse(plan)).")
        var trained = "nnlab trained it for \(epochs) epoch\(epochs == 1 ? "" : "s") in batches of \(batch) on "
            + PythonSource.docText(r.data.prose) + "."
        if let accuracy = r.testAccuracy {
            trained += " nnlab's test accuracy: \(accuracyText(accuracy)). With nnlab's weights this script should "
                + "print the same."
        }
        lines += PythonSource.wrap(trained, indent: 4)
        let run = "python3 \(script)"
        lines += [
            "",
            "How to run it (from any folder: relative paths below are read beside this script)",
            "    \(framework.install)",
            "    \(PythonSource.docText(run))   # reads --weights \(PythonSource.docText(PythonSource.shellWord(r.weightsPath)))"
                + PythonSource.docText(r.data.runArguments),
            "    python3 \(PythonSource.docText(script)) --train           # continue training: \(epochs) more epochs, batch \(batch)",
            "    python3 \(PythonSource.docText(script)) --check-weights   # only match the weights file (numpy + safetensors)",
            "Other options: --fresh (start from the initializers instead of nnlab's weights; with --train",
            "that trains from scratch), --predictions FILE.csv, --epochs N, --batch-size N.",
            "",
            "Scaling out",
        ]
        lines += framework.scaleOut.map { "    " + $0 }
        lines.append("\"\"\"")
        return lines.joined(separator: "\n")
    }

    static func lossProse(_ plan: ExportPlan) -> String {
        switch plan.loss {
        case .softmaxCrossEntropy: "softmax cross-entropy"
        case .sigmoidCrossEntropy: "sigmoid (binary) cross-entropy"
        case .meanSquaredError: "mean squared error"
        }
    }

    static func optimizerProse(_ plan: ExportPlan) -> String {
        var spec = plan.request.optimizer
        spec.learningRate = plan.learningRate
        return spec.description
    }

    static func accuracyText(_ accuracy: Float) -> String {
        let scaled = Int((Double(accuracy) * 10_000).rounded())
        let fraction = String(scaled % 10_000)
        return "\(scaled / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }

    // MARK: - Shared Python

    /// WEIGHTS rows: (nnlab name, nnlab shape, framework target, how it is converted).
    static func weightsTable(_ rows: [(tensor: ExportedTensor, target: String, how: String)],
                             comment: [String]) -> String {
        var lines = comment.map { "# " + $0 }
        lines.append("WEIGHTS = [")
        for row in rows {
            lines.append("    (\(PythonSource.string(row.tensor.name)), \(PythonSource.tuple(row.tensor.shape)), "
                + "\(PythonSource.string(row.target)), \(PythonSource.string(row.how))),")
        }
        lines.append("]")
        return lines.joined(separator: "\n")
    }

    /// `fits` and `check_weights`: the --check-weights mode (numpy and safetensors only).
    static let checkWeights = """
        def fits(found, expected):
            \"\"\"Whether `found` (the file's shape) fits `expected`; a bias may be stored (n,) for (1, n).\"\"\"
            return tuple(found) == expected or (expected[0] == 1 and tuple(found) == expected[1:])


        def check_weights(tensors, verbose=True):
            \"\"\"Prints how nnlab's tensors map onto this model (only problems unless verbose).
            Returns the exit status: 0 when every tensor the model needs is there with its shape.\"\"\"
            problems = 0
            for name, shape, target, how in WEIGHTS:
                if name not in tensors:
                    print(f"missing  {name} {shape}: needed for {target} ({how})")
                    problems += 1
                elif not fits(tensors[name].shape, shape):
                    print(f"wrong    {name}: the file has {tensors[name].shape}, this model needs {shape}")
                    problems += 1
                elif verbose:
                    print(f"ok       {name} {tensors[name].shape} -> {target} ({how})")
            if verbose:
                for name in sorted(set(tensors) - {row[0] for row in WEIGHTS}):
                    print(f"unused   {name} {tensors[name].shape}")
                print(f"{len(WEIGHTS) - problems} of {len(WEIGHTS)} tensors fit")
            return 1 if problems else 0
        """

    /// `targets(labels)`: what the loss compares the output with.
    static func targets(_ plan: ExportPlan) -> String {
        let body = switch plan.targets {
        case .classIndices: "return labels  # the class numbers themselves (sparse cross-entropy)"
        case .column: "return labels.astype(np.float32).reshape(-1, 1)  # one output unit: the 0/1 label"
        case .oneHot(let k): "return np.eye(\(k), dtype=np.float32)[labels]  # one-hot rows, as nnlab compares"
        }
        return """
            def targets(labels):
                \"\"\"What the loss compares the model's output with.\"\"\"
                \(body)
            """
    }

    /// `predicted_classes`, `write_predictions` and `report`.
    static func predictions(_ plan: ExportPlan) -> String {
        let rule = plan.outputUnits == 1
            ? "return (probabilities[:, 0] > 0.5).astype(np.int64)  # one unit: class 1 above 0.5"
            : "return probabilities.argmax(axis=1)  # the largest output (the first one on a tie)"
        let nnlab = plan.request.testAccuracy.map { "   (nnlab: \(accuracyText($0)))" } ?? ""
        return """
            def predicted_classes(probabilities):
                \"\"\"nnlab's rule for the predicted class of each row.\"\"\"
                \(rule)


            def write_predictions(path, labels, probabilities):
                \"\"\"One row per test example: its label, the predicted class and the output values.\"\"\"
                columns = ["label", "predicted"] + [f"p{k}" for k in range(probabilities.shape[1])]
                table = np.column_stack([labels, predicted_classes(probabilities), probabilities])
                np.savetxt(path, table, delimiter=",", header=",".join(columns), comments="", fmt="%.9g")


            def report(labels, probabilities, cost, predictions_file):
                accuracy = float(np.mean(predicted_classes(probabilities) == labels))
                print(f"test accuracy: {accuracy:.4f}   test cost: {cost:.4f}\(nnlab)")
                if predictions_file:
                    write_predictions(predictions_file, labels, probabilities)
            """
    }

    /// The argparse set-up at the top of `main`.
    static func argumentParser(_ plan: ExportPlan, framework: String) -> String {
        let r = plan.request
        let s = PythonSource.string
        var options: [[String]] = [[s("--weights"), "default=\(PythonSource.pathDefault(r.weightsPath))", "help=\"nnlab's .safetensors file\""]]
        options += r.data.options
        options += [
            [s("--train"), "action=\"store_true\"", "help=\"continue training, then evaluate\""],
            [s("--epochs"), "type=int", "default=\(r.training.epochs)"],
            [s("--batch-size"), "type=int", "default=\(r.training.batchSize)"],
            [s("--fresh"), "action=\"store_true\"", "help=\"start from the initializers, not nnlab's weights\""],
            [s("--check-weights"), "action=\"store_true\"", "help=\"only match the weights file\""],
            [s("--predictions"), "metavar=\"FILE\"", "help=\"write test predictions as CSV\""],
        ]
        var lines = ["    parser = argparse.ArgumentParser(description=\(s("nnlab's model \(r.modelName) in \(framework)")))"]
        for option in options { lines += PythonSource.call("parser.add_argument", option, indent: 4) }
        lines.append("    args = parser.parse_args()")
        return lines.joined(separator: "\n")
    }
}
