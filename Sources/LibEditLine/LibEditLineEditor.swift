// LibEditLineEditor: the LineEditor for a terminal, over libedit (BSD editline).
//
// Emacs key bindings, history on the Up/Down arrows (and Ctrl-R search), TAB completion through
// the shell's LineCompleter, Korean input, Ctrl-C as a value. How it is wired (see STACK.md):
//   - the locale is switched to UTF-8 first, or libedit drops multibyte keystrokes;
//   - Interrupts installs a SIGINT handler without SA_RESTART, and EL_SIGNAL 1 makes libedit
//     restore the terminal and pass the signal on; our own keystroke reader (LibEditInput.swift)
//     then ends el_gets with NULL and errno EINTR, even when the Ctrl-C came between two reads;
//   - libedit's callbacks are C function pointers that capture nothing: they find this object
//     through EL_CLIENTDATA;
//   - el_set/el_get/history are variadic and reached through the CEditLine shim.
// TAB handling lives in LibEditTab.swift. This class is not thread-safe: one thread reads lines.

import CEditLine
import Foundation
import LineEditing

#if canImport(Glibc)
import Glibc
#endif

/// Why the libedit editor could not start.
public enum LineEditorStartError: Error, Equatable, Sendable, CustomStringConvertible {
    /// el_init or history_init returned NULL.
    case libeditFailed(String)

    public var description: String {
        switch self {
        case .libeditFailed(let what):
            return "the line editor could not start (\(what)); input will be read without editing"
        }
    }
}

/// A LineEditor over libedit, for standard input and output on a terminal.
public final class LibEditLineEditor: LineEditor {
    /// The libedit session and its history; both live as long as this object.
    let editLine: OpaquePointer
    private let libeditHistory: OpaquePointer
    /// The remembered lines and their rules; libedit's history mirrors it for the arrow keys.
    private var lines: LineHistory
    /// The current prompt as a C string, owned here because libedit asks for it repeatedly.
    private var promptBuffer: UnsafeMutablePointer<CChar>
    /// TAB's memory of the previous press (second TAB lists).
    var tabState = TabCompletion()

    public var completer: (any LineCompleter)?

    /// Starts libedit on standard input/output/error, keeping at most `historyLimit` entries.
    /// Sets a UTF-8 locale and installs the Ctrl-C handler (`Interrupts`) as side effects.
    public init(programName: String = "nnlab", historyLimit: Int = LineHistory.defaultLimit) throws(LineEditorStartError) {
        UTF8Locale.activate()
        Interrupts.install()
        WindowResize.install()
        guard let editLine = el_init(programName, nn_stdin(), nn_stdout(), nn_stderr()) else {
            throw .libeditFailed("el_init returned NULL")
        }
        guard let libeditHistory = history_init() else {
            el_end(editLine)
            throw .libeditFailed("history_init returned NULL")
        }
        self.editLine = editLine
        self.libeditHistory = libeditHistory
        self.lines = LineHistory(limit: historyLimit)
        self.promptBuffer = Self.cString("")

        nn_history_set_size(libeditHistory, Int32(clamping: historyLimit))
        nn_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        nn_el_set_editor(editLine, "emacs")
        nn_el_set_signal(editLine, 1)
        nn_el_set_prompt(editLine, { editLine in
            guard let editLine, let editor = LibEditLineEditor.owner(of: editLine) else { return nil }
            return editor.promptBuffer
        }, CChar(truncatingIfNeeded: PromptMarkup.delimiter.asciiValue ?? 1))
        nn_el_set_history(editLine, libeditHistory)
        installReader()
        installTabCompletion()
        // Ctrl-R searches the history backwards, as in bash (libedit's emacs map redraws instead).
        nn_el_bind(editLine, "^R", "em-inc-search-prev")
    }

    deinit {
        el_end(editLine)
        history_end(libeditHistory)
        promptBuffer.deallocate()
    }

    /// The editor registered as `editLine`'s client data.
    static func owner(of editLine: OpaquePointer) -> LibEditLineEditor? {
        guard let data = nn_el_get_clientdata(editLine) else { return nil }
        return Unmanaged<LibEditLineEditor>.fromOpaque(data).takeUnretainedValue()
    }

    // MARK: - Reading

    /// Edits one line after `prompt` (ANSI colours in the prompt are fine).
    ///
    /// Ctrl-C gives `.interrupted` after ending the abandoned line with "^C"; a Ctrl-C pressed
    /// before this call (and not taken by anyone) is dropped first, so it cannot stop the next
    /// command. Ctrl-D on an empty line, end of input and read errors give `.endOfInput`.
    public func readLine(prompt: String) -> LineRead {
        setPrompt(prompt)
        tabState.reset()
        _ = Interrupts.take()
        // el_gets draws the prompt before it leaves cooked mode; a key typed in between would be
        // cooked by the tty (Ctrl-D turns into a NUL byte). Raw mode first closes that gap.
        nn_el_prepare_terminal(editLine, 1)
        var count: Int32 = 0
        errno = 0
        guard let raw = el_gets(editLine, &count) else {
            if count < 0 && errno == EINTR {
                _ = Interrupts.take()
                writeToTerminal("^C\n")
                return .interrupted
            }
            return .endOfInput
        }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        if line.hasSuffix("\r") { line.removeLast() }
        return .line(line)
    }

    private func setPrompt(_ prompt: String) {
        promptBuffer.deallocate()
        promptBuffer = Self.cString(PromptMarkup.marked(prompt))
    }

    /// A NUL-terminated copy of `text` that stays put until deallocated.
    private static func cString(_ text: String) -> UnsafeMutablePointer<CChar> {
        let bytes = text.utf8CString
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        _ = UnsafeMutableBufferPointer(start: buffer, count: bytes.count).initialize(from: bytes)
        return buffer
    }

    /// Writes `text` to the stream libedit draws on, flushed.
    func writeToTerminal(_ text: String) {
        guard let output = nn_el_output(editLine) else { return }
        fputs(text, output)
        fflush(output)
    }

    // MARK: - History

    public var history: [String] { lines.entries }

    public func addHistory(_ line: String) {
        if lines.add(line), let newest = lines.entries.last {
            nn_history_enter(libeditHistory, newest)
        }
    }

    public func loadHistory(from url: URL) throws(HistoryFileError) {
        lines = try LineHistory.load(from: url, limit: lines.limit)
        nn_history_clear(libeditHistory)
        for entry in lines.entries {
            nn_history_enter(libeditHistory, entry)
        }
    }

    public func saveHistory(to url: URL) throws(HistoryFileError) {
        try lines.save(to: url)
    }
}
