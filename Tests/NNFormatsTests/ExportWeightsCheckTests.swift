// The scripts' weight mapping against the tensors the engine really has: for every kind of model,
// the engine's parameters are written as a session's .safetensors file and each exported script's
// `--check-weights` mode, run with numpy and safetensors only, must map exactly those tensors with their
// shapes, and must notice a missing, reshaped or extra tensor.

import Foundation
import Testing
import TestProcess
@testable import NNFormats
import NNEngine

@Suite(.enabled(if: Python.hasSafetensors,
                "python3 cannot import safetensors.numpy; install it with: python3 -m pip install safetensors numpy"))
struct ExportWeightsCheckTests {
    /// Writes `fixture`'s script for `framework` and the engine network's weights, then runs the
    /// script's --check-weights on them.
    func check(_ fixture: ExportFixture, _ framework: String, vectorBiases: Bool = false, skip: Set<String> = [],
               reshape: [String: [Int]] = [:], extra: Bool = false) throws -> (status: Int32, output: String, network: Network) {
        let folder = try makeTemporaryFolder()
        let request = fixture.request()
        let script = try framework == "keras" ? ModelExport.keras(request) : ModelExport.pytorch(request)
        let url = try writeScript(script, named: "\(fixture.name)_\(framework).py", in: folder)
        let network = try fixture.network()
        let weights = folder.appendingPathComponent("weights.safetensors")
        if extra {
            var writer = SafetensorsWriter()
            for p in network.parameters { writer.add(p.name, matrix: p.value) }
            writer.add("dense1.weight.m", shape: [2], values: [0, 0])
            try writer.write(to: weights)
        } else {
            try writeWeights(of: network, to: weights, vectorBiases: vectorBiases, skip: skip, reshape: reshape)
        }
        // Run as if neither framework were installed (a None entry in sys.modules makes the import
        // fail): the check must work with numpy and safetensors alone, as on CI.
        let (status, output) = try runPython("""
            import runpy, sys
            sys.modules.update({"keras": None, "torch": None})
            sys.argv = sys.argv[1:]
            runpy.run_path(sys.argv[0], run_name="__main__")
            """, [url.path, "--check-weights", "--weights", weights.path])
        return (status, output, network)
    }

    static let cases = ExportFixture.all.flatMap { f in ["keras", "pytorch"].map { (f, $0) } }

    @Test(arguments: cases)
    func scriptMapsExactlyTheEnginesTensors(_ fixture: ExportFixture, _ framework: String) throws {
        let (status, output, network) = try check(fixture, framework)
        #expect(status == 0, "\(output)")
        let lines = output.split(separator: "\n").map(String.init)
        let ok = lines.filter { $0.hasPrefix("ok ") }
        #expect(ok.count == network.parameters.count, "\(output)")
        for p in network.parameters {
            let shape = "(\(p.value.rows), \(p.value.cols))"
            #expect(ok.contains { $0.hasPrefix("ok       \(p.name) \(shape) -> ") }, "\(p.name) \(shape) is not mapped:\n\(output)")
        }
        #expect(!lines.contains { $0.hasPrefix("unused") || $0.hasPrefix("missing") || $0.hasPrefix("wrong") }, "\(output)")
        #expect(lines.last == "\(network.parameters.count) of \(network.parameters.count) tensors fit")
    }

    @Test func biasesStoredAsVectorsAlsoFit() throws {
        for framework in ["keras", "pytorch"] {
            let (status, output, _) = try check(.lstm, framework, vectorBiases: true)
            #expect(status == 0, "\(output)")
            #expect(output.contains("ok       lstm1.bias (128,) -> "))
        }
    }

    @Test func aMissingTensorIsNamed() throws {
        let (status, output, _) = try check(.skip, "pytorch", skip: ["h2.bias"])
        #expect(status == 1)
        #expect(output.contains("missing  h2.bias (1, 64): needed for h2.bias (flattened)"), "\(output)")
        #expect(output.contains("5 of 6 tensors fit"))
    }

    @Test func aTransposedTensorIsCaught() throws {
        let (status, output, _) = try check(.skip, "keras", reshape: ["out.weight": [10, 64]])
        #expect(status == 1)
        #expect(output.contains("wrong    out.weight: the file has (10, 64), this model needs (64, 10)"), "\(output)")
    }

    @Test func anExtraTensorIsListedButDoesNotFail() throws {
        let (status, output, _) = try check(.xor, "pytorch", extra: true)
        #expect(status == 0, "\(output)")
        #expect(output.contains("unused   dense1.weight.m (2,)"))
    }
}
