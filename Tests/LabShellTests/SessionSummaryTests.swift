// The one-line model summary of session headers and listings, and what a loaded session can and
// cannot bring back of an ensemble.

import Testing
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials

@Suite("Session summaries and loaded ensembles")
struct SessionSummaryTests {
    @Test("a stack reads as widths; a graph counts each kind of layer once")
    func summaries() {
        let t = TestLab()
        t.spiralModel()
        #expect(SessionStore.modelSummary(t.lab).hasPrefix("2-8-8-2 relu/softmax; "))
        #expect(t.run("model new", "layer add dense 8 relu as h0", "layer add dense 8 relu as a1", "layer add add h0 a1 as r1",
                      "layer add dense 8 relu as a2", "layer add add r1 a2 as r2", "layer add dropout 0.5", "layer add dense 2 softmax"))
        #expect(SessionStore.modelSummary(t.lab).hasPrefix("7-layer graph: 3 dense 8 relu, 2 add, dropout 0.5, dense 2 softmax; "))
        #expect(SessionStore.countedKinds([]) == "")
    }

    @Test("after load, ensemble eval says the members are runs only and how to get them back")
    func ensembleAfterLoad() {
        let t = TestLab()
        t.spiralModel("ensemble train 2 epochs=1")
        #expect(t.run("ensemble eval", "save duo"))
        #expect(t.run("load duo force"))
        #expect(t.lab.results.runs.map(\.name) == ["member1", "member2"])
        let message = t.failure("ensemble eval")
        #expect(message.contains("runs only") && message.contains("`replay duo`"))
        #expect(t.run("model new"))
        t.lab.results.runs = []
        #expect(t.failure("ensemble eval").contains("there is no ensemble yet"))
    }
}
