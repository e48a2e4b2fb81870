// ChildProcess: runs one external command (pip) with a time limit, and really stops it.
//
// Foundation's Process passes on the parent thread's blocked signals (test runners block
// SIGTERM, so terminate() does nothing) and kills only the direct child, not what it started.
// Here posix_spawn starts the command with an empty signal mask in a process group of its own,
// output goes to a file, and on timeout the whole group gets SIGKILL. waitpid polling reaps it.

import Foundation

enum ChildProcess {
    /// How a run ended.
    enum Outcome: Equatable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
    }

    /// Runs `arguments` (the first is looked up on PATH through /usr/bin/env) with `environment`
    /// added to this process's, stdout and stderr appended to `log`, stdin empty.
    static func run(_ arguments: [String], environment: [String: String], log: String,
                    timeout: TimeInterval) -> Result<Outcome, DataError> {
        let command = arguments.joined(separator: " ")
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))

        var files = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&files)
        defer { posix_spawn_file_actions_destroy(&files) }
        posix_spawn_file_actions_addopen(&files, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&files, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&files, 1, 2)

        var merged = ProcessInfo.processInfo.environment
        for (k, v) in environment { merged[k] = v }
        let argv: [UnsafeMutablePointer<CChar>?] = (["/usr/bin/env"] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/usr/bin/env", &files, &attributes, argv, envp)
        guard status == 0 else {
            return .failure(.downloadFailed(url: command, reason: "cannot start it: \(String(cString: strerror(status)))"))
        }
        let deadline = Date().addingTimeInterval(timeout)
        var waitStatus: Int32 = 0
        while true {
            let r = waitpid(pid, &waitStatus, WNOHANG)
            if r == pid { break }
            if r < 0 && errno != EINTR {
                return .failure(.downloadFailed(url: command, reason: "lost track of it: \(String(cString: strerror(errno)))"))
            }
            if Date() >= deadline {
                kill(-pid, SIGKILL)  // the whole group: pip and anything it started
                while waitpid(pid, &waitStatus, 0) < 0 && errno == EINTR {}
                return .success(.timedOut)
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        // Decode the wait status by hand (the C macros are not visible from Swift).
        let signal = waitStatus & 0x7f
        return .success(signal == 0 ? .exited((waitStatus >> 8) & 0xff) : .signalled(signal))
    }
}
