// Safetensors against the reference implementation (the `safetensors` Python package): it must
// read what nnlab writes, and nnlab must read what it writes. Skipped when python3 cannot import it
// (`make test` installs it: python3 -m pip install safetensors numpy).

import Foundation
import Testing
import TestProcess
@testable import NNFormats

@Suite(.enabled(if: Python.hasSafetensors,
                "python3 cannot import safetensors.numpy; install it with: python3 -m pip install safetensors numpy"))
struct SafetensorsInteropTests {
    struct Loaded: Decodable {
        let tensors: [String: Tensor]
        let metadata: [String: String]?
        let order: [String]
    }
    struct Tensor: Decodable {
        let dtype: String
        let shape: [Int]
        let values: [Double]
    }

    @Test func referenceReadsWhatNnlabWrites() throws {
        let url = try makeTemporaryFolder().appendingPathComponent("model.safetensors")
        var writer = SafetensorsTests.sampleWriter()
        let big = (0..<5000).map { Float($0) * 0.37 - 900 }
        writer.add("layer2.weight", shape: [50, 100], values: big)
        try writer.write(to: url)

        let script = """
        import json, sys
        from safetensors import safe_open
        from safetensors.numpy import load_file
        tensors = load_file(sys.argv[1])
        with safe_open(sys.argv[1], framework="np") as f:
            metadata = f.metadata()
            order = list(f.keys())
        out = {"metadata": metadata, "order": order, "tensors": {
            name: {"dtype": str(a.dtype), "shape": list(a.shape),
                   "values": [float(x) for x in a.reshape(-1)]} for name, a in tensors.items()}}
        print("RESULT " + json.dumps(out))
        """
        let (status, output) = try runPython(script, [url.path])
        #expect(status == 0, "python3 failed:\n\(output)")
        let loaded = try pythonResult(output, as: Loaded.self)

        #expect(loaded.metadata == ["nnlab.model": SafetensorsTests.spec, "format": "pt"])
        #expect(Set(loaded.order) == ["layer1.weight", "layer1.bias", "step.scale", "layer2.weight"])
        let expected: [String: ([Int], [Float])] = [
            "layer1.weight": ([2, 3], [1, -2, 3.5, 0, 1e-8, -1e30]),
            "layer1.bias": ([3], [0.25, .pi, -0]),
            "step.scale": ([], [42]),
            "layer2.weight": ([50, 100], big),
        ]
        for (name, (shape, values)) in expected {
            let tensor = try #require(loaded.tensors[name], "the reference did not load \(name)")
            #expect(tensor.dtype == "float32")
            #expect(tensor.shape == shape, "\(name)")
            // Float -> Double is exact, so equality is exact too.
            #expect(tensor.values == values.map(Double.init), "\(name)")
        }
    }

    @Test func nnlabReadsWhatTheReferenceWrites() throws {
        let url = try makeTemporaryFolder().appendingPathComponent("from-python.safetensors")
        let script = """
        import json, sys
        import numpy as np
        from safetensors.numpy import save_file
        tensors = {
            "dense/kernel": (np.arange(12, dtype=np.float32).reshape(3, 4) / 7 - 0.5),
            "dense/bias": np.array([1e-7, -3.25, 65000.0], dtype=np.float32),
            "half": np.array([[0.1, -2.5], [1024.0, 6e-8]], dtype=np.float16),
            "double": np.array([1 / 3, -1e-40, 12345.6789], dtype=np.float64),
            "scalar": np.array(2.5, dtype=np.float32),
        }
        save_file(tensors, sys.argv[1], metadata={"nnlab.model": '{"layers": [3, 4]}', "author": "ref"})
        out = {"metadata": None, "order": [], "tensors": {
            name: {"dtype": str(a.dtype), "shape": list(a.shape),
                   "values": [float(np.float32(x)) for x in a.reshape(-1)]} for name, a in tensors.items()}}
        print("RESULT " + json.dumps(out))
        """
        let (status, output) = try runPython(script, [url.path])
        #expect(status == 0, "python3 failed:\n\(output)")
        let written = try pythonResult(output, as: Loaded.self)

        let file = try SafetensorsFile(contentsOf: url)
        #expect(file.metadata == ["nnlab.model": #"{"layers": [3, 4]}"#, "author": "ref"])
        #expect(Set(file.tensors.map(\.name)) == Set(written.tensors.keys))
        let dtypes = Dictionary(uniqueKeysWithValues: file.tensors.map { ($0.name, $0.dtype) })
        #expect(dtypes == ["dense/kernel": .f32, "dense/bias": .f32, "half": .f16, "double": .f64, "scalar": .f32])
        for (name, reference) in written.tensors {
            #expect(file.tensor(name)?.shape == reference.shape, "\(name)")
            // The script printed each value rounded to float32, as nnlab converts it.
            #expect(try file.floats(name).map(Double.init) == reference.values, "\(name)")
        }
    }
}
