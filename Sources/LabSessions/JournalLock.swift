// JournalLock: who owns an autosave journal, decided by the kernel through flock(2), not by pids.
//
// Each running lab holds an exclusive flock on the `lock` file in its journal's folder for as long
// as it runs. The kernel drops the lock when the process ends in any way (quit, crash, kill -9,
// a closed terminal), so "the lock can be taken" means exactly "the lab that wrote this journal is
// gone". A pid that the system later gives to another process blocks nothing. When a starting lab
// finds a journal it can lock, it keeps the lock while it asks and recovers, so two labs started at
// once cannot both claim the same crashed journal; the file's text says who holds it, for the
// other lab's message only (the lock itself is the truth).

import Foundation
import LabCore
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on one journal's lock file, held until `release()` or the process ends.
final class JournalLock {
    /// What trying to take a lock found.
    enum Claim {
        case claimed(JournalLock)
        /// Another running lab holds it; `holder` is what it wrote into the file (nil when unreadable).
        case held(holder: JournalHolder?)
        /// The file is gone (its journal was removed meanwhile) or cannot be opened.
        case gone
    }

    private var fd: Int32

    private init(fd: Int32) {
        self.fd = fd
    }

    deinit { release() }

    /// Takes the lock at `url` without waiting. `create` makes the file (a new journal's own lock).
    static func claim(_ url: URL, create: Bool = false) -> Claim {
        let flags = O_RDWR | O_CLOEXEC | O_NOFOLLOW | (create ? O_CREAT : 0)
        let fd = open(url.path, flags, 0o600)
        guard fd >= 0 else { return .gone }
        var result: Int32
        repeat { result = flock(fd, LOCK_EX | LOCK_NB) } while result != 0 && errno == EINTR
        guard result == 0 else {
            let holder = JournalHolder(readText(fd))
            close(fd)
            return .held(holder: holder)
        }
        // Locked, but the file may have been unlinked between open and flock by the lab that
        // finished with it: such a lock guards nothing.
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_nlink > 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            return .gone
        }
        return .claimed(JournalLock(fd: fd))
    }

    /// Says who holds the lock (read by a lab that fails to take it).
    func describeHolder(_ holder: JournalHolder) {
        guard fd >= 0 else { return }
        let bytes = Array((holder.text + "\n").utf8)
        _ = ftruncate(fd, 0)
        _ = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    /// Lets the lock go (the file stays).
    func release() {
        guard fd >= 0 else { return }
        close(fd)   // closing the only descriptor drops the flock
        fd = -1
    }

    private static func readText(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return "" }
        return String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Who holds a journal's lock, as its lock file says: "pid 42, started in /home/ada/x" or
/// "pid 42, recovering it in /home/ada/x". The text is data between labs (always these words);
/// what the learner reads is said from the fields.
struct JournalHolder: Equatable {
    /// What the holding lab does with the journal.
    enum Doing: Equatable {
        /// It is the lab's own journal.
        case started
        /// The lab is recovering a journal another lab left.
        case recovering
    }

    var pid: Int32
    var doing: Doing
    /// The folder the holding lab was started in.
    var folder: String

    init(pid: Int32, doing: Doing, folder: String) {
        self.pid = pid
        self.doing = doing
        self.folder = folder
    }

    /// The lock file's text read back; nil when it is not one of the two forms.
    init?(_ text: String) {
        guard text.hasPrefix("pid "), let comma = text.firstIndex(of: ","), let pid = Int32(text[text.index(text.startIndex, offsetBy: 4)..<comma]) else {
            return nil
        }
        let rest = text[text.index(after: comma)...]
        for doing in [Doing.started, .recovering] {
            let words = JournalHolder.words(doing)
            if rest.hasPrefix(words) {
                self.init(pid: pid, doing: doing, folder: String(rest.dropFirst(words.count)))
                return
            }
        }
        return nil
    }

    /// The text written into the lock file.
    var text: String { "pid \(pid)," + JournalHolder.words(doing) + folder }

    private static func words(_ doing: Doing) -> String {
        switch doing {
        case .started: " started in "
        case .recovering: " recovering it in "
        }
    }
}
