// The libedit side that runs without a terminal: prompt markup, the UTF-8 locale switch, the
// editor's history (kept in step with libedit's), and the factory's choice.

import Foundation
import LibEditLine
import LineEditing
import Testing

@Suite("LibEditLine without a terminal")
struct LibEditLineTests {
    @Test("colour escapes in a prompt are wrapped in Ctrl-A so libedit counts 7 columns")
    func promptMarkup() {
        let coloured = "\u{1B}[1;34mnnlab>\u{1B}[0m "
        #expect(PromptMarkup.marked(coloured) == "\u{01}\u{1B}[1;34m\u{01}nnlab>\u{01}\u{1B}[0m\u{01} ")
        #expect(PromptMarkup.marked("nnlab> ") == "nnlab> ")
        // Adjacent escapes share one pair of markers; an OSC title ends at BEL.
        #expect(PromptMarkup.marked("\u{1B}]0;title\u{07}\u{1B}[1mX") == "\u{01}\u{1B}]0;title\u{07}\u{1B}[1m\u{01}X")
        // Stray Ctrl-A characters would unbalance the markers and are dropped.
        #expect(PromptMarkup.marked("a\u{01}b") == "ab")
        // An escape cut short at the end is still closed.
        #expect(PromptMarkup.marked("x\u{1B}[3") == "x\u{01}\u{1B}[3\u{01}")
    }

    @Test("the locale switch leaves LC_CTYPE in UTF-8")
    func utf8Locale() {
        #expect(UTF8Locale.activate())
        #expect(UTF8Locale.isActive)
    }

    @Test("the libedit editor keeps history by the shared rules and round-trips its file")
    func editorHistory() throws {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("history")
        let editor = try LibEditLineEditor(historyLimit: 3)
        for line in ["layer add dense 512 relu", "layer add dense 512 relu", "", "train", "안녕", "help"] {
            editor.addHistory(line)
        }
        #expect(editor.history == ["train", "안녕", "help"])
        try editor.saveHistory(to: file)

        let other = try LibEditLineEditor(historyLimit: 2)
        try other.loadHistory(from: file)
        #expect(other.history == ["안녕", "help"])
        try other.loadHistory(from: folder.url.appendingPathComponent("missing"))
        #expect(other.history.isEmpty)
    }

    @Test("the factory picks the plain reader when not interactive, and never fails")
    func factory() throws {
        let folder = try TemporaryFolder()
        let editor = makeLineEditor(historyPath: folder.url.appendingPathComponent("h").path, interactive: false)
        #expect(editor is PlainLineReader)
        #expect(Interrupts.isInstalled)
        let interactive = makeLineEditor(historyPath: nil, interactive: true)
        #expect(interactive is LibEditLineEditor)
    }
}
