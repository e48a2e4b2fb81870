// The REPL end to end, through a pseudo-terminal, as a learner uses it: TAB completion, history
// recall, Ctrl-C during training (stops after the batch, keeps the REPL), errors that do not end
// the session, Korean input, and Ctrl-D.

import Foundation
import Testing

@Suite("nnlab REPL in a terminal", .enabled(if: NNLabProcess.path != nil, NNLabProcess.notBuiltMessage), .serialized)
struct ReplTests {
    @Test("TAB completes commands, subcommands, values and option keys")
    func completion() throws {
        let project = NNLabProcess.makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let t = try NNLabProcess.start(project: project)
        try t.send("dat" + Key.tab)
        try t.waitFor("data ")
        try t.send("lo" + Key.tab)
        try t.waitFor("load ")      // the line now reads "data load "
        try t.send("xo" + Key.tab + Key.enter)
        try t.waitFor("xor: 4 train")
        try t.waitFor(NNLabProcess.prompt)
        try t.send("layer add dense 4 rel" + Key.tab + Key.enter)
        try t.waitFor("dense 4 relu")
        try t.waitFor(NNLabProcess.prompt)
        try t.send("train ep" + Key.tab + "1 batch=4" + Key.enter)
        try t.waitFor("epoch 1")
        try t.waitFor(NNLabProcess.prompt)
        try t.send(Key.ctrlD)
        try t.waitFor("Save before quitting?")
        try t.send("n" + Key.enter)
        #expect(try t.waitForExit() == .exited(0))
    }

    @Test("history: the Up arrow recalls earlier lines, also after a restart")
    func history() throws {
        let project = NNLabProcess.makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        do {
            let t = try NNLabProcess.start(project: project)
            try t.command("seed 42", expecting: "seed 42:")
            try t.command("set epochs=3", expecting: "epochs 3")
            try t.send(Key.up + Key.up + Key.enter)
            try t.waitFor("seed 42:")
            try t.waitFor(NNLabProcess.prompt)
            try t.send("quit force" + Key.enter)
            #expect(try t.waitForExit() == .exited(0))
        }
        let again = try NNLabProcess.start(project: project)
        try again.send(Key.up + Key.up + Key.enter)  // the newest entry is "quit force"
        try again.waitFor("seed 42:")
        try again.waitFor(NNLabProcess.prompt)
        try again.send("quit force" + Key.enter)
        #expect(try again.waitForExit() == .exited(0))
    }

    @Test("Ctrl-C during training stops after the batch and keeps the REPL and the model")
    func interruptTraining() throws {
        let project = NNLabProcess.makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let t = try NNLabProcess.start(project: project)
        try t.command("data load xor", expecting: "xor: 4 train")
        try t.command("layer add dense 8 relu; layer add dense 1 sigmoid", expecting: "dense 1 sigmoid")
        try t.send("train epochs=1000000 batch=4" + Key.enter)
        try t.waitFor("training run1")
        try t.waitFor("epoch 1 ")
        try t.send(Key.ctrlC)
        try t.waitFor("stopped after batch", timeout: .seconds(20))
        try t.waitFor(NNLabProcess.prompt)
        try t.command("eval", expecting: "accuracy")
        try t.command("runs", expecting: "run1")
        try t.send("quit force" + Key.enter)
        #expect(try t.waitForExit() == .exited(0))
    }

    @Test("Ctrl-C at the prompt clears the line; errors keep the session; Korean text survives")
    func robustness() throws {
        let project = NNLabProcess.makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let t = try NNLabProcess.start(project: project)
        try t.send("layer add dense 10" + Key.ctrlC)
        try t.waitFor(NNLabProcess.prompt)
        try t.command("layr add", expecting: "did you mean 'layer'")
        try t.command("train", expecting: "no data is loaded")
        try t.command("data load csv 없는파일.csv label=y", expecting: "없는파일.csv")
        try t.command("help", expecting: "nnlab commands")
        try t.send(Key.ctrlD)
        #expect(try t.waitForExit() == .exited(0))
    }
}
