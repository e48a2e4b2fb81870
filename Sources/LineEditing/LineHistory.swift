// LineHistory: the remembered input lines and their file, as plain values (no terminal involved).
//
// Rules, shared by every editor: blank lines are not remembered, a line equal to the newest entry
// is not remembered twice, and only the newest `limit` entries are kept. The file is UTF-8 text,
// one entry per line, oldest first; it is written atomically (LabKit's AtomicFile) so a crash
// never leaves half a history. This is not libedit's own history format (no "_HiStOrY_V2_" header
// and no vis(3) escaping): the file stays readable with `cat` and editable with any editor.

import Foundation
import LabKit

#if canImport(Glibc)
import Glibc
#endif

/// The history of entered lines, oldest first, with the dedupe and size rules applied.
public struct LineHistory: Equatable, Sendable {
    /// How many entries are kept unless told otherwise.
    public static let defaultLimit = 1000

    /// The most entries kept; older ones are dropped first.
    public let limit: Int
    /// The entries, oldest first.
    public private(set) var entries: [String] = []

    /// An empty history keeping at most `limit` entries (at least 1).
    public init(limit: Int = LineHistory.defaultLimit) {
        precondition(limit >= 1, "a history limit must be at least 1, got \(limit)")
        self.limit = limit
    }

    /// A history built by adding `lines` in order, so the usual rules apply to them.
    public init<Lines: Sequence<String>>(limit: Int = LineHistory.defaultLimit, lines: Lines) {
        self.init(limit: limit)
        for line in lines { add(line) }
    }

    /// Remembers `line`; returns whether it was recorded (false for blank lines and repeats).
    ///
    /// Line breaks inside `line` become spaces and NUL characters are removed, because the file
    /// keeps one entry per line and C-string consumers (libedit) would cut the entry at a NUL.
    @discardableResult
    public mutating func add(_ line: String) -> Bool {
        let entry = Self.normalized(line)
        if entry.allSatisfy(\.isWhitespace) { return false }
        if entry == entries.last { return false }
        entries.append(entry)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        return true
    }

    /// Forgets every entry.
    public mutating func removeAll() {
        entries.removeAll()
    }

    /// The form in which `line` would be stored: no line breaks, no NULs.
    public static func normalized(_ line: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(line.unicodeScalars.count)
        for scalar in line.unicodeScalars {
            switch scalar {
            case "\0": continue
            case "\n", "\r": result.unicodeScalars.append(" ")
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    // MARK: - File contents

    /// The file form: each entry followed by "\n", UTF-8.
    public func encoded() -> Data {
        var text = ""
        for entry in entries {
            text += entry
            text += "\n"
        }
        return Data(text.utf8)
    }

    /// Reads entries from file contents, tolerating damage: lines that are not valid UTF-8 are
    /// skipped, a "\r" before "\n" is dropped, a last line without "\n" counts, and the usual
    /// rules (blank, repeat, limit) apply.
    public static func decode(_ data: Data, limit: Int = LineHistory.defaultLimit) -> LineHistory {
        var history = LineHistory(limit: limit)
        for var bytes in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
            guard let line = String(validating: bytes, as: UTF8.self) else { continue }
            history.add(line)
        }
        return history
    }

    // MARK: - Files

    /// Loads a history file; a missing file gives an empty history.
    public static func load(from url: URL, limit: Int = LineHistory.defaultLimit) throws(HistoryFileError) -> LineHistory {
        let path = url.path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            if code == ENOENT { return LineHistory(limit: limit) }
            throw .unreadable(path: path, reason: Self.describe(code))
        }
        defer { close(fd) }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                data.append(contentsOf: chunk[0..<count])
            } else if count == 0 {
                break
            } else if errno != EINTR {
                throw .unreadable(path: path, reason: Self.describe(errno))
            }
        }
        return decode(data, limit: limit)
    }

    /// Saves atomically (LabKit's AtomicFile: a temporary file beside `url`, mode 0600, flushed to
    /// disk and renamed over `url`). Creates the containing folder if needed.
    public func save(to url: URL) throws(HistoryFileError) {
        let path = url.path
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .unwritable(path: path, reason: "cannot create the folder \(folder.path): \(error.localizedDescription)")
        }
        do {
            try AtomicFile.write(encoded(), to: url, mode: 0o600)
        } catch {
            throw .unwritable(path: path, reason: "\(error.step) failed: \(error.osMessage)")
        }
    }

    private static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
