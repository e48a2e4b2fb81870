// `export keras FILE.py` and `export pytorch FILE.py` from the shell: the scripts are valid
// Python, their --check-weights agrees with the weights file written beside them, that file holds
// exactly the network's weights, and (where PyTorch is installed) the script reproduces nnlab's
// test accuracy with those weights.

import Foundation
import TestProcess
import Testing
import NNFormats
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials
import LabKit

@Suite("export keras / pytorch")
struct ExportModelTests {
    /// A trained spiral net with dropout, its scripts exported into `out/`.
    func exported() -> (TestLab, URL) {
        let t = TestLab()
        t.spiralModel("layer insert 2 dropout 0.8", "train epochs=5 batch=20")
        let out = t.folder("out")
        #expect(t.run("export pytorch \(out.path)/net_torch.py", "export keras \(out.path)/net_keras.py"))
        return (t, out)
    }

    @Test("the weights file beside the script holds exactly the network's weights")
    func weightsFile() throws {
        let (t, out) = exported()
        let file = try SafetensorsFile(contentsOf: out.appendingPathComponent("net_torch.safetensors"))
        let network = try #require(t.lab.network)
        #expect(file.tensors.map(\.name).sorted() == network.parameters.map(\.name).sorted())
        for p in network.parameters {
            #expect(file.tensor(p.name)?.shape == [p.value.rows, p.value.cols])
            #expect(try file.floats(p.name) == p.value.array)
        }
        #expect(file.metadata["nnlab.model"]?.contains("dense1") == true)
        // Generated points: the exact splits are written beside the script.
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == ["net_keras-test.csv", "net_keras-train.csv", "net_keras.py", "net_keras.safetensors",
                          "net_torch-test.csv", "net_torch-train.csv", "net_torch.py", "net_torch.safetensors"])
        #expect(t.output.contains("should print test accuracy"))
    }

    @Test("both scripts compile, and --check-weights finds every tensor",
          .enabled(if: python3CanImport("safetensors.numpy"), "python3 needs numpy and safetensors (python3 -m pip install safetensors numpy)"))
    func scripts() throws {
        let (t, out) = exported()
        let count = try #require(t.lab.network).parameters.count
        for name in ["net_torch.py", "net_keras.py"] {
            let script = out.appendingPathComponent(name).path
            let compiled = try runPython3(["-m", "py_compile", script])
            #expect(compiled.status == 0, "\(name): \(compiled.output)")
            let check = try runPython3([script, "--check-weights"], in: t.root)
            #expect(check.status == 0, "\(name): \(check.output)")
            #expect(check.output.contains("\(count) of \(count) tensors fit"), "\(name): \(check.output)")
            #expect(!check.output.contains("missing") && !check.output.contains("wrong"))
        }
        // A weights file that no longer fits is caught.
        var writer = SafetensorsWriter()
        writer.add("dense1.weight", shape: [3, 8], values: [Float](repeating: 0, count: 24))
        try writer.write(to: out.appendingPathComponent("other.safetensors"))
        let bad = try runPython3([out.appendingPathComponent("net_torch.py").path, "--check-weights",
                                  "--weights", out.appendingPathComponent("other.safetensors").path], in: t.root)
        #expect(bad.status != 0 && bad.output.contains("wrong") && bad.output.contains("missing"))
    }

    @Test("the PyTorch script reproduces nnlab's test accuracy with nnlab's weights",
          .enabled(if: python3CanImport("torch") && python3CanImport("safetensors.numpy"), "PyTorch is not installed"))
    func pytorchAccuracy() throws {
        let (t, out) = exported()
        t.run("eval")
        let accuracy = try #require(t.lab.results.lastEvaluation?.evaluation.accuracy)
        // Paths inside the script are read beside it, so it runs from any folder.
        let run = try runPython3([out.appendingPathComponent("net_torch.py").path], in: URL(fileURLWithPath: "/"))
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("test accuracy: \(NumberFormat.fourDecimals(accuracy))"), "\(run.output)")
    }

    @Test("a saved session's weights file is used when it is current")
    func sessionWeights() throws {
        let t = TestLab()
        t.spiralModel("train epochs=2 batch=20")
        let network = try #require(t.lab.network)
        try ModelExportCommand.writeWeights(network, model: t.lab.model, to: t.lab.paths.sessions.appendingPathComponent("lab.safetensors"))
        t.lab.session.name = "lab"
        t.lab.session.hasUnsavedWork = false
        let out = t.folder("out")
        #expect(t.run("export pytorch \(out.path)/a.py"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("a.safetensors").path))
        let script = try String(contentsOf: out.appendingPathComponent("a.py"), encoding: .utf8)
        #expect(script.contains("sessions/lab.safetensors"))
        // After more training the session's file is stale: the current weights are written beside the script.
        #expect(t.run("train epochs=1 batch=20"))
        #expect(t.run("export pytorch \(out.path)/b.py"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("b.safetensors").path))
    }

    @Test("refusals name the problem and write nothing")
    func refusals() throws {
        let t = TestLab()
        let out = t.folder("out")
        #expect(t.failure("export keras \(out.path)/m.py").contains("no data is loaded"))
        t.run("data load spiral", "layer add dense 1 softmax")
        #expect(t.failure("export keras \(out.path)/m.txt").contains("does not end in .py"))
        let classes = t.failure("export pytorch \(out.path)/m.py")
        #expect(classes.contains("has 1 unit, but spiral has 2 classes") && classes.contains("hint:"), "\(classes)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
        #expect(t.failure("export keras /no/such/folder/m.py").contains("does not exist"))
    }
}
