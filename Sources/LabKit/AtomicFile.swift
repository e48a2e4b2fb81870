// AtomicFile: replace a file's contents all at once, or not at all.
//
// The bytes go to a temporary file next to the target (same folder, hence the same file system, so
// the rename is atomic). That file is fsync'd, renamed over the target, and then the folder itself
// is fsync'd so the new directory entry survives a power cut. At every moment the target path holds
// either the complete old file or the complete new one; a failure removes the temporary file and
// leaves the old file untouched.
//
// Temporary files are named `.NAME.tmp-PID-RANDOM` and created with O_EXCL, so a leftover from a
// killed process never collides with a new write; leftovers for the same target whose process is
// gone are deleted on the next write. This is not a lock: two processes saving one path at once
// both succeed, and the later rename wins.
//
// This is the one home of the "temporary file, fsync, rename" pattern: session and weight files,
// the line-editing history and fetched data files all go through it.

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file writes that never leave a half-written file in place of a good one.
public enum AtomicFile {
    /// Replaces (or creates) the file at `url` with `data`: temp file, fsync, rename, fsync of the folder.
    /// The folder must exist. Throws `FileWriteError` naming the path and the OS error.
    /// `mode` is the new file's permission bits (0o600 for private files such as a history).
    public static func write(_ data: Data, to url: URL, mode: mode_t = 0o644) throws(FileWriteError) {
        try write(data, to: url, mode: mode, calls: .system)
    }

    /// Replaces (or creates) the file at `url` with `text` encoded as UTF-8.
    public static func write(_ text: String, to url: URL, mode: mode_t = 0o644) throws(FileWriteError) {
        try write(Data(text.utf8), to: url, mode: mode, calls: .system)
    }

    /// Moves a finished file (a download, say) at `temporary` over `target`: fsync, rename, fsync of
    /// the folder. Both paths must be in the same folder, so the rename is atomic.
    public static func place(_ temporary: String, at target: String) throws(FileWriteError) {
        let calls = SystemCalls.system
        let fd = calls.openRetrying(temporary, O_RDONLY | O_CLOEXEC, 0)
        guard fd >= 0 else { throw FileWriteError(path: target, step: "opening \(temporary)", code: errno) }
        var failure: FileWriteError?
        if calls.fsync(fd) != 0 { failure = FileWriteError(path: target, step: "flushing the data to disk", code: errno) }
        _ = calls.close(fd)
        if let failure { throw failure }
        if calls.rename(temporary, target) != 0 {
            throw FileWriteError(path: target, step: "renaming the temporary file over it", code: errno)
        }
        try syncFolder((target as NSString).deletingLastPathComponent, target: target, calls: calls)
    }

    /// The prefix of every temporary file made for a target named `name`.
    package static func temporaryPrefix(for name: String) -> String { ".\(name).tmp-" }

    // MARK: - The steps

    package static func write(_ data: Data, to url: URL, mode: mode_t = 0o644,
                              calls: SystemCalls) throws(FileWriteError) {
        let target = url.path
        let folder = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        precondition(!name.isEmpty && name != "/", "AtomicFile.write: \(url) names no file")

        removeStaleTemporaries(for: name, in: folder, calls: calls)
        let temp = folder + "/" + temporaryPrefix(for: name) + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"

        let fd = calls.openRetrying(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else {
            throw FileWriteError(path: target, step: "creating a temporary file in \(folder)", code: errno)
        }

        var failure: FileWriteError?
        let writeCode = data.withUnsafeBytes { calls.writeAll(fd, $0) }
        if writeCode != 0 {
            failure = FileWriteError(path: target, step: "writing the data", code: writeCode)
        } else if calls.fsync(fd) != 0 {
            failure = FileWriteError(path: target, step: "flushing the data to disk", code: errno)
        }
        // Some file systems (NFS) report a full disk only at close.
        if calls.close(fd) != 0, failure == nil {
            failure = FileWriteError(path: target, step: "closing the temporary file", code: errno)
        }
        if let failure {
            _ = calls.unlink(temp)
            throw failure
        }

        if calls.rename(temp, target) != 0 {
            let code = errno
            _ = calls.unlink(temp)
            throw FileWriteError(path: target, step: "renaming the temporary file over it", code: code)
        }
        try syncFolder(folder, target: target, calls: calls)
    }

    /// Makes the rename durable. File systems that cannot sync a folder (EINVAL) are fine: they have
    /// no separate directory entry to lose. A folder we may not open for reading is skipped too.
    package static func syncFolder(_ folder: String, target: String, calls: SystemCalls) throws(FileWriteError) {
        let fd = calls.openRetrying(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)
        guard fd >= 0 else { return }
        let result = calls.fsync(fd)
        let code = errno
        _ = calls.close(fd)
        if result != 0 && code != EINVAL && code != ENOTSUP {
            let step = "syncing the folder \(folder) (the new file is in place, but may not survive a power cut)"
            throw FileWriteError(path: target, step: step, code: code)
        }
    }

    /// Deletes `.NAME.tmp-PID-*` files whose process no longer exists. Best effort: any error is ignored,
    /// since a leftover only wastes space (new temporary names never collide with it).
    package static func removeStaleTemporaries(for name: String, in folder: String, calls: SystemCalls) {
        let prefix = temporaryPrefix(for: name)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            let rest = entry.dropFirst(prefix.count)
            guard let pidText = rest.split(separator: "-").first, let pid = pid_t(pidText),
                  pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                _ = calls.unlink(folder + "/" + entry)
            }
        }
    }
}
