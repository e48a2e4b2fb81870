// LibEditInput: the keystroke reader libedit calls (EL_GETCFN), which never misses a Ctrl-C.
//
// libedit's built-in reader clears its record of the last signal and then calls read(2). A
// Ctrl-C that lands while libedit is busy drawing the previous keystroke is therefore forgotten,
// and read blocks until the next key (measured here through a pty: a Ctrl-C sent right after an
// echo was lost 2 times in 80, both in a freshly started program; 0 in 80 with this reader). This reader instead checks the Interrupts flag and waits with poll(2)
// on both the terminal and SignalWakeup's pipe, so a Ctrl-C at any moment ends el_gets with
// errno EINTR. It also applies window resizes (WindowResize) while waiting, and decodes bytes
// into characters with the C locale, as the built-in reader does.

import CEditLine
import LineEditing

#if canImport(Glibc)
import Glibc
#endif

extension LibEditLineEditor {
    /// Makes libedit read keystrokes through `readCharacter(into:)`.
    func installReader() {
        nn_el_set_reader(editLine, { editLine, character in
            guard let editLine, let character, let editor = LibEditLineEditor.owner(of: editLine) else {
                errno = EINVAL
                return -1
            }
            return editor.readCharacter(into: character)
        })
    }

    /// Reads one character for libedit: 1 and the character, 0 at end of input, or -1 with errno
    /// set (EINTR after Ctrl-C).
    private func readCharacter(into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
        var decoder = mbstate_t()
        while true {
            if Interrupts.isPending {
                errno = EINTR
                return -1
            }
            if WindowResize.take() { el_resize(editLine) }

            var waits = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: SignalWakeup.fileDescriptor, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&waits, waits[1].fd >= 0 ? 2 : 1, -1)
            if ready < 0 {
                if errno == EINTR { continue }  // the flags are checked at the top
                return -1
            }
            if waits[1].revents != 0 {
                SignalWakeup.drain()
                continue
            }
            guard waits[0].revents != 0 else { continue }

            var byte: UInt8 = 0
            let count = read(STDIN_FILENO, &byte, 1)
            if count == 0 {
                character.pointee = 0
                return 0
            }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                character.pointee = 0
                return -1
            }
            switch nn_decode_byte(byte, &decoder, character) {
            case 1: return 1
            case 0: continue    // the middle of a multibyte character (Korean takes three bytes)
            default: continue   // not valid in this locale: dropped, as libedit does
            }
        }
    }
}
