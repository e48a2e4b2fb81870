// Terminal: facts about the terminal nnlab runs in (is it one, how wide, may we use colour).
//
// The environment is a parameter wherever it matters, so the rules can be tested without a
// terminal. This file only asks questions; it never changes terminal modes.

import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Questions about standard input and output.
public enum Terminal {
    /// Whether `fileDescriptor` is a terminal.
    public static func isTerminal(_ fileDescriptor: Int32) -> Bool {
        isatty(fileDescriptor) == 1
    }

    /// Whether a person is typing and reading: both standard input and output are terminals.
    /// When false (pipes, CI, scripts), use PlainLineReader and print no prompts or escapes.
    public static var isInteractive: Bool {
        isTerminal(STDIN_FILENO) && isTerminal(STDOUT_FILENO)
    }

    /// The width in columns: the terminal's own size (TIOCGWINSZ on `fileDescriptor`), else a
    /// positive COLUMNS from `environment`, else 80.
    public static func width(
        of fileDescriptor: Int32 = STDOUT_FILENO,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Int {
        var size = winsize()
        if ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let columns = environment["COLUMNS"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), columns > 0 {
            return columns
        }
        return 80
    }

    /// Whether colour escapes may be written: output is a terminal, TERM is set and not "dumb",
    /// and NO_COLOR is absent or empty (https://no-color.org: any non-empty value disables colour).
    public static func allowsColor(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        outputIsTerminal: Bool = isTerminal(STDOUT_FILENO)
    ) -> Bool {
        guard outputIsTerminal else { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        guard let term = environment["TERM"], !term.isEmpty, term != "dumb" else { return false }
        return true
    }
}
