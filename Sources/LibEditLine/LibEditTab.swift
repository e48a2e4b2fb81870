// LibEditTab: TAB completion inside libedit.
//
// TAB is bound to a libedit function added with EL_ADDFN. It reads the text before the cursor,
// asks the shell's LineCompleter, lets TabCompletion (pure, in LineEditing) decide, and applies
// the outcome with el_deletestr/el_insertstr, or prints the candidates in columns and asks
// libedit to redraw the prompt and line below them.

import CEditLine
import LineEditing

#if canImport(Glibc)
import Glibc
#endif

extension LibEditLineEditor {
    /// Registers the completion function and binds TAB to it.
    func installTabCompletion() {
        nn_el_add_function(editLine, "nnlab-complete", "complete the word before the cursor", { editLine, _ in
            guard let editLine, let editor = LibEditLineEditor.owner(of: editLine) else {
                return UInt8(CC_ERROR)
            }
            return editor.completeAtCursor()
        })
        nn_el_bind(editLine, "^I", "nnlab-complete")
    }

    /// Handles one TAB; returns the libedit CC_* code telling it how to redraw.
    private func completeAtCursor() -> UInt8 {
        guard let completer, let info = el_line(editLine)?.pointee else {
            return UInt8(CC_REFRESH_BEEP)
        }
        let length = info.cursor - info.buffer
        let text = String(decoding: UnsafeRawBufferPointer(start: info.buffer, count: max(length, 0)), as: UTF8.self)
        let completion = completer.complete(text)

        switch tabState.press(textBeforeCursor: text, completion: completion) {
        case .beep:
            return UInt8(CC_REFRESH_BEEP)
        case let .edit(deleteScalars, insert):
            if deleteScalars > 0 { el_deletestr(editLine, Int32(deleteScalars)) }
            if !insert.isEmpty && el_insertstr(editLine, insert) != 0 {
                return UInt8(CC_REFRESH_BEEP)  // the line buffer is full
            }
            return UInt8(CC_REFRESH)
        case let .list(candidates):
            let output = nn_el_output(editLine)
            let width = Terminal.width(of: output.map { fileno($0) } ?? STDOUT_FILENO)
            let rows = CompletionColumns.layout(candidates, width: width)
            writeToTerminal("\n" + rows.joined(separator: "\n") + "\n")
            return UInt8(CC_REDISPLAY)
        }
    }
}
