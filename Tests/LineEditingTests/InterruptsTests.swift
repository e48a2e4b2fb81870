// The Ctrl-C flag and the resize flag: real signals raised in this test process set them, do
// not kill it, wake a poller, and interrupt a blocked plain reader. Serialized because the
// flags are process-wide. Tests run on Dispatch worker threads, which block signals; each
// signal is therefore raised with `raiseUnblocked`, which unblocks it on the current thread
// for the moment of delivery (raise delivers it before returning).

import Foundation
import LineEditing
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("Signals: Ctrl-C and resize flags", .serialized)
struct InterruptsTests {
    init() {
        #expect(Interrupts.install())
        _ = Interrupts.take()
        SignalWakeup.drain()
    }

    @Test("SIGINT sets the flag instead of ending the process; take clears it")
    func raiseSetsFlag() {
        #expect(Interrupts.isInstalled)
        #expect(!Interrupts.isPending)
        raiseUnblocked(SIGINT)
        #expect(Interrupts.isPending)
        #expect(Interrupts.isPending, "peeking must not clear the flag")
        #expect(Interrupts.take())
        #expect(!Interrupts.take())
        #expect(!Interrupts.isPending)
    }

    @Test("a second SIGINT while the flag is still set is harmless; one take clears both")
    func secondInterrupt() {
        raiseUnblocked(SIGINT)
        raiseUnblocked(SIGINT)
        #expect(Interrupts.take())
        #expect(!Interrupts.take())
    }

    @Test("installing twice is fine and keeps the handler")
    func installTwice() {
        #expect(Interrupts.install())
        raiseUnblocked(SIGINT)
        #expect(Interrupts.take())
    }

    @Test("post sets the flag like Ctrl-C")
    func post() {
        Interrupts.post()
        #expect(Interrupts.take())
    }

    @Test("a SIGINT makes the wake-up pipe readable, and drain empties it")
    func wakeupPipe() {
        let fd = SignalWakeup.fileDescriptor
        #expect(fd >= 0)
        #expect(!isReadable(fd))
        raiseUnblocked(SIGINT)
        #expect(isReadable(fd))
        SignalWakeup.drain()
        #expect(!isReadable(fd))
        _ = Interrupts.take()
    }

    @Test("SIGWINCH sets the resize flag")
    func resize() {
        #expect(WindowResize.install())
        _ = WindowResize.take()
        raiseUnblocked(SIGWINCH)
        #expect(WindowResize.take())
        #expect(!WindowResize.take())
        SignalWakeup.drain()
    }

    @Test("Ctrl-C interrupts a plain reader blocked on an empty pipe, which then reads on")
    func interruptsBlockedPlainReader() throws {
        let pipe = Pipe()
        let shared = ReaderThreadState(reader: PlainLineReader(fileDescriptor: pipe.fileHandleForReading.fileDescriptor))
        let started = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            // Threads started from a Dispatch worker inherit its blocked signals.
            var sigint = sigset_t()
            sigemptyset(&sigint)
            sigaddset(&sigint, SIGINT)
            pthread_sigmask(SIG_UNBLOCK, &sigint, nil)
            shared.thread.withLock { $0 = pthread_self() }
            started.signal()
            shared.store(shared.reader.readLine(prompt: ""))
            finished.signal()
        }
        thread.start()
        started.wait()
        usleep(100_000)  // let it block in read(2)
        #expect(shared.result == nil, "the reader should be waiting for input")
        let target = try #require(shared.thread.withLock { $0 })
        pthread_kill(target, SIGINT)
        #expect(finished.wait(timeout: .now() + 5) == .success)
        #expect(shared.result == .interrupted)
        #expect(!Interrupts.isPending, "the reader takes the flag it reports")

        pipe.fileHandleForWriting.write(Data("after\n".utf8))
        #expect(shared.reader.readLine(prompt: "") == .line("after"))
        SignalWakeup.drain()
    }

    private func isReadable(_ fd: Int32) -> Bool {
        var waiting = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&waiting, 1, 0) == 1
    }
}

/// Raises `signal` on this thread with it unblocked, then restores the thread's signal mask.
private func raiseUnblocked(_ signal: Int32) {
    var only = sigset_t()
    sigemptyset(&only)
    sigaddset(&only, signal)
    var previous = sigset_t()
    pthread_sigmask(SIG_UNBLOCK, &only, &previous)
    raise(signal)
    pthread_sigmask(SIG_SETMASK, &previous, nil)
}

/// What the reader thread shares with the test: the reader, its pthread and its result.
private final class ReaderThreadState: @unchecked Sendable {
    let reader: PlainLineReader
    let thread = Mutex<pthread_t?>(nil)
    private let outcome = Mutex<LineRead?>(nil)

    init(reader: PlainLineReader) {
        self.reader = reader
    }

    var result: LineRead? { outcome.withLock { $0 } }

    func store(_ read: LineRead) {
        outcome.withLock { $0 = read }
    }
}
