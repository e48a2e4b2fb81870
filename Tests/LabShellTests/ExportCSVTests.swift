// `export csv FILE`: every run's epochs as a tidy table, read back by Swift and by Python's csv
// module with the exact figures the runs recorded.

import Foundation
import TestProcess
import Testing
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials

@Suite("export csv")
struct ExportCSVTests {
    @Test("one row per run and epoch, with the runs' exact figures")
    func table() throws {
        let t = TestLab()
        t.spiralModel("train epochs=2 batch=40 as a", "sweep lr 0.01,0.1 epochs=3 batch=40")
        let file = t.folder("out").appendingPathComponent("runs.csv")
        #expect(t.run("export csv \(file.path)"))
        #expect(t.output.contains("wrote \(file.path): 8 rows (3 runs)"))
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines[0] == "run,epoch,cost,train_accuracy,validation_accuracy,seconds")
        #expect(lines.count == 1 + 2 + 3 + 3)
        var row = 1
        for run in t.lab.results.runs {
            for e in run.result.epochs {
                let cells = lines[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                #expect(cells[0] == run.name && Int(cells[1]) == e.epoch)
                #expect(Float(cells[2]) == e.cost && Float(cells[3]) == e.trainAccuracy && Float(cells[4]) == e.validationAccuracy)
                #expect(Double(cells[5]) != nil)
                row += 1
            }
        }
    }

    @Test("Python's csv module reads the file; missing validation figures are empty fields",
          .enabled(if: PythonTools.hasPython, "python3 is not installed"))
    func python() throws {
        let t = TestLab()
        #expect(t.run("data load xor", "layer add dense 4 tanh", "layer add dense 2 softmax", "train epochs=3 batch=4 as first",
                      "train epochs=2 batch=4 as xor"))
        let file = t.folder("out").appendingPathComponent("xor.csv")
        #expect(t.run("export csv \(file.path)"))
        let script = """
        import csv, json, sys
        rows = list(csv.DictReader(open(sys.argv[1], newline="")))
        print("RESULT " + json.dumps([[r["run"], int(r["epoch"]), float(r["cost"]), r["validation_accuracy"]] for r in rows]))
        """
        let (status, output) = try runPython3(["-c", script, file.path])
        #expect(status == 0, "\(output)")
        let rows = try #require(pythonJSON(output) as? [[Any]])
        let run = try CompareCommands.run(named: "xor", in: t.lab)
        #expect(rows.count == t.lab.results.runs.reduce(0) { $0 + $1.result.epochs.count })
        let last = try #require(rows.last)
        #expect(last[0] as? String == "xor" && last[1] as? Int == 2)
        #expect((last[2] as? Double).map { Float($0) } == run.result.epochs[1].cost)
        #expect(last[3] as? String == "")
    }

    @Test("refusals: nothing trained, a missing folder, a folder as the file")
    func refusals() {
        let t = TestLab()
        #expect(t.failure("export csv /tmp/x.csv").contains("no runs to export"))
        t.spiralModel("train epochs=1")
        #expect(t.failure("export csv /no/such/folder/x.csv").contains("the folder /no/such/folder does not exist"))
        #expect(t.failure("export csv \(t.root.path)").contains("is a folder"))
    }
}
