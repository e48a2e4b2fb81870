// JournalWriter: entries reach the file at once, torn tails are cut, failures leave whole lines.

import Foundation
import Testing
import TestProcess
#if canImport(Glibc)
import Glibc
#endif
@testable import NNFormats
import LabKit

@Suite struct JournalWriterTests {
    @Test func entriesAreInTheFileBeforeAppendReturns() throws {
        let folder = try makeTemporaryFolder()
        let url = folder.appendingPathComponent("autosave.journal")
        for durability in [JournalWriter.Durability.handToOS, .syncToDisk] {
            try? FileManager.default.removeItem(at: url)
            let journal = try JournalWriter(url: url, durability: durability)
            try journal.append("model 784 256 10")
            // Read through a separate descriptor while the writer is still open: nothing may be
            // waiting in a user-space buffer, or a kill -9 now would lose it.
            #expect(try String(contentsOf: url, encoding: .utf8) == "model 784 256 10\n")
            try journal.append("train 3\n")
            #expect(try String(contentsOf: url, encoding: .utf8) == "model 784 256 10\ntrain 3\n")
            journal.close()
        }
    }

    @Test func reopeningAppendsAfterExistingEntries() throws {
        let url = try makeTemporaryFolder().appendingPathComponent("j.journal")
        do {
            let journal = try JournalWriter(url: url)
            try journal.append("seed 42")
            try journal.append("model 2 4 1")
        }
        let journal = try JournalWriter(url: url)
        #expect(journal.discardedTailBytes == 0)
        try journal.append("train 10")
        #expect(try JournalWriter.readLines(from: url) == ["seed 42", "model 2 4 1", "train 10"])
    }

    @Test func anUnfinishedLastLineIsCutOffWhenReopened() throws {
        let url = try makeTemporaryFolder().appendingPathComponent("j.journal")
        // What a crash in the middle of an append can leave.
        try Data("seed 42\nmodel 2 4 1\ntrain 1".utf8).write(to: url)
        #expect(try JournalWriter.readLines(from: url) == ["seed 42", "model 2 4 1"])

        let journal = try JournalWriter(url: url)
        #expect(journal.discardedTailBytes == "train 1".utf8.count)
        try journal.append("train 2")
        #expect(try String(contentsOf: url, encoding: .utf8) == "seed 42\nmodel 2 4 1\ntrain 2\n")
    }

    @Test func aJournalWithNoCompleteLineIsEmptied() throws {
        let url = try makeTemporaryFolder().appendingPathComponent("j.journal")
        try Data(String(repeating: "x", count: 10_000).utf8).write(to: url)   // longer than one scan block
        let journal = try JournalWriter(url: url)
        #expect(journal.discardedTailBytes == 10_000)
        try journal.append("ok")
        #expect(try JournalWriter.readLines(from: url) == ["ok"])
    }

    @Test func aFailedAppendLeavesOnlyWholeLines() throws {
        let url = try makeTemporaryFolder().appendingPathComponent("j.journal")
        var calls = SystemCalls.system
        let failNext = FailSwitch()
        calls.write = { fd, bytes, count in
            // Write 3 bytes of the line, then report a full disk, as a nearly full disk would.
            if failNext.isOn {
                failNext.isOn = false
                _ = SystemCalls.system.write(fd, bytes, min(3, count))
                errno = ENOSPC
                return -1
            }
            return SystemCalls.system.write(fd, bytes, count)
        }
        let journal = try JournalWriter(url: url, durability: .syncToDisk, calls: calls)
        try journal.append("one")
        failNext.isOn = true
        let error = try #require(throws: FileWriteError.self) { try journal.append("two") }
        #expect(error.cause == .diskFull)
        #expect(error.description.contains(url.path))
        try journal.append("three")
        #expect(try String(contentsOf: url, encoding: .utf8) == "one\nthree\n")
    }

    @Test func missingFolderAndClosedJournalAreErrors() throws {
        let folder = try makeTemporaryFolder()
        let error = try #require(throws: FileWriteError.self) {
            _ = try JournalWriter(url: folder.appendingPathComponent("gone/j.journal"))
        }
        #expect(error.cause == .folderMissing)

        let journal = try JournalWriter(url: folder.appendingPathComponent("j.journal"))
        journal.close()
        journal.close()
        #expect(throws: FileWriteError.self) { try journal.append("late") }
    }

    @Test func readingAMissingJournalNamesIt() throws {
        let url = try makeTemporaryFolder().appendingPathComponent("none.journal")
        let error = try #require(throws: FileReadError.self) { _ = try JournalWriter.readLines(from: url) }
        #expect(error.description == "cannot read \(url.path) (No such file or directory)")
    }
}

/// A flag a fake system call reads (the test flips it between appends).
private final class FailSwitch: @unchecked Sendable {
    var isOn = false
}
