// `tensorboard DIR`: the shell's runs (train, sweep entries, ensemble members) logged as event
// files that TensorBoard's own reader (the `tensorboard` Python package's EventAccumulator) reads
// back with the right tags, steps and values. The reading tests are skipped when python3 cannot
// import tensorboard (install it with: python3 -m pip install tensorboard).

import Foundation
import TestProcess
import Testing
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials

@Suite("TensorBoard logging")
struct TensorBoardLoggingTests {
    static let reader = """
    import json, sys
    from tensorboard.backend.event_processing import event_accumulator as ea
    acc = ea.EventAccumulator(sys.argv[1], size_guidance={ea.SCALARS: 0, ea.HISTOGRAMS: 0})
    acc.Reload()
    tags = acc.Tags()
    out = {"scalars": {}, "histograms": {}}
    for tag in tags["scalars"]:
        out["scalars"][tag] = [[e.step, e.value] for e in acc.Scalars(tag)]
    for tag in tags["histograms"]:
        out["histograms"][tag] = [[e.step, e.histogram_value.num] for e in acc.Histograms(tag)]
    print("RESULT " + json.dumps(out))
    """

    /// What TensorBoard reads from one run folder: scalars as (step, value), histograms as (step, count).
    /// Values are compared as Float: TensorBoard stores float32, and the JSON text in between is
    /// read back by Foundation without a guarantee of the last double digit.
    func read(_ folder: URL) throws -> (scalars: [String: [(Int, Float)]], histograms: [String: [(Int, Float)]]) {
        let (status, output) = try runPython3(["-c", Self.reader, folder.path])
        #expect(status == 0, "python3 failed:\n\(output)")
        let json = try #require(pythonJSON(output) as? [String: [String: [[Double]]]], "no result:\n\(output)")
        func pairs(_ d: [String: [[Double]]]?) -> [String: [(Int, Float)]] {
            (d ?? [:]).mapValues { $0.map { (Int($0[0]), Float($0[1])) } }
        }
        return (pairs(json["scalars"]), pairs(json["histograms"]))
    }

    func eventFiles(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix("events.out.tfevents.") }
    }

    @Test("tensorboard DIR turns logging on and off; bad folders are refused")
    func switching() {
        let t = TestLab()
        #expect(t.run("tensorboard"))
        #expect(t.output.contains("logging is off"))
        let dir = t.root.appendingPathComponent("logs/lab10")
        #expect(t.run("tensorboard \(dir.path) every=5"))
        #expect(t.lab.tensorboard?.directory.path == dir.path && t.lab.tensorboard?.batchInterval == 5)
        #expect(FileManager.default.fileExists(atPath: dir.path))
        #expect(t.output.contains("tensorboard --logdir \(dir.path)"))
        let file = t.root.appendingPathComponent("afile")
        FileManager.default.createFile(atPath: file.path, contents: Data("x".utf8))
        #expect(t.failure("tensorboard \(file.path)").contains("is a file, not a folder"))
        #expect(t.lab.tensorboard?.directory.path == dir.path)       // unchanged by the refusal
        #expect(t.run("tensorboard off"))
        #expect(t.lab.tensorboard == nil)
    }

    @Test("TensorBoard reads a trained run's scalars, batch costs and histograms",
          .enabled(if: PythonTools.hasTensorBoard, "python3 cannot import tensorboard (python3 -m pip install tensorboard)"))
    func trainedRun() throws {
        let t = TestLab()
        let dir = t.folder("tb")
        t.spiralModel("tensorboard \(dir.path) every=3", "train epochs=3 batch=40 as tiny")
        let run = try CompareCommands.run(named: "tiny", in: t.lab)
        let log = try read(dir.appendingPathComponent("tiny"))
        for tag in ["cost", "accuracy", "validation_accuracy", "validation_cost", "learning_rate", "batch/cost"] {
            #expect(log.scalars[tag] != nil, "missing \(tag); have \(log.scalars.keys.sorted())")
        }
        #expect(log.scalars["cost"]?.map(\.0) == [1, 2, 3])
        #expect(log.scalars["cost"]?.map(\.1) == run.result.epochs.map(\.cost))
        #expect(log.scalars["accuracy"]?.map(\.1) == run.result.epochs.map(\.trainAccuracy))
        #expect(log.scalars["validation_accuracy"]?.map(\.1) == run.result.epochs.map { $0.validationAccuracy! })
        #expect(log.scalars["learning_rate"]?.map(\.1) == [0.001, 0.001, 0.001])
        // 7 batches per epoch, 21 in all: a point every 3 batches, at the global batch number.
        let batches = try #require(log.scalars["batch/cost"])
        #expect(batches.map(\.0) == [3, 6, 9, 12, 15, 18, 21])
        #expect(batches.map(\.1) == batches.map { run.result.batchCosts[$0.0 - 1] })
        // Weights and gradients of every parameter, each epoch, every element counted.
        let network = try #require(t.lab.network)
        for p in network.parameters {
            for kind in ["values", "gradients"] {
                let h = try #require(log.histograms["\(p.name)/\(kind)"], "no histogram \(p.name)/\(kind)")
                #expect(h.map(\.0) == [1, 2, 3] && h.allSatisfy { $0.1 == Float(p.value.count) })
            }
        }
        // A run that replaces one of the same name replaces its event files.
        #expect(t.run("train epochs=1 batch=40 as tiny"))
        #expect(eventFiles(dir.appendingPathComponent("tiny")).count == 1)
        #expect(try read(dir.appendingPathComponent("tiny")).scalars["cost"]?.map(\.0) == [1])
    }

    @Test("sweep entries and ensemble members are logged as runs of their own",
          .enabled(if: PythonTools.hasTensorBoard, "python3 cannot import tensorboard (python3 -m pip install tensorboard)"))
    func sweepsAndEnsembles() throws {
        let t = TestLab()
        let dir = t.folder("tb")
        t.spiralModel("tensorboard \(dir.path)", "sweep lr 0.01,0.001 epochs=2 batch=40", "ensemble train 2 epochs=1 batch=40")
        for name in ["0.01", "0.001", "member1", "member2"] {
            let run = try CompareCommands.run(named: name, in: t.lab)
            let log = try read(dir.appendingPathComponent(name))
            #expect(log.scalars["cost"]?.map(\.1) == run.result.epochs.map(\.cost), "\(name)")
        }
        // Each entry logs its own learning rate.
        #expect(try read(dir.appendingPathComponent("0.01")).scalars["learning_rate"]?.first?.1 == 0.01)
    }
}
