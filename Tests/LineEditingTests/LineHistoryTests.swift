// History rules (blank lines, repeats, the limit) and the history file (round trip, atomic
// replacement, damaged or missing files, errors that name the path).

import Foundation
import LineEditing
import Testing

@Suite("Line history")
struct LineHistoryTests {
    @Test("blank lines and consecutive repeats are not remembered; older repeats are")
    func dedupeAndBlanks() {
        var history = LineHistory()
        let recorded = ["train", "train", "", "   \t", "help", "train"].map { history.add($0) }
        #expect(recorded == [true, false, false, false, true, true])
        #expect(history.entries == ["train", "help", "train"])
    }

    @Test("only the newest `limit` entries are kept")
    func limit() {
        let history = LineHistory(limit: 3, lines: (1...10).map { "cmd \($0)" })
        #expect(history.entries == ["cmd 8", "cmd 9", "cmd 10"])
        #expect(LineHistory().limit == 1000)
        let big = LineHistory(lines: (1...1500).map { "c\($0)" })
        #expect(big.entries.count == 1000)
        #expect(big.entries.first == "c501")
    }

    @Test("line breaks become spaces and NULs vanish, so one entry stays one line")
    func normalization() {
        var history = LineHistory()
        history.add("layer add\ndense\r\n512\0")
        #expect(history.entries == ["layer add dense  512"])
    }

    @Test("decoding skips invalid UTF-8 lines, strips CR, keeps a last line without newline")
    func decodeDamaged() {
        var bytes = Array("train epochs=3\r\n".utf8)
        bytes += [0x66, 0xFF, 0xFE, 0x0A]            // "f" + invalid bytes: skipped
        bytes += Array("\n\n안녕\nhelp\nhelp\nlast".utf8)
        let history = LineHistory.decode(Data(bytes))
        #expect(history.entries == ["train epochs=3", "안녕", "help", "last"])
    }

    @Test("save then load gives the same entries, and the file is plain text")
    func roundTrip() throws {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("history")
        let history = LineHistory(lines: ["layer add dense 512 relu", "train epochs=15 batch=100", "안녕"])
        try history.save(to: file)
        #expect(try String(contentsOf: file, encoding: .utf8) == "layer add dense 512 relu\ntrain epochs=15 batch=100\n안녕\n")
        #expect(try LineHistory.load(from: file) == history)
        // Loading applies the limit of the loader.
        #expect(try LineHistory.load(from: file, limit: 2).entries == ["train epochs=15 batch=100", "안녕"])
    }

    @Test("saving replaces the old file, leaves no temporary file, and is private (0600)")
    func atomicReplacement() throws {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("history")
        try LineHistory(lines: ["old 1", "old 2", "old 3"]).save(to: file)
        try LineHistory(lines: ["new"]).save(to: file)
        #expect(try String(contentsOf: file, encoding: .utf8) == "new\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["history"])
        let permissions = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }

    @Test("saving creates a missing folder")
    func createsFolder() throws {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("nested/deeper/history")
        try LineHistory(lines: ["x"]).save(to: file)
        #expect(try LineHistory.load(from: file).entries == ["x"])
    }

    @Test("a missing file loads as an empty history")
    func missingFile() throws {
        let folder = try TemporaryFolder()
        #expect(try LineHistory.load(from: folder.url.appendingPathComponent("none")).entries.isEmpty)
    }

    @Test("a folder where the file should be is an error naming the path")
    func unreadable() throws {
        let folder = try TemporaryFolder()
        let error = #expect(throws: HistoryFileError.self) { try LineHistory.load(from: folder.url) }
        guard case .unreadable(let path, let reason)? = error else {
            Issue.record("expected .unreadable, got \(String(describing: error))")
            return
        }
        #expect(path == folder.url.path)
        #expect(reason == "Is a directory")
        #expect(error?.description.contains(folder.url.path) == true)
    }

    @Test("saving below a plain file fails with an error naming the path")
    func unwritable() throws {
        let folder = try TemporaryFolder()
        let blocker = folder.url.appendingPathComponent("plain-file")
        try Data("x".utf8).write(to: blocker)
        let target = blocker.appendingPathComponent("history")
        let error = #expect(throws: HistoryFileError.self) { try LineHistory(lines: ["x"]).save(to: target) }
        guard case .unwritable(let path, _)? = error else {
            Issue.record("expected .unwritable, got \(String(describing: error))")
            return
        }
        #expect(path == target.path)
        #expect(error?.description.hasPrefix("cannot save the history file \(target.path)") == true)
    }
}

/// A fresh folder under the system temporary folder, removed when the value is released.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("LineEditingTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
