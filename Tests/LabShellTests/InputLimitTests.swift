// Input limits: values on a boundary where the math breaks are refused with the range.

import Foundation
import Testing
@testable import LabShell

@Suite("Input limits")
struct InputLimitTests {
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
}
