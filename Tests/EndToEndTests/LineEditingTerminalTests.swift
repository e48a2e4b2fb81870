// End-to-end checks of LibEditLineEditor through a real pseudo-terminal: prompt, typing,
// TAB completion, history, Korean input. Each test starts its own lineedit-demo and waits for
// each prompt before typing, as a person would.

import Foundation
import Testing

@Suite("libedit editor in a pseudo-terminal", .enabled(if: LineEditDemo.path != nil, LineEditDemo.notBuiltMessage))
struct LineEditingTerminalTests {
    @Test("a prompt appears, a typed line comes back intact, Ctrl-D exits with status 0")
    func promptLineAndExit() throws {
        let terminal = try LineEditDemo.start()
        #expect(terminal.transcript.contains("editor: libedit"))
        try terminal.submit("layer add dense 512 relu", expecting: "layer add dense 512 relu")
        try terminal.send(Key.ctrlD)
        try terminal.waitFor("bye")
        #expect(try terminal.waitForExit() == .exited(0))
    }

    @Test("TAB completes a single candidate with a space, but not after = or /")
    func tabCompletesSingleCandidate() throws {
        let terminal = try LineEditDemo.start()
        try terminal.submit("la" + Key.tab, expecting: "layer ")
        try terminal.submit("train e" + Key.tab + "15 d" + Key.tab + "mnist", expecting: "train epochs=15 data/mnist")
    }

    @Test("TAB extends to the common prefix, then completes after one more letter")
    func tabExtendsCommonPrefix() throws {
        let terminal = try LineEditDemo.start()
        // dropout and dropblock share "drop"; an "o" then leaves only dropout.
        try terminal.submit("layer add dr" + Key.tab + "o" + Key.tab, expecting: "layer add dropout ")
    }

    @Test("l TAB rings the bell, a second TAB lists the candidates in columns, the line survives")
    func doubleTabLists() throws {
        let terminal = try LineEditDemo.start()
        let bellsBefore = terminal.bellCount
        try terminal.send("l" + Key.tab)
        try terminal.waitUntil("the bell rings") { $0.bellCount > bellsBefore }
        #expect(!terminal.transcript.contains("load"))
        try terminal.send(Key.tab)
        // Widest candidate "layer" (5) + 2 spaces = 7-column cells, all on one row at 80 columns.
        try terminal.waitFor("\nlayer  load   loss\n")
        try terminal.waitFor(LineEditDemo.prompt + "l")
        try terminal.submit("oa" + Key.tab, expecting: "load ")
    }

    @Test("listings wrap into rows, column by column, in a narrow terminal")
    func listingFitsNarrowTerminal() throws {
        let terminal = try LineEditDemo.start(columns: 16)
        try terminal.send("l" + Key.tab + Key.tab)
        // 7-column cells: two fit in 16 columns, so three candidates take two rows, filled
        // down the first column first.
        try terminal.waitFor("\nlayer  loss\nload\n")
    }

    @Test("after the window shrinks, listings use the new width and editing goes on")
    func resizeWhileEditing() throws {
        let terminal = try LineEditDemo.start()
        try terminal.send("l")
        try terminal.waitFor("l")
        try terminal.resize(columns: 16)
        try terminal.send(Key.tab + Key.tab)
        try terminal.waitFor("\nlayer  loss\nload\n")
        try terminal.submit("oa" + Key.tab, expecting: "load ")
        #expect(terminal.isRunning)
    }

    @Test("the Up arrow recalls earlier lines, and a recalled line can be edited")
    func upArrowRecallsHistory() throws {
        let terminal = try LineEditDemo.start()
        try terminal.submit("train epochs=15 batch=100", expecting: "train epochs=15 batch=100")
        try terminal.submit("help", expecting: "help")
        try terminal.submit(Key.up + Key.up, expecting: "train epochs=15 batch=100")
        try terminal.submit(Key.up + String(repeating: Key.backspace, count: 3) + "50", expecting: "train epochs=15 batch=50")
    }

    @Test("Ctrl-R finds an earlier line by what it contains")
    func ctrlRSearchesHistory() throws {
        let terminal = try LineEditDemo.start()
        try terminal.submit("train epochs=3", expecting: "train epochs=3")
        try terminal.submit("layer add dense 10", expecting: "layer add dense 10")
        try terminal.submit("help", expecting: "help")
        try terminal.submit(Key.ctrlR + "epo", expecting: "train epochs=3")
    }

    @Test("history saved at exit is recalled by the next run")
    func historySurvivesRestart() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lineedit-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("history").path

        let first = try LineEditDemo.start(["LINEEDIT_DEMO_HISTORY": file])
        try first.submit("layer add dense 256 relu", expecting: "layer add dense 256 relu")
        try first.submit("train epochs=3", expecting: "train epochs=3")
        try first.send(Key.ctrlD)
        #expect(try first.waitForExit() == .exited(0))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "layer add dense 256 relu\ntrain epochs=3\n")

        let second = try LineEditDemo.start(["LINEEDIT_DEMO_HISTORY": file])
        try second.submit(Key.up + Key.up, expecting: "layer add dense 256 relu")
    }

    @Test("Korean text round-trips intact and is edited by whole characters, with no locale set")
    func koreanRoundTrip() throws {
        // No LANG/LC_*: the editor must switch to C.UTF-8 by itself.
        let terminal = try LineEditDemo.start(["LANG": nil, "LC_ALL": nil, "LC_CTYPE": nil, "LANGUAGE": nil])
        try terminal.submit("안녕", expecting: "안녕")
        // Backspace removes one syllable (three UTF-8 bytes); Left moves by one syllable.
        try terminal.submit("안녕하세요" + Key.backspace, expecting: "안녕하세")
        try terminal.submit("안녕" + Key.left + "X", expecting: "안X녕")
        // Korean comes back from history too.
        try terminal.submit(Key.up, expecting: "안X녕")
    }

    @Test("Ctrl-D in the middle of a line deletes a character instead of exiting")
    func ctrlDOnNonEmptyLine() throws {
        let terminal = try LineEditDemo.start()
        try terminal.submit("ab" + Key.left + Key.ctrlD, expecting: "a")
        #expect(terminal.isRunning)
    }
}
