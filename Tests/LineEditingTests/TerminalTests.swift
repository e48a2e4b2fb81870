// Terminal facts: colour rules from an injected environment, width from a real pseudo-terminal,
// from COLUMNS, or the default.

import Foundation
import LineEditing
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("Terminal facts")
struct TerminalTests {
    @Test("colour needs a terminal, a TERM that is not dumb, and no non-empty NO_COLOR")
    func colourRules() {
        #expect(Terminal.allowsColor(environment: ["TERM": "xterm-256color"], outputIsTerminal: true))
        #expect(!Terminal.allowsColor(environment: ["TERM": "xterm-256color"], outputIsTerminal: false))
        #expect(!Terminal.allowsColor(environment: ["TERM": "dumb"], outputIsTerminal: true))
        #expect(!Terminal.allowsColor(environment: [:], outputIsTerminal: true))
        #expect(!Terminal.allowsColor(environment: ["TERM": "xterm", "NO_COLOR": "1"], outputIsTerminal: true))
        #expect(!Terminal.allowsColor(environment: ["TERM": "xterm", "NO_COLOR": "0"], outputIsTerminal: true))
        // no-color.org: an empty NO_COLOR does not count.
        #expect(Terminal.allowsColor(environment: ["TERM": "xterm", "NO_COLOR": ""], outputIsTerminal: true))
    }

    @Test("the width of a real pseudo-terminal wins over COLUMNS")
    func widthFromTerminal() throws {
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        try #require(master >= 0, "cannot open /dev/ptmx")
        defer { close(master) }
        var size = winsize(ws_row: 30, ws_col: 123, ws_xpixel: 0, ws_ypixel: 0)
        try #require(ioctl(master, UInt(TIOCSWINSZ), &size) == 0)
        #expect(Terminal.isTerminal(master))
        #expect(Terminal.width(of: master, environment: ["COLUMNS": "50"]) == 123)
    }

    @Test("without a terminal: a positive COLUMNS, else 80")
    func widthFallbacks() throws {
        let pipe = Pipe()
        let fd = pipe.fileHandleForReading.fileDescriptor
        #expect(!Terminal.isTerminal(fd))
        #expect(Terminal.width(of: fd, environment: ["COLUMNS": "132"]) == 132)
        #expect(Terminal.width(of: fd, environment: ["COLUMNS": " 100 "]) == 100)
        #expect(Terminal.width(of: fd, environment: ["COLUMNS": "wide"]) == 80)
        #expect(Terminal.width(of: fd, environment: ["COLUMNS": "0"]) == 80)
        #expect(Terminal.width(of: fd, environment: ["COLUMNS": "-5"]) == 80)
        #expect(Terminal.width(of: fd, environment: [:]) == 80)
    }
}
