// makeLineEditor: picks the right LineEditor for how nnlab was started.
//
// On a terminal (standard input and output both TTYs) learners get libedit: editing, history,
// TAB. Anywhere else (pipes, CI, `nnlab < script`) they get PlainLineReader: no prompt, no
// history, and the history file is left alone. Either way Ctrl-C is caught (Interrupts).

import Foundation
import LineEditing

#if canImport(Glibc)
import Glibc
#endif

/// The line editor for this process's standard input.
///
/// - Parameters:
///   - historyPath: a history file to load (missing is fine); nil keeps history in memory only.
///     Saving is the caller's job: `try editor.saveHistory(to:)`, e.g. after each command.
///   - historyLimit: how many entries to keep.
///   - interactive: whether to use libedit; by default, whether stdin and stdout are terminals.
/// An unreadable history file, or libedit failing to start, is reported on standard error in
/// one line and the editor carries on without it: neither is a reason to refuse to start.
public func makeLineEditor(
    historyPath: String? = nil,
    historyLimit: Int = LineHistory.defaultLimit,
    interactive: Bool = Terminal.isInteractive
) -> any LineEditor {
    Interrupts.install()
    guard interactive else { return PlainLineReader() }
    let editor: LibEditLineEditor
    do {
        editor = try LibEditLineEditor(historyLimit: historyLimit)
    } catch {
        FileHandle.standardError.write(Data("warning: \(error)\n".utf8))
        return PlainLineReader()
    }
    if let historyPath {
        do {
            try editor.loadHistory(from: URL(fileURLWithPath: historyPath))
        } catch {
            FileHandle.standardError.write(Data("warning: \(error)\n".utf8))
        }
    }
    return editor
}
