// Input limits: lines too long for a command, values on a boundary where the math breaks, and the
// replay tolerance counted in whole ten-thousandths.

import Foundation
import Testing
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials

@Suite("Input limits")
struct InputLimitTests {
    @Test("a 1 MB line is refused at once, naming the limit")
    func longLine() {
        let t = TestLab()
        let line = "layer add dense 4 relu " + String(repeating: "x", count: 1_000_000)
        let start = ContinuousClock.now
        let error = t.failure(line)
        #expect(ContinuousClock.now - start < .seconds(1))
        #expect(error.contains("a command line may have at most 65,536"), "\(error.prefix(200))")
        #expect(t.lab.model.layers.isEmpty)
    }

    @Test("values where the math breaks are refused with the range", arguments: [
        ("layer add dropout 1e-45", "at least 0.000001 and at most 1"),
        ("layer add dropout 0.0000001", "at least 0.000001 and at most 1"),
        ("optimizer adam beta1=1", "at most 0.999999"),
        ("optimizer adam beta2=1", "at most 0.999999"),
        ("optimizer rmsprop rho=1", "at most 0.999999"),
        ("train keep_prob=1e-7", "at least 0.000001"),
        ("set keep_prob 1e-9", "at least 0.000001"),
        ("sweep keep_prob 0.5,1e-9", "at least 0.000001 and at most 1"),
    ])
    func boundaries(line: String, range: String) {
        let t = TestLab()
        #expect(t.run("data load xor", "layer add dense 4 relu", "layer add dropout 0.5", "layer add dense 2 softmax"))
        let before = (t.lab.model, t.lab.optimizerSpec, t.lab.settings.defaults)
        let error = t.failure(line)
        #expect(error.contains(range), "\(line): \(error)")
        #expect(t.lab.model == before.0 && t.lab.optimizerSpec == before.1 && t.lab.settings.defaults == before.2)
    }

    @Test("the smallest keep_prob allowed still trains to finite figures")
    func smallestKeep() {
        let t = TestLab()
        #expect(t.run("data load xor", "layer add dense 4 relu", "layer add dropout 0.000001", "layer add dense 2 softmax",
                      "train epochs=2 batch=4"))
    }

    @Test("a difference of exactly the tolerance always agrees (whole ten-thousandths)")
    func tolerance() {
        let pairs = [("0.9812", "0.9807"), ("0.1000", "0.0995"), ("0.3337", "0.3342"), ("0.7001", "0.7006"), ("0.5555", "0.5550"),
                     ("0.0005", "0.0000"), ("1.2345", "1.2340")]
        for (a, b) in pairs {
            let verdict = FigureComparison.compare(recorded: ["epoch 1  cost \(a)"], replayed: ["epoch 1  cost \(b)"], tolerance: 0.0005)
            #expect(verdict.agrees, "\(a) vs \(b): \(verdict)")
            let beyond = FigureComparison.compare(recorded: ["epoch 1  cost \(a)"], replayed: ["epoch 1  cost \(b)"], tolerance: 0.0004)
            #expect(!beyond.agrees, "\(a) vs \(b) with 0.0004")
        }
        #expect(!FigureComparison.compare(recorded: ["cost 0.1000"], replayed: ["cost 0.1001"], tolerance: 0).agrees)
    }
}
