// AtomicFile: whole-file replacement, its errors, and what is left on disk after a failure.

import Foundation
import Testing
import TestProcess
#if canImport(Glibc)
import Glibc
#endif
@testable import LabKit

/// System calls that fail one step with `code`, to simulate a full disk or a read-only mount.
private func failing(_ step: String, with code: Int32, afterBytes: Int = 0) -> SystemCalls {
    var calls = SystemCalls.system
    switch step {
    case "open":
        calls.open = { path, flags, mode in
            // Only the temporary file fails; the folder (opened for its fsync) still opens.
            if flags & O_CREAT != 0 { errno = code; return -1 }
            return SystemCalls.system.open(path, flags, mode)
        }
    case "write":
        // The first call writes `afterBytes` bytes (a partial write); the next fails.
        let budget = Budget(afterBytes)
        calls.write = { fd, bytes, count in
            let allowed = budget.take(count)
            if allowed == 0 { errno = code; return -1 }
            return SystemCalls.system.write(fd, bytes, allowed)
        }
    case "fsync":
        calls.fsync = { _ in errno = code; return -1 }
    case "rename":
        calls.rename = { _, _ in errno = code; return -1 }
    default:
        Issue.record("unknown step \(step)")
    }
    return calls
}

/// A byte allowance shared by a fake write's calls.
private final class Budget: @unchecked Sendable {
    private var left: Int
    private let lock = NSLock()
    init(_ bytes: Int) { left = bytes }
    func take(_ wanted: Int) -> Int {
        lock.lock(); defer { lock.unlock() }
        let granted = min(wanted, left)
        left -= granted
        return granted
    }
}

@Suite struct AtomicFileTests {
    @Test func writesANewFileAndLeavesNoTemporaryBehind() throws {
        let folder = try makeTemporaryFolder()
        let target = folder.appendingPathComponent("notes.txt")
        try AtomicFile.write("first version\n", to: target)
        #expect(try String(contentsOf: target, encoding: .utf8) == "first version\n")
        #expect(folderContents(folder) == ["notes.txt"])
    }

    @Test func replacesAnExistingFileCompletely() throws {
        let folder = try makeTemporaryFolder()
        let target = folder.appendingPathComponent("a.bin")
        try AtomicFile.write(Data(repeating: 7, count: 10_000), to: target)
        try AtomicFile.write(Data([1, 2, 3]), to: target)
        #expect(try Data(contentsOf: target) == Data([1, 2, 3]))
        #expect(folderContents(folder) == ["a.bin"])
    }

    @Test func missingFolderIsNamedInTheError() throws {
        let folder = try makeTemporaryFolder()
        let target = folder.appendingPathComponent("no-such-folder/s.safetensors")
        let error = try #require(throws: FileWriteError.self) { try AtomicFile.write(Data([1]), to: target) }
        #expect(error.cause == .folderMissing)
        #expect(error.description.contains(target.path))
        #expect(error.description.contains("No such file or directory"))
        #expect(error.description.contains("Create the folder"))
    }

    @Test func aFileWhereAFolderShouldBeIsRefused() throws {
        let folder = try makeTemporaryFolder()
        let blocker = folder.appendingPathComponent("sessions")
        try Data([0]).write(to: blocker)
        let error = try #require(throws: FileWriteError.self) {
            try AtomicFile.write(Data([1]), to: blocker.appendingPathComponent("x"))
        }
        #expect(error.cause == .notAFolder)
        #expect(error.description.contains("Not a directory"))
    }

    @Test func targetThatIsAFolderIsRefusedAndTheFolderKept() throws {
        let folder = try makeTemporaryFolder()
        let sub = folder.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: false)
        let error = try #require(throws: FileWriteError.self) { try AtomicFile.write(Data([1]), to: sub) }
        #expect(error.cause == .notAFolder)
        #expect(error.step.contains("renaming"))
        #expect(folderContents(folder) == ["taken"])
    }

    @Test(.enabled(if: !runningAsRoot, "root may write into a chmod 0555 folder; the simulated EROFS test covers this case"))
    func readOnlyFolderIsRefused() throws {
        let folder = try makeTemporaryFolder()
        let target = folder.appendingPathComponent("s.nnlab")
        try AtomicFile.write("old", to: target)
        chmod(folder.path, 0o555)
        defer { chmod(folder.path, 0o755) }
        let error = try #require(throws: FileWriteError.self) { try AtomicFile.write("new", to: target) }
        #expect(error.cause == .notWritable)
        #expect(try String(contentsOf: target, encoding: .utf8) == "old")
    }

    @Test func readOnlyFileSystemIsRefusedWithTheOSText() throws {
        let folder = try makeTemporaryFolder()
        let target = folder.appendingPathComponent("s.nnlab")
        try AtomicFile.write("old", to: target)
        let error = try #require(throws: FileWriteError.self) {
            try AtomicFile.write(Data("new".utf8), to: target, calls: failing("open", with: EROFS))
        }
        #expect(error.cause == .notWritable)
        #expect(error.description.contains("Read-only file system"))
        #expect(error.description.contains(folder.path))
        #expect(try String(contentsOf: target, encoding: .utf8) == "old")
    }

    @Test func fullDiskMidWriteKeepsTheOldFileAndRemovesTheTemporary() throws {
        let folder = try makeTemporaryFolder()
        let target = folder.appendingPathComponent("w.safetensors")
        try AtomicFile.write("the good old weights", to: target)
        let error = try #require(throws: FileWriteError.self) {
            try AtomicFile.write(Data(repeating: 9, count: 100_000), to: target,
                                 calls: failing("write", with: ENOSPC, afterBytes: 4096))
        }
        #expect(error.cause == .diskFull)
        #expect(error.code == ENOSPC)
        #expect(error.description.contains("No space left on device"))
        #expect(error.description.contains(target.path))
        #expect(try String(contentsOf: target, encoding: .utf8) == "the good old weights")
        #expect(folderContents(folder) == ["w.safetensors"])
    }

    @Test func failedFsyncKeepsTheOldFile() throws {
        let folder = try makeTemporaryFolder()
        let target = folder.appendingPathComponent("w.bin")
        try AtomicFile.write("old", to: target)
        let error = try #require(throws: FileWriteError.self) {
            try AtomicFile.write(Data("new".utf8), to: target, calls: failing("fsync", with: EIO))
        }
        #expect(error.cause == .other)
        #expect(error.step.contains("flushing"))
        #expect(try String(contentsOf: target, encoding: .utf8) == "old")
        #expect(folderContents(folder) == ["w.bin"])
    }

    @Test func failedRenameKeepsTheOldFile() throws {
        let folder = try makeTemporaryFolder()
        let target = folder.appendingPathComponent("w.bin")
        try AtomicFile.write("old", to: target)
        #expect(throws: FileWriteError.self) {
            try AtomicFile.write(Data("new".utf8), to: target, calls: failing("rename", with: EXDEV))
        }
        #expect(try String(contentsOf: target, encoding: .utf8) == "old")
        #expect(folderContents(folder) == ["w.bin"])
    }

    @Test func staleTemporaryFromAKilledProcessDoesNotBreakTheNextWrite() throws {
        let folder = try makeTemporaryFolder()
        let target = folder.appendingPathComponent("s.nnlab")
        try AtomicFile.write("good", to: target)
        // What a process killed mid-write leaves: a half temporary file named after its pid.
        // pid 99999999 is above Linux's pid_max, so no such process can exist.
        let stale = folder.appendingPathComponent(AtomicFile.temporaryPrefix(for: "s.nnlab") + "99999999-42")
        try Data("half wri".utf8).write(to: stale)
        // A temporary of a live process (our parent) must be left alone: it may be mid-write.
        let live = folder.appendingPathComponent(AtomicFile.temporaryPrefix(for: "s.nnlab") + "\(getppid())-7")
        try Data("busy".utf8).write(to: live)

        try AtomicFile.write("better", to: target)
        #expect(try String(contentsOf: target, encoding: .utf8) == "better")
        #expect(folderContents(folder) == [live.lastPathComponent, "s.nnlab"])
    }

    @Test func createsNestedFoldersAndAcceptsExistingOnes() throws {
        let folder = try makeTemporaryFolder()
        let nested = folder.appendingPathComponent("logs/run-1/deep")
        try Folder.create(nested)
        try Folder.create(nested)
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: nested.path, isDirectory: &isFolder) && isFolder.boolValue)

        try Data([1]).write(to: folder.appendingPathComponent("file"))
        let error = try #require(throws: FileWriteError.self) {
            try Folder.create(folder.appendingPathComponent("file/sub"))
        }
        #expect(error.cause == .notAFolder)
    }
}
