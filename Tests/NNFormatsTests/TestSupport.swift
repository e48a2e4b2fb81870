// Helpers shared by the NNFormats tests: running python3 reference scripts (temporary folders come
// from TestProcess).

import Foundation
import TestProcess
#if canImport(Glibc)
import Glibc
#endif

/// Runs `python3 -c script args...` and returns its exit status and combined output.
func runPython(_ script: String, _ arguments: [String] = []) throws -> (status: Int32, output: String) {
    try runPython3(["-c", script] + arguments)
}

/// Whether `python3 -c "import MODULE"` succeeds (checked once per module per test run).
func pythonCanImport(_ module: String) -> Bool {
    (try? runPython("import \(module)"))?.status == 0
}

/// The JSON a reference script printed on its line starting with "RESULT ", decoded as T.
func pythonResult<T: Decodable>(_ output: String, as type: T.Type) throws -> T {
    guard let line = output.split(separator: "\n").last(where: { $0.hasPrefix("RESULT ") }) else {
        throw PythonScriptFailed(output: output)
    }
    return try JSONDecoder().decode(T.self, from: Data(line.dropFirst("RESULT ".count).utf8))
}

/// A reference script printed no result; its output says why.
struct PythonScriptFailed: Error, CustomStringConvertible {
    let output: String
    var description: String { "python3 printed no RESULT line:\n\(output)" }
}

enum Python {
    static let hasSafetensors = pythonCanImport("safetensors.numpy")
    static let hasTensorBoard = pythonCanImport("tensorboard.backend.event_processing.event_accumulator")
    static let hasPython = pythonCanImport("csv")
}
