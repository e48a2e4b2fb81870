// SystemCalls: the few POSIX calls the file writers (here and in NNFormats) make, held as replaceable values.
//
// Production code always uses `SystemCalls.system`. Tests replace single calls to produce failures a
// test machine cannot produce on demand: a full disk (ENOSPC), a read-only mount while running as
// root (who may write into a chmod 0555 folder), an I/O error at fsync. Each fake follows the POSIX
// convention the real call does: it sets `errno` and returns -1. This is not a file-system
// abstraction; reading files and listing folders go straight to the OS.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The system calls used to create, write, sync and rename files (POSIX semantics: -1 and errno on failure).
package struct SystemCalls: Sendable {
    package var open: @Sendable (_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32
    package var write: @Sendable (_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int
    package var fsync: @Sendable (_ fd: Int32) -> Int32
    package var close: @Sendable (_ fd: Int32) -> Int32
    package var rename: @Sendable (_ from: String, _ to: String) -> Int32
    package var unlink: @Sendable (_ path: String) -> Int32

    /// The real operating system.
    package static let system = SystemCalls(
        open: { path, flags, mode in systemOpen(path, flags, mode) },
        write: { fd, bytes, count in systemWrite(fd, bytes, count) },
        fsync: { fd in systemFsync(fd) },
        close: { fd in systemClose(fd) },
        rename: { from, to in systemRename(from, to) },
        unlink: { path in systemUnlink(path) }
    )

    /// Writes all `count` bytes, retrying short writes and EINTR. Returns 0, or the errno of the failure.
    package func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        var done = 0
        while done < bytes.count {
            guard let base = bytes.baseAddress else { return 0 }
            let n = write(fd, base + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            // A regular file only returns 0 for a zero-length request; guard against a spin anyway.
            if n == 0 { return EIO }
            done += n
        }
        return 0
    }

    /// `open` retried on EINTR. Returns the descriptor, or -1 with errno set.
    package func openRetrying(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
        while true {
            let fd = open(path, flags, mode)
            if fd >= 0 || errno != EINTR { return fd }
        }
    }
}

/// The OS's text for an errno value ("No space left on device").
package func osErrorText(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
}

// The module-level names keep the closures above from calling themselves (the struct's properties
// shadow the C functions inside its own scope).
private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { open(path, flags, mode) }
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(fd, bytes, count) }
private func systemFsync(_ fd: Int32) -> Int32 { fsync(fd) }
private func systemClose(_ fd: Int32) -> Int32 { close(fd) }
private func systemRename(_ from: String, _ to: String) -> Int32 { rename(from, to) }
private func systemUnlink(_ path: String) -> Int32 { unlink(path) }
