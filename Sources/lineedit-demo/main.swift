// lineedit-demo: the smallest REPL over LineEditing/LibEditLine, for end-to-end tests only.
//
// EndToEndTests start it inside a pseudo-terminal and type at it. It completes a tiny nnlab-like
// vocabulary, echoes each line it reads as `read: [LINE] scalars=N` (so tests check exactly what
// the editor returned, not how the screen was drawn), remembers lines in history, and has one
// command, `busy`, that polls the Ctrl-C flag the way training does. It is not part of nnlab.
//
// Environment:
//   LINEEDIT_DEMO_HISTORY  a history file to load at start and save at exit
//   LINEEDIT_DEMO_EDITOR   "libedit" forces libedit even on a pipe, "plain" forces the plain
//                          reader; anything else lets makeLineEditor decide

import Foundation
import LibEditLine
import LineEditing

func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

/// Words offered after the words already typed.
func vocabulary(after words: [String]) -> [String] {
    if words.isEmpty { return ["layer", "load", "loss", "train", "help"] }
    if words == ["layer"] { return ["add", "remove", "list"] }
    if words == ["layer", "add"] { return ["dense", "dropout", "dropblock"] }
    if words.first == "train" { return ["epochs=", "batch=", "data/"] }
    return []
}

let demoCompleter = ClosureCompleter { text in
    let done = text.split(separator: " ").map(String.init).dropLast(text.hasSuffix(" ") ? 0 : 1)
    return Completion.matching(vocabulary(after: Array(done)), in: text)
}

/// Waits for Ctrl-C like a training loop between batches, then keeps the flag set for a second
/// so a test can press Ctrl-C again while it is still pending.
func busy() {
    say("busy: waiting for Ctrl-C")
    while !Interrupts.isPending { usleep(10_000) }
    say("flag set")
    let end = Date().addingTimeInterval(1.0)
    while Date() < end { usleep(10_000) }
    say("stopped (took=\(Interrupts.take()))")
}

let environment = ProcessInfo.processInfo.environment
let historyURL = environment["LINEEDIT_DEMO_HISTORY"].map { URL(fileURLWithPath: $0) }
let editor: any LineEditor
switch environment["LINEEDIT_DEMO_EDITOR"] {
case "libedit":
    do {
        let libedit = try LibEditLineEditor(programName: "lineedit-demo")
        if let historyURL { try? libedit.loadHistory(from: historyURL) }
        editor = libedit
    } catch {
        say("error: \(error)")
        exit(1)
    }
case "plain":
    Interrupts.install()
    editor = PlainLineReader()
default:
    editor = makeLineEditor(historyPath: historyURL?.path)
}
editor.completer = demoCompleter
say("editor: \(editor is LibEditLineEditor ? "libedit" : "plain")")

readLoop: while true {
    switch editor.readLine(prompt: "nnlab> ") {
    case .line(let line):
        say("read: [\(line)] scalars=\(line.unicodeScalars.count)")
        editor.addHistory(line)
        if line == "busy" { busy() }
    case .interrupted:
        say("interrupted")
    case .endOfInput:
        break readLoop
    }
}
if let historyURL {
    do {
        try editor.saveHistory(to: historyURL)
    } catch {
        say("error: \(error)")
        exit(1)
    }
}
say("bye")
exit(0)
