// Interrupts: the process-wide Ctrl-C flag.
//
// Ctrl-C must never kill nnlab: a learner would lose the network they are training. Instead a
// SIGINT handler sets a flag; long-running work (training, between batches) polls it with
// `Interrupts.take()` and stops cleanly, and the line editor turns it into `LineRead.interrupted`.
// The handler is installed with sigaction WITHOUT SA_RESTART, so a blocking read is interrupted
// (EINTR) instead of waiting for more input; it stays installed, so a second Ctrl-C while the flag
// is still set only sets it again. The handler also pokes SignalWakeup, so an editor waiting in
// poll(2) notices a Ctrl-C that arrived just before it started waiting. This file owns the flag
// and the handler, nothing else.

#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Set by the SIGINT handler; storing into a lock-free atomic is async-signal-safe.
private let interruptPending = Atomic<Bool>(false)
/// Guards against installing the handler twice.
private let handlerInstalled = Atomic<Bool>(false)

/// The Ctrl-C flag shared by the whole process.
public enum Interrupts {
    /// Installs the SIGINT handler (once; later calls do nothing). Returns false if sigaction
    /// failed, in which case Ctrl-C keeps its default meaning and ends the process.
    @discardableResult
    public static func install() -> Bool {
        guard handlerInstalled.compareExchange(expected: false, desired: true, ordering: .sequentiallyConsistent).exchanged else {
            return true
        }
        SignalWakeup.prepare()
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            interruptPending.store(true, ordering: .sequentiallyConsistent)
            SignalWakeup.notifyFromSignalHandler()
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // deliberately no SA_RESTART and no SA_RESETHAND
        if sigaction(SIGINT, &action, nil) != 0 {
            handlerInstalled.store(false, ordering: .sequentiallyConsistent)
            return false
        }
        return true
    }

    /// Whether the handler is installed.
    public static var isInstalled: Bool {
        handlerInstalled.load(ordering: .sequentiallyConsistent)
    }

    /// Whether Ctrl-C was pressed since the last `take()`; clears the flag. Poll this between
    /// training batches: `if Interrupts.take() { stop }`.
    public static func take() -> Bool {
        interruptPending.exchange(false, ordering: .sequentiallyConsistent)
    }

    /// Whether Ctrl-C is pending, without clearing it.
    public static var isPending: Bool {
        interruptPending.load(ordering: .sequentiallyConsistent)
    }

    /// Sets the flag as if Ctrl-C had been pressed (for a "stop" command, or tests).
    public static func post() {
        interruptPending.store(true, ordering: .sequentiallyConsistent)
    }
}
