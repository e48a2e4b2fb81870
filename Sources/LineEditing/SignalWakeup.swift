// SignalWakeup: a pipe that signal handlers write one byte to, so a poll(2) loop wakes up.
//
// A flag set by a signal handler is invisible to a thread already blocked in a system call, and
// a signal that arrives just before the call starts does not interrupt it at all (the classic
// lost-wakeup race). Waiting with poll on this pipe as well as on the input closes that race:
// the handler sets its flag first, then writes here, so whoever wakes finds the flag set.
// Used by the Ctrl-C (Interrupts) and window-size (WindowResize) handlers; the flags remain
// the truth, the bytes only wake. Not a general event queue.

#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The write end, read by signal handlers (-1 until created).
private let wakeWriteEnd = Atomic<Int32>(-1)
/// The read end, for pollers (-1 until created).
private let wakeReadEnd = Atomic<Int32>(-1)
/// Serialises creation, which happens outside signal handlers.
private let creation = Mutex<Void>(())

/// The self-pipe shared by nnlab's signal handlers.
public enum SignalWakeup {
    /// The descriptor to poll for readability (POLLIN) next to your input; -1 when no handler
    /// that uses it has been installed yet. Non-blocking and close-on-exec.
    public static var fileDescriptor: Int32 {
        wakeReadEnd.load(ordering: .sequentiallyConsistent)
    }

    /// Empties the pipe after a wake-up; then check the flags you care about.
    public static func drain() {
        let fd = fileDescriptor
        guard fd >= 0 else { return }
        var sink = [UInt8](repeating: 0, count: 64)
        while sink.withUnsafeMutableBytes({ read(fd, $0.baseAddress, $0.count) }) > 0 {}
    }

    /// Creates the pipe once. Returns false if it could not be created (pollers then rely on
    /// EINTR alone).
    @discardableResult
    static func prepare() -> Bool {
        creation.withLock { _ in
            if wakeReadEnd.load(ordering: .sequentiallyConsistent) >= 0 { return true }
            var ends: [Int32] = [-1, -1]
            guard pipe(&ends) == 0 else { return false }
            for fd in ends {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
            wakeWriteEnd.store(ends[1], ordering: .sequentiallyConsistent)
            wakeReadEnd.store(ends[0], ordering: .sequentiallyConsistent)
            return true
        }
    }

    /// Writes one byte; async-signal-safe and errno-preserving, for use inside handlers.
    /// A full pipe already guarantees a wake-up, so EAGAIN is ignored.
    static func notifyFromSignalHandler() {
        let fd = wakeWriteEnd.load(ordering: .sequentiallyConsistent)
        guard fd >= 0 else { return }
        let savedErrno = errno
        var byte: UInt8 = 1
        _ = write(fd, &byte, 1)
        errno = savedErrno
    }
}
