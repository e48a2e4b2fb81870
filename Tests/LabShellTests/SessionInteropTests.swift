// A session's weights file against the reference `safetensors` Python package: it reads what
// `save` wrote (names, shapes, values, metadata), and `load` takes a file it wrote. Skipped when
// python3 cannot import safetensors.numpy (`make test` installs it).

import Foundation
import Testing
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials

/// Runs `python3 -c script args...`; returns the exit status and the combined output.
func runPython(_ script: String, _ arguments: [String] = []) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()   // before waiting: a full pipe would block
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

enum PythonSafetensors {
    static let available = (try? runPython("import safetensors.numpy, numpy"))?.status == 0
}

@Suite(.enabled(if: PythonSafetensors.available,
                "python3 cannot import safetensors.numpy; install it: python3 -m pip install safetensors numpy"))
struct SessionInteropTests {
    struct Tensor: Decodable {
        let dtype: String
        let shape: [Int]
        let values: [Double]
    }
    struct Read: Decodable {
        let tensors: [String: Tensor]
        let metadata: [String: String]
        let modelLayers: Int
    }

    @Test("the reference package reads a session's weights: names, shapes, F32 values and metadata")
    func referenceReads() throws {
        let project = SessionProject()
        let t = project.savedXOR()
        let script = """
            import json, sys
            from safetensors import safe_open
            from safetensors.numpy import load_file
            tensors = load_file(sys.argv[1])
            with safe_open(sys.argv[1], framework="np") as f:
                metadata = f.metadata()
            out = {"metadata": metadata, "modelLayers": len(json.loads(metadata["nnlab.model"])["layers"]),
                   "tensors": {k: {"dtype": str(a.dtype), "shape": list(a.shape), "values": [float(x) for x in a.reshape(-1)]}
                               for k, a in tensors.items()}}
            print("RESULT " + json.dumps(out))
            """
        let (status, output) = try runPython(script, [project.weights("xor").path])
        #expect(status == 0, "\(output)")
        let line = try #require(output.split(separator: "\n").last { $0.hasPrefix("RESULT ") })
        let read = try JSONDecoder().decode(Read.self, from: Data(line.dropFirst(7).utf8))
        #expect(read.modelLayers == 2 && read.metadata["nnlab.seed"] == "3")
        for p in try #require(t.lab.network).parameters {
            let tensor = try #require(read.tensors[p.name])
            #expect(tensor.dtype == "float32")
            #expect(tensor.shape == (p.name.hasSuffix(".bias") ? [p.value.cols] : [p.value.rows, p.value.cols]))
            #expect(tensor.values == p.value.array.map(Double.init), "\(p.name)")
        }
        #expect(read.tensors["optimizer.dense1.weight.m"]?.shape == [2, 4])
    }

    @Test("load takes a weights file the reference package wrote (float32 and float64), values exact")
    func nnlabReads() throws {
        let project = SessionProject()
        project.savedXOR()
        let script = """
            import sys
            import numpy as np
            from safetensors import safe_open
            from safetensors.numpy import save_file
            path = sys.argv[1]
            with safe_open(path, framework="np") as f:
                metadata = f.metadata()
                tensors = {k: f.get_tensor(k) for k in f.keys() if not k.startswith("optimizer.")}
            out = {k: (a * np.float32(0.5)).astype(np.float32) for k, a in tensors.items()}
            out["dense2.weight"] = out["dense2.weight"].astype(np.float64)
            del metadata["nnlab.optimizer_step"]
            save_file(out, path, metadata=metadata)
            print("RESULT ok")
            """
        let saved = project.lab()
        #expect(saved.run("load xor"))
        let halves = try #require(saved.lab.network).parameters.map { ($0.name, $0.value.array.map { $0 * 0.5 }) }
        let (status, output) = try runPython(script, [project.weights("xor").path])
        #expect(status == 0, "\(output)")

        let t = project.lab()
        #expect(t.run("load xor mismatched"), "\(t.warnings)")
        #expect(t.warnings.contains("loaded anyway"))
        for (name, values) in halves {
            #expect(t.lab.network?.parameters.first { $0.name == name }?.value.array == values, "\(name)")
        }
        #expect(t.run("eval test", "train epochs=2 batch=4"))
    }
}
