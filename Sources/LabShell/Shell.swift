// Shell: the read-eval-print loop. It reads lines through a LineEditor (libedit on a terminal,
// plain lines through a pipe), hands them to the interpreter, and keeps the history. Ctrl-C at
// the prompt clears the line; during training it stops after the current batch; Ctrl-D quits
// (offering to save unsaved work).

import Foundation
import LabCommands
import LabCore
import LabSessions
import LabText
import LabTutorials
import LineEditing

/// The interactive loop.
public final class Shell {
    public let interpreter: Interpreter
    public let editor: any LineEditor
    public var lab: Lab { interpreter.lab }
    /// Lines that failed (a piped session exits non-zero when any did).
    public private(set) var failures = 0

    public init(interpreter: Interpreter, editor: any LineEditor) {
        self.interpreter = interpreter
        self.editor = editor
        let lab = interpreter.lab
        lab.shouldStop = { Interrupts.take() }
        editor.completer = CommandCompleter(commands: interpreter.parser.commands, names: LabNames(lab: lab, commands: interpreter.parser.commands).provider)
        if let console = lab.console as? TerminalConsole {
            console.readAnswer = { [weak editor] question in
                guard case .line(let text)? = editor?.readLine(prompt: question) else { return nil }
                return text
            }
        }
    }

    /// Runs until `quit`, Ctrl-D or the end of piped input. Returns the process exit status.
    public func run() -> Int32 {
        let interactive = lab.console.isInteractive
        if interactive { lab.console.write(Shell.banner(lab)) }
        while !interpreter.shell.quitRequested {
            switch editor.readLine(prompt: interactive ? interpreter.shell.prompt : "") {
            case .interrupted:
                lab.console.write(lab.console.style.dim(Language.$current.withValue(lab.settings.language) { loc(.ctrlCAtPrompt) }))
            case .endOfInput:
                if interactive { lab.console.write("") }
                Language.$current.withValue(lab.settings.language) {
                    do { try lab.requestQuit(force: !interactive, interpreter: interpreter) } catch { interpreter.report(error, command: "quit") }
                }
            case .line(let text):
                // A line too long to be a command is refused at once and kept out of the history.
                guard text.utf8.count <= Interpreter.maxLineBytes else {
                    _ = interpreter.run(text)
                    failures += 1
                    continue
                }
                let line = text.trimmingCharacters(in: .whitespaces)
                if line.isEmpty {
                    interpreter.shell.emptyLineAction?()
                    continue
                }
                if interactive {
                    editor.addHistory(line)
                    try? editor.saveHistory(to: lab.paths.historyFile)
                }
                interpreter.shell.typedHistory.append(line)
                _ = Interrupts.take()    // a Ctrl-C pressed at the prompt must not stop the next run
                if !interpreter.run(line) { failures += 1 }
            }
        }
        return failures > 0 && !interactive ? 1 : 0
    }

    static func banner(_ lab: Lab) -> String {
        let s = lab.console.style, language = lab.settings.language
        return s.bold("nnlab \(nnlabVersion)") + " - " + Message.bannerTagline.text([], language: language) + "\n"
            + s.dim(Message.bannerHint.text([], language: language))
    }
}
