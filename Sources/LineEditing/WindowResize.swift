// WindowResize: notices when the terminal window changes size (SIGWINCH).
//
// The line editor re-reads the width after a resize, and the shell may redraw a chart to fit.
// Like Interrupts, the handler only sets a flag and pokes SignalWakeup; it is installed without
// SA_RESTART so a blocked read or poll returns EINTR and the waiter can look at the flag.

#if canImport(Glibc)
import Glibc
#endif
import Synchronization

private let resizePending = Atomic<Bool>(false)
private let resizeHandlerInstalled = Atomic<Bool>(false)

/// The terminal-resized flag shared by the whole process.
public enum WindowResize {
    /// Installs the SIGWINCH handler once. Returns false if sigaction failed.
    @discardableResult
    public static func install() -> Bool {
        guard resizeHandlerInstalled.compareExchange(expected: false, desired: true, ordering: .sequentiallyConsistent).exchanged else {
            return true
        }
        SignalWakeup.prepare()
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            resizePending.store(true, ordering: .sequentiallyConsistent)
            SignalWakeup.notifyFromSignalHandler()
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        if sigaction(SIGWINCH, &action, nil) != 0 {
            resizeHandlerInstalled.store(false, ordering: .sequentiallyConsistent)
            return false
        }
        return true
    }

    /// Whether the window was resized since the last call; clears the flag.
    public static func take() -> Bool {
        resizePending.exchange(false, ordering: .sequentiallyConsistent)
    }
}
