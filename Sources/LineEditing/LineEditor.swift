// LineEditor: the seam between the shell and whatever reads its input lines.
//
// The shell asks for one line at a time and gets back a value, never a signal to fight: a line,
// an interrupt (Ctrl-C at the prompt) or the end of input (Ctrl-D on an empty line, or the end of
// a piped script). Two editors implement it: LibEditLineEditor (module LibEditLine) on a terminal,
// and PlainLineReader for pipes. This file is only the protocol; it knows nothing about terminals.

import Foundation

/// What one call to `LineEditor.readLine(prompt:)` produced.
public enum LineRead: Equatable, Sendable {
    /// A complete line, without its line terminator ("\n" or "\r\n").
    case line(String)
    /// The user pressed Ctrl-C while editing; the partial line is discarded. Keep reading.
    case interrupted
    /// No more input: Ctrl-D on an empty line, or end of the piped input. Stop reading.
    case endOfInput
}

/// Reads lines for the shell, with history and TAB completion where the medium allows them.
///
/// History is not recorded automatically: the shell calls `addHistory(_:)` for the lines it wants
/// to remember (so it can leave out, say, lines that failed to parse).
public protocol LineEditor: AnyObject {
    /// Shows `prompt` (if the editor shows prompts at all) and reads one line.
    func readLine(prompt: String) -> LineRead

    /// Supplies TAB completions; nil turns completion off. Editors without TAB ignore it.
    var completer: (any LineCompleter)? { get set }

    /// The remembered lines, oldest first (the Up arrow walks them newest first).
    var history: [String] { get }

    /// Remembers `line` unless it is blank or repeats the newest entry; the oldest entries beyond
    /// the editor's limit are dropped.
    func addHistory(_ line: String)

    /// Replaces the history with the entries of a history file (one entry per line).
    /// A missing file gives an empty history; undecodable lines are skipped.
    func loadHistory(from url: URL) throws(HistoryFileError)

    /// Writes the history to a file atomically (a temporary file in the same folder, then rename),
    /// so a crash mid-write never leaves a truncated history behind.
    func saveHistory(to url: URL) throws(HistoryFileError)
}
