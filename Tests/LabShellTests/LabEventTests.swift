// LabEvent's JSON lines (`nnlab run --json`): one flat object, keys sorted, absent fields left out.

import Testing
import LabCommands
import LabCore
import LabSessions
import LabShell
import LabTutorials

@Suite struct LabEventTests {
    @Test func anErrorNamesItsCommandFileAndLine() {
        let event = LabEvent.error(command: "bogus", message: "unknown command 'bogus'", file: "/tmp/a.nnlab", line: 6)
        #expect(event.json == #"{"command":"bogus","event":"error","file":"\/tmp\/a.nnlab","line":6,"message":"unknown command 'bogus'"}"#)
    }

    @Test func absentFieldsAreLeftOut() {
        #expect(LabEvent.trainingEnded(run: "run1", outcome: "completed").json
                == #"{"event":"training_ended","outcome":"completed","run":"run1"}"#)
        #expect(LabEvent.error(command: "x", message: "m", file: nil, line: nil).json
                == #"{"command":"x","event":"error","message":"m"}"#)
    }
}
