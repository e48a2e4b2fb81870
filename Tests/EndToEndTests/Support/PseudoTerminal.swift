// PseudoTerminal: runs a program inside a new pseudo-terminal and types at it, for end-to-end tests.
//
// The program gets the pty's slave side as stdin, stdout and stderr, in a new session where the
// pty is its controlling terminal, so it behaves exactly as under a real terminal: isatty is
// true, the window has a size, and Ctrl-C typed as "\u{03}" becomes SIGINT from the line
// discipline. The test writes keystrokes to the master side and reads what the program draws.
// Matching is done on the output with ANSI escape sequences, carriage returns, bells and
// backspaces removed, and each `waitFor` continues where the previous match ended.
//
// Spawning uses posix_spawn (no fork in a multithreaded test process) with POSIX_SPAWN_SETSID.
// posix_openpt/grantpt/unlockpt/ptsname_r are not exported to Swift by the Glibc module (they
// sit behind _XOPEN_SOURCE), so they are looked up in the C library with dlsym.

import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Keystrokes as a terminal sends them.
enum Key {
    static let tab = "\t"
    static let enter = "\r"
    static let ctrlC = "\u{03}"
    static let ctrlD = "\u{04}"
    static let ctrlR = "\u{12}"
    static let backspace = "\u{7F}"
    static let up = "\u{1B}[A"
    static let down = "\u{1B}[B"
    static let right = "\u{1B}[C"
    static let left = "\u{1B}[D"
}

/// How a program ended.
enum ExitStatus: Equatable, CustomStringConvertible {
    case exited(Int32)
    case signaled(Int32)

    var description: String {
        switch self {
        case .exited(let code): return "exited with status \(code)"
        case .signaled(let signal): return "killed by signal \(signal)"
        }
    }
}

/// A failure of the driver, carrying what the program had printed so far.
struct PseudoTerminalError: Error, CustomStringConvertible {
    let description: String
}

/// One program running in its own pseudo-terminal.
final class PseudoTerminal {
    /// The program's process id.
    let pid: pid_t
    private let master: Int32
    private var raw: [UInt8] = []
    /// Where the next `waitFor` starts looking, as a UTF-8 offset into `transcript`.
    private var searchStart = 0
    private var outputEnded = false
    private var status: ExitStatus?

    /// Starts `executable` with `arguments` in a new pty of `columns` x `rows`.
    /// `environment` is the program's whole environment (see `defaultEnvironment`).
    init(
        executable: String,
        arguments: [String] = [],
        environment: [String: String] = PseudoTerminal.defaultEnvironment(),
        columns: UInt16 = 80,
        rows: UInt16 = 24,
        workingDirectory: URL? = nil
    ) throws {
        let pty = try PTYCalls.load()
        let master = pty.openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw Self.failure("posix_openpt") }
        var slaveName = [CChar](repeating: 0, count: 256)
        guard pty.grantpt(master) == 0, pty.unlockpt(master) == 0,
              pty.ptsname_r(master, &slaveName, slaveName.count) == 0 else {
            close(master)
            throw Self.failure("grantpt/unlockpt/ptsname_r")
        }
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid() in the child and without O_NOCTTY: it becomes the controlling tty.
        posix_spawn_file_actions_addopen(&actions, 0, slaveName, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        if let workingDirectory { _ = pty.addchdir(&actions, workingDirectory.path) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The test runner's thread may block or ignore signals; the program must start clean.
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGTSTP, SIGHUP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        let setsid: Int32 = 0x80  // POSIX_SPAWN_SETSID in <spawn.h> (glibc 2.26+), hidden behind _GNU_SOURCE
        posix_spawnattr_setflags(&attributes, Int16(setsid | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            close(master)
            throw PseudoTerminalError(description: "posix_spawn \(executable) failed: \(String(cString: strerror(spawned)))")
        }
        self.pid = child
        self.master = master
    }

    deinit {
        if status == nil {
            kill(pid, SIGKILL)
            var raw: Int32 = 0
            _ = waitpid(pid, &raw, 0)
        }
        close(master)
    }

    /// The inherited environment with TERM=xterm and without variables that would change how
    /// the program sees the terminal (COLUMNS, LINES, NO_COLOR).
    static func defaultEnvironment() -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for name in ["COLUMNS", "LINES", "NO_COLOR", "TERM"] { environment[name] = nil }
        environment["TERM"] = "xterm"
        return environment
    }

    // MARK: - Typing and reading

    /// Types `keys` (see `Key` for special keys).
    func send(_ keys: String) throws {
        var bytes = Array(keys.utf8)
        while !bytes.isEmpty {
            let written = write(master, bytes, bytes.count)
            if written < 0 {
                if errno == EINTR { continue }
                throw Self.failure("writing keystrokes")
            }
            bytes.removeFirst(written)
        }
    }

    /// Changes the window size; the kernel sends SIGWINCH to the program, as a terminal
    /// emulator does when its window is resized.
    func resize(columns: UInt16, rows: UInt16 = 24) throws {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard ioctl(master, UInt(TIOCSWINSZ), &size) == 0 else { throw Self.failure("TIOCSWINSZ") }
    }

    /// Reads output until `text` appears after the previous match, and returns the cleaned
    /// output from the previous match up to and including `text`.
    @discardableResult
    func waitFor(_ text: String, timeout: Duration = .seconds(10)) throws -> String {
        let deadline = ContinuousClock.now + timeout
        while true {
            let cleaned = transcript
            let utf8 = cleaned.utf8
            let from = utf8.index(utf8.startIndex, offsetBy: min(searchStart, utf8.count))
            if let match = cleaned[from...].range(of: text) {
                searchStart = utf8.distance(from: utf8.startIndex, to: match.upperBound)
                return String(cleaned[from..<match.upperBound])
            }
            let remaining = deadline - ContinuousClock.now
            if remaining <= .zero || outputEnded {
                let why = outputEnded ? "the program closed the terminal" : "timed out after \(timeout)"
                throw PseudoTerminalError(description:
                    "waiting for \(text.debugDescription): \(why). Output since the last match:\n"
                    + String(cleaned[from...]))
            }
            readAvailable(waitingAtMost: remaining)
        }
    }

    /// Reads output until `condition` holds (e.g. a bell was rung), for things `waitFor` cannot
    /// express.
    func waitUntil(_ what: String, timeout: Duration = .seconds(10), _ condition: (PseudoTerminal) -> Bool) throws {
        let deadline = ContinuousClock.now + timeout
        while !condition(self) {
            let remaining = deadline - ContinuousClock.now
            if remaining <= .zero || outputEnded {
                throw PseudoTerminalError(description: "waiting until \(what): gave up; output:\n\(transcript)")
            }
            readAvailable(waitingAtMost: remaining)
        }
    }

    /// Everything the program wrote, with escapes, "\r", bells and backspaces removed.
    var transcript: String {
        Self.clean(String(decoding: raw, as: UTF8.self))
    }

    /// How many times the program rang the terminal bell so far.
    var bellCount: Int {
        // A BEL also ends OSC sequences; programs here send none, so every BEL is a bell.
        raw.reduce(0) { $0 + ($1 == 0x07 ? 1 : 0) }
    }

    /// Waits for the program to end (reading its output meanwhile) and returns how it ended.
    func waitForExit(timeout: Duration = .seconds(10)) throws -> ExitStatus {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let status { return status }
            var raw: Int32 = 0
            let result = waitpid(pid, &raw, WNOHANG)
            if result == pid {
                // Decoded by hand: WIFEXITED and friends are macros Swift does not import.
                let ended: ExitStatus = (raw & 0x7F) == 0 ? .exited((raw >> 8) & 0xFF) : .signaled(raw & 0x7F)
                status = ended
                return ended
            }
            if ContinuousClock.now >= deadline {
                throw PseudoTerminalError(description: "the program is still running after \(timeout); output:\n\(transcript)")
            }
            readAvailable(waitingAtMost: .milliseconds(20))
        }
    }

    /// Whether the program is still running.
    var isRunning: Bool {
        if status != nil { return false }
        var raw: Int32 = 0
        let result = waitpid(pid, &raw, WNOHANG)
        if result == pid {
            status = (raw & 0x7F) == 0 ? .exited((raw >> 8) & 0xFF) : .signaled(raw & 0x7F)
            return false
        }
        return true
    }

    /// Waits up to `limit` for output and appends whatever is there.
    private func readAvailable(waitingAtMost limit: Duration) {
        let milliseconds = Int32(clamping: max(1, limit.components.seconds * 1000 + limit.components.attoseconds / 1_000_000_000_000_000))
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, min(milliseconds, 100))
        guard ready > 0 else { return }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &chunk, chunk.count)
        if count > 0 {
            raw.append(contentsOf: chunk[0..<count])
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
            outputEnded = true  // EIO: every slave descriptor is closed, the program is gone
        }
    }

    // MARK: - Cleaning

    /// `text` without ANSI escape sequences (CSI, OSC, two-character), "\r", BEL and backspace.
    static func clean(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case "\u{1B}":
                guard let kind = scalars.next() else { break }
                if kind == "[" {
                    while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
                } else if kind == "]" {
                    var previous: Unicode.Scalar = " "
                    while let next = scalars.next() {
                        if next == "\u{07}" || (previous == "\u{1B}" && next == "\\") { break }
                        previous = next
                    }
                }
            case "\r", "\u{07}", "\u{08}":
                continue
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func failure(_ what: String) -> PseudoTerminalError {
        PseudoTerminalError(description: "\(what) failed: \(String(cString: strerror(errno)))")
    }
}

/// The C library's pty functions, found at run time (see the file header).
private struct PTYCalls {
    let openpt: @convention(c) (Int32) -> Int32
    let grantpt: @convention(c) (Int32) -> Int32
    let unlockpt: @convention(c) (Int32) -> Int32
    let ptsname_r: @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32
    /// posix_spawn_file_actions_addchdir_np (glibc 2.29+): the child starts in another folder.
    let addchdir: @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, UnsafePointer<CChar>?) -> Int32

    static func load() throws -> PTYCalls {
        guard let library = dlopen(nil, RTLD_NOW) else {
            throw PseudoTerminalError(description: "dlopen of the running program failed")
        }
        func find<Function>(_ name: String, as type: Function.Type) throws -> Function {
            guard let symbol = dlsym(library, name) else {
                throw PseudoTerminalError(description: "\(name) is not in the C library")
            }
            return unsafeBitCast(symbol, to: type)
        }
        return PTYCalls(
            openpt: try find("posix_openpt", as: (@convention(c) (Int32) -> Int32).self),
            grantpt: try find("grantpt", as: (@convention(c) (Int32) -> Int32).self),
            unlockpt: try find("unlockpt", as: (@convention(c) (Int32) -> Int32).self),
            ptsname_r: try find("ptsname_r", as: (@convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32).self),
            addchdir: try find("posix_spawn_file_actions_addchdir_np",
                               as: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, UnsafePointer<CChar>?) -> Int32).self)
        )
    }
}
