// JournalWriter: an append-only text log whose every entry is safe before append returns.
//
// The shell appends one entry per completed command, so after a crash, `kill -9` or a closed
// terminal the session can be rebuilt up to the last completed command. Each entry goes to the
// file with a single write(2) on an O_APPEND descriptor, with no user-space buffer in between.
//
// Durability, and why the default is what it is:
// - `.syncToDisk` (the default): write(2) then fsync(2) per entry. Survives a killed process AND
//   an OS crash or power cut. Entries are human-paced commands, so the cost (about a millisecond
//   per fsync on an SSD) is invisible.
// - `.handToOS`: write(2) only. Once write returns the kernel owns the bytes, so a killed process or
//   a closed terminal loses nothing; only an OS crash or power cut can. For high-rate logs.
//
// A crash in the middle of an append can leave an unfinished last line. Opening the journal again
// cuts that tail off (it was never a completed entry), and `readLines` ignores it.

import Foundation
import LabKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An append-only, line-oriented journal file; each append reaches the OS (and by default the disk).
public final class JournalWriter {
    /// How far each entry travels before `append` returns.
    public enum Durability: Sendable {
        /// write(2) only: safe from a killed process, not from a power cut.
        case handToOS
        /// write(2) and fsync(2): safe from both.
        case syncToDisk
    }

    /// The journal file.
    public let url: URL
    /// The durability chosen at opening.
    public let durability: Durability
    /// Bytes of an unfinished last line cut off when the journal was opened (0 normally).
    public let discardedTailBytes: Int

    private var fd: Int32
    /// The file's size after the last complete entry; a failed append is cut back to it.
    private var goodSize: Int
    private let calls: SystemCalls

    /// Opens (creating if needed) the journal at `url` for appending. The folder must exist.
    public convenience init(url: URL, durability: Durability = .syncToDisk) throws(FileWriteError) {
        try self.init(url: url, durability: durability, calls: .system)
    }

    init(url: URL, durability: Durability, calls: SystemCalls) throws(FileWriteError) {
        self.url = url
        self.durability = durability
        self.calls = calls
        let path = url.path
        fd = calls.openRetrying(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileWriteError(path: path, step: "opening the journal", code: errno) }
        do {
            let size = Int(lseek(fd, 0, SEEK_END))
            discardedTailBytes = try JournalWriter.cutUnfinishedTail(fd: fd, path: path, size: size)
            goodSize = size - discardedTailBytes
            // A new journal's directory entry must survive a power cut too.
            if durability == .syncToDisk {
                try AtomicFile.syncFolder(url.deletingLastPathComponent().path, target: path, calls: calls)
            }
        } catch {
            _ = calls.close(fd)
            throw error
        }
    }

    deinit { close() }

    /// Appends `entry` (one line; a newline is added if missing) and returns once it has reached the
    /// OS (`.handToOS`) or the disk (`.syncToDisk`). Throws if the journal was closed or the write
    /// failed, in which case the file ends with the previous entry. Entries should be single lines:
    /// recovery reads the journal line by line.
    public func append(_ entry: String) throws(FileWriteError) {
        guard fd >= 0 else {
            throw FileWriteError(path: url.path, step: "appending to the closed journal", code: EBADF)
        }
        var line = entry
        if !line.hasSuffix("\n") { line += "\n" }
        let code = line.utf8.withContiguousStorageIfAvailable { calls.writeAll(fd, UnsafeRawBufferPointer($0)) }
            ?? Array(line.utf8).withUnsafeBytes { calls.writeAll(fd, $0) }
        guard code == 0 else {
            // Cut off what part of the line did get written, so the next entry starts on a fresh line.
            _ = ftruncate(fd, off_t(goodSize))
            throw FileWriteError(path: url.path, step: "appending to the journal", code: code)
        }
        goodSize += line.utf8.count
        if durability == .syncToDisk && calls.fsync(fd) != 0 {
            throw FileWriteError(path: url.path, step: "flushing the journal to disk", code: errno)
        }
    }

    /// Closes the file. Appending afterwards throws; closing twice is harmless.
    public func close() {
        guard fd >= 0 else { return }
        _ = calls.close(fd)
        fd = -1
    }

    /// The complete lines of the journal at `url`, without their newlines; an unfinished last line
    /// (a crash mid-append) is left out.
    public static func readLines(from url: URL) throws(FileReadError) -> [String] {
        let data = try readWholeFile(url.path)
        guard let lastNewline = data.lastIndex(of: UInt8(ascii: "\n")) else { return [] }
        let complete = data[data.startIndex..<lastNewline]
        return String(decoding: complete, as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    // MARK: - Opening

    /// Truncates the file just after its last newline; returns how many bytes were removed.
    private static func cutUnfinishedTail(fd: Int32, path: String, size: Int) throws(FileWriteError) -> Int {
        guard size > 0 else { return 0 }
        // Scan backwards in blocks; journals are small, but a long last line must not fool us.
        var end = size
        var block = [UInt8](repeating: 0, count: 4096)
        while end > 0 {
            let start = max(0, end - block.count)
            let n = block.withUnsafeMutableBytes { pread(fd, $0.baseAddress, end - start, off_t(start)) }
            guard n == end - start else {
                throw FileWriteError(path: path, step: "reading the journal's last line", code: n < 0 ? errno : EIO)
            }
            if let i = block[0..<n].lastIndex(of: UInt8(ascii: "\n")) {
                let keep = start + i + 1
                return try truncate(fd: fd, path: path, to: keep, size: size)
            }
            end = start
        }
        return try truncate(fd: fd, path: path, to: 0, size: size)
    }

    private static func truncate(fd: Int32, path: String, to keep: Int, size: Int) throws(FileWriteError) -> Int {
        guard keep < size else { return 0 }
        if ftruncate(fd, off_t(keep)) != 0 {
            throw FileWriteError(path: path, step: "cutting off the unfinished last line", code: errno)
        }
        return size - keep
    }
}
