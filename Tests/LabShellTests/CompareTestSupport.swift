// Helpers for the tests of comparing, inspecting and exporting: a tiny image data set (so image
// drawing is tested without MNIST), a recipe that trains in milliseconds, and python3 runs.

import Foundation
import TestProcess
import NNCore
import NNData
import NNEngine
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials

extension TestLab {
    /// Loads 4x4 "images" of two classes (a bright top half or a bright bottom half, with noise):
    /// 40 train, 10 validation, 12 test.
    func loadTinyImages() {
        let generator = SeededGenerator(seed: 5)
        func split(_ count: Int) -> InMemoryData {
            var values: [Float] = [], labels: [Int32] = []
            for i in 0..<count {
                let label = i % 2
                for row in 0..<4 {
                    for _ in 0..<4 {
                        let bright = (row < 2) == (label == 0)
                        values.append(min(1, max(0, (bright ? 0.8 : 0.1) + 0.2 * (generator.uniform() - 0.5))))
                    }
                }
                labels.append(Int32(label))
            }
            return InMemoryData(features: Matrix(rows: count, cols: 16, values: values), labels: labels, classCount: 2)
        }
        let info = DataSetInfo(name: "tiny", summary: "4x4 test images", classNames: ["top", "bottom"], featureShape: [4, 4],
                               source: "test", identity: DataIdentity(name: "tiny"))
        lab.setData(LoadedDataSet(info: info, train: split(40), validation: split(10), test: split(12)), command: "tiny")
        lab.rebuild()
    }

    /// Spiral points with a small relu net: trains a few epochs in a few milliseconds.
    func spiralModel(_ extra: String...) {
        let ok = run("data load spiral", "layer add dense 8 relu", "layer add dense 8 relu", "layer add dense 2 softmax")
        precondition(ok, "setting up the spiral model failed: \(console.warnings)")
        for line in extra { run(line) }
    }

    /// A temporary folder, removed with the lab.
    func folder(_ name: String) -> URL {
        let url = root.appendingPathComponent(name)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Whether python3 can import `module` (the tests that need it are skipped otherwise).
func python3CanImport(_ module: String) -> Bool {
    (try? runPython3(["-c", "import \(module)"]))?.status == 0
}

/// The JSON on the line starting "RESULT " of a script's output.
func pythonJSON(_ output: String) -> Any? {
    guard let line = output.split(separator: "\n").last(where: { $0.hasPrefix("RESULT ") }) else { return nil }
    return try? JSONSerialization.jsonObject(with: Data(line.dropFirst(7).utf8))
}

enum PythonTools {
    static let hasPython = python3CanImport("json")
    static let hasTensorBoard = python3CanImport("tensorboard.backend.event_processing.event_accumulator")
}
