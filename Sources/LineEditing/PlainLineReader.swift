// PlainLineReader: the LineEditor for input that is not a terminal (pipes, CI, scripts).
//
// It prints no prompt, edits nothing and remembers nothing: a script's lines must not end up in
// the learner's interactive history, so the history methods do nothing (and saving cannot clobber
// the history file). It reads raw bytes from a file descriptor and splits them into lines itself,
// accepting "\n" or "\r\n", a last line without a newline, and invalid UTF-8 (each bad byte
// becomes U+FFFD; reading never fails on content).

import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads lines from a pipe or file descriptor without prompts, editing or history.
public final class PlainLineReader: LineEditor {
    private let fileDescriptor: Int32
    /// Bytes read but not yet returned; `consumed` of them at the front are already used.
    private var buffer: [UInt8] = []
    private var consumed = 0
    private var reachedEnd = false

    /// Ignored: there is no TAB without a terminal.
    public var completer: (any LineCompleter)?

    /// Reads from `fileDescriptor` (standard input by default). The descriptor is not closed.
    public init(fileDescriptor: Int32 = STDIN_FILENO) {
        self.fileDescriptor = fileDescriptor
    }

    /// The next line, without prompt. If a read is interrupted by Ctrl-C (the `Interrupts`
    /// handler must be installed for that), gives `.interrupted` and keeps the unread bytes.
    public func readLine(prompt: String) -> LineRead {
        var searchFrom = consumed
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = takeLine(upTo: newline)
                consumed = newline + 1
                compact()
                return .line(line)
            }
            if reachedEnd {
                guard consumed < buffer.count else { return .endOfInput }
                let line = takeLine(upTo: buffer.count)
                consumed = buffer.count
                compact()
                return .line(line)
            }
            searchFrom = buffer.count
            switch fill() {
            case .data: continue
            case .end: reachedEnd = true
            case .interrupted: return .interrupted
            }
        }
    }

    // MARK: - History (none for piped input)

    /// Always empty: piped lines are not remembered.
    public var history: [String] { [] }

    /// Does nothing: piped lines are not remembered.
    public func addHistory(_ line: String) {}

    /// Does nothing: a plain reader keeps no history.
    public func loadHistory(from url: URL) throws(HistoryFileError) {}

    /// Does nothing, so a scripted run never overwrites the interactive history file.
    public func saveHistory(to url: URL) throws(HistoryFileError) {}

    // MARK: - Bytes

    private enum Fill { case data, end, interrupted }

    /// Appends the next chunk of input to `buffer`.
    private func fill() -> Fill {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
                return .data
            }
            if count == 0 { return .end }
            guard errno == EINTR else { return .end }  // EIO, EBADF: nothing more can be read
            if Interrupts.take() { return .interrupted }
        }
    }

    /// Decodes `buffer[consumed..<end]`, dropping one "\r" before the end and repairing bad UTF-8.
    private func takeLine(upTo end: Int) -> String {
        var bytes = buffer[consumed..<end]
        if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Drops used bytes once they are the bigger part of the buffer, keeping reads amortised O(1).
    private func compact() {
        if consumed > 4096 && consumed * 2 > buffer.count {
            buffer.removeFirst(consumed)
            consumed = 0
        }
    }
}
