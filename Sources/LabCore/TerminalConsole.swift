// TerminalConsole: the console of a real process: standard output for results, standard error
// for problems. On a terminal it redraws a status line in place and may use colour; through a
// pipe it prints plain lines only (no escapes, no redraws), so scripts and CI read clean text.

import Foundation
import Glibc
import LineEditing
import TermCharts

/// Standard output and error, styled for where they go.
public final class TerminalConsole: Console {
    public let style: Style
    public let isInteractive: Bool
    /// Reads an answer to a question (the line editor); nil when not interactive.
    public var readAnswer: ((String) -> String?)?
    private var statusShown = false

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        isInteractive = Terminal.isInteractive
        let colour = Terminal.allowsColor(environment: environment)
        let depth: Style.Colors = !colour ? .none : ((environment["COLORTERM"] != nil || (environment["TERM"] ?? "").contains("256")) ? .palette256 : .basic16)
        style = Style(colors: depth, width: Terminal.width(environment: environment))
    }

    public func write(_ text: String) {
        clearStatus()
        emit(text + "\n", to: STDOUT_FILENO)
    }

    public func warn(_ text: String) {
        clearStatus()
        emit(text + "\n", to: STDERR_FILENO)
    }

    public func status(_ text: String) {
        guard isInteractive else { return }
        emit("\r" + text + "\u{1B}[K", to: STDOUT_FILENO)
        statusShown = true
    }

    public func clearStatus() {
        guard statusShown else { return }
        emit("\r\u{1B}[K", to: STDOUT_FILENO)
        statusShown = false
    }

    public func record(_ event: LabEvent) {}

    public func ask(_ question: String) -> String? {
        guard isInteractive else { return nil }
        return readAnswer?(question)
    }

    /// Writes all of `text`, retrying after interruptions (Ctrl-C during a write is not an error).
    private func emit(_ text: String, to fd: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n > 0 { bytes = bytes.dropFirst(n) } else if n < 0 && errno == EINTR { continue } else { return }
        }
    }
}

/// `nnlab run --json`: one JSON object per event on standard output; the human text is dropped
/// and problems still go to standard error.
public final class JSONConsole: Console {
    public let style = Style.plain
    public let isInteractive = false

    public init() {}

    public func write(_ text: String) {}
    public func warn(_ text: String) { FileHandle.standardError.write(Data((text + "\n").utf8)) }
    public func status(_ text: String) {}
    public func clearStatus() {}
    public func record(_ event: LabEvent) { FileHandle.standardOutput.write(Data((event.json + "\n").utf8)) }
    public func ask(_ question: String) -> String? { nil }
}
