// How the lab's weights were obtained is lab state (ModelOrigin), not a search through the journal.

import Testing
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials

@Suite struct ModelOriginTests {
    @Test func evalNotesAnUntrainedModelUntilTrainingRuns() {
        let t = TestLab()
        #expect(t.run("data load xor", "layer add dense 4 relu", "layer add dense 2 softmax"))
        #expect(t.lab.results.modelOrigin == .drawn)
        #expect(t.run("eval train"))
        #expect(t.console.warnings.contains { $0.contains("has not been trained yet") })
        #expect(t.run("train epochs=1 batch=4"))
        #expect(t.lab.results.modelOrigin == .trained)
        t.console.reset()
        #expect(t.run("eval train"))
        #expect(t.console.warnings.isEmpty)
        t.lab.reset()
        #expect(t.lab.results.modelOrigin == .drawn)
    }
}
