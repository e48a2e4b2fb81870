// The .nnlab format: written and read back unchanged, and every kind of damage refused with the
// line number and its text.

import Foundation
import NNData
import Testing
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials

@Suite("Session file format")
struct SessionFileTests {
    static let sample = """
        # nnlab session
        # format: 1
        # nnlab: 0.1.0
        # saved: 2025-06-01T10:11:12Z
        # seed: 777
        # data: mnist limit=1000
        # data-identity: {"files":[{"bytes":12,"name":"a.idx","role":"train-images","sha256":"00ff"}],"name":"mnist","parameters":{"limit":"1000"}}
        # model: 784-10 softmax; xavier; adam lr 0.001
        # best: test 0.9000
        # weights: s.safetensors 1234 bytes sha256 abcd
        # fast: epochs=1 limit=500
        # teacher: Kim

        # Lab 10-1: softmax
        seed 777
        data load mnist limit=1000
        layer add dense 10 softmax
        train epochs=2 batch=100
        # epoch 1  cost 0.5000  train 0.8000  validation 0.8500
        # epoch 2  cost 0.4000  train 0.8800  validation 0.8700
        #fast epoch 1  cost 0.9000  train 0.6000  validation 0.7000

        # now the test split
        eval test
        # eval test  accuracy 0.9000  cost 0.3000
        #fast eval test  accuracy 0.7100  cost 0.9000

        # the end
        # end of session

        """

    @Test("a session file is read field by field and written back byte for byte")
    func roundTrip() throws {
        let file = try SessionFile.parse(Self.sample, file: "s.nnlab", commands: CommandTable.all)
        let h = file.header
        #expect(h.format == 1 && h.seed == 777 && h.data == "mnist limit=1000" && h.best == "test 0.9000")
        #expect(h.dataIdentity == DataIdentity(name: "mnist", parameters: ["limit": "1000"],
                                               files: [FileIdentity(role: "train-images", name: "a.idx", bytes: 12, sha256: "00ff")]))
        #expect(h.weights == SessionFile.WeightsReference(file: "s.safetensors", bytes: 1234, sha256: "abcd"))
        #expect(h.fast == FastMode(epochs: 1, limit: 500))
        #expect(h.other == [SessionFile.HeaderField(key: "teacher", value: "Kim")])
        #expect(file.entries.map(\.command) == ["seed 777", "data load mnist limit=1000", "layer add dense 10 softmax",
                                                "train epochs=2 batch=100", "eval test"])
        #expect(file.entries.map(\.line) == [15, 16, 17, 18, 24])
        #expect(file.entries[3].figures == ["epoch 1  cost 0.5000  train 0.8000  validation 0.8500",
                                            "epoch 2  cost 0.4000  train 0.8800  validation 0.8700"])
        #expect(file.entries[3].fastFigures == ["epoch 1  cost 0.9000  train 0.6000  validation 0.7000"])
        #expect(file.entries[0].notes == ["Lab 10-1: softmax"])
        #expect(file.entries[4].notes == ["now the test split"])
        #expect(file.trailingNotes == ["the end"])
        #expect(file.render() == Self.sample)
        #expect(try SessionFile.parse(file.render(), file: "again", commands: CommandTable.all) == file)
    }

    @Test("the header alone is read for listings, even when the body is damaged")
    func headerOnly() throws {
        let damaged = Self.sample.replacingOccurrences(of: "eval test\n", with: "eval tset\n")
        let header = try SessionFile.parseHeader(damaged, file: "s.nnlab")
        #expect(header.model == "784-10 softmax; xavier; adam lr 0.001")
        #expect(throws: SessionFileError.self) { try SessionFile.parse(damaged, file: "s.nnlab", commands: CommandTable.all) }
    }

    /// The error for `text`, which must be refused.
    func refusal(_ text: String) throws -> SessionFileError {
        do {
            _ = try SessionFile.parse(text, file: "s.nnlab", commands: CommandTable.all)
        } catch {
            return error
        }
        Issue.record("accepted:\n\(text)")
        throw CancellationError()
    }

    func replacing(_ old: String, with new: String) -> String {
        precondition(Self.sample.contains(old), old)
        return Self.sample.replacingOccurrences(of: old, with: new)
    }

    @Test("a command the shell would not accept is refused with its line number and text")
    func badCommand() throws {
        let e = try refusal(replacing("layer add dense 10 softmax", with: "layer add dens 10 softmax"))
        #expect(e.line == 17 && e.text == "layer add dens 10 softmax")
        #expect(e.message.contains("s.nnlab line 17 (`layer add dens 10 softmax`)"))
        #expect(e.message.contains("'layer add' has no 'dens'"))
        let range = try refusal(replacing("train epochs=2 batch=100", with: "train epochs=0 batch=100"))
        #expect(range.line == 18 && range.problem.contains("epochs= is 0"))
    }

    @Test("a file cut short (no end line) is refused, naming its last line")
    func truncated() throws {
        let cut = String(Self.sample.prefix(upTo: Self.sample.range(of: "#fast eval")!.lowerBound))
        let e = try refusal(cut)
        #expect(e.problem.contains("cut short"))
        #expect(e.line == 25 && e.text == "# eval test  accuracy 0.9000  cost 0.3000")
        // Cut in the middle of a line, too.
        let mid = String(Self.sample.prefix(upTo: Self.sample.range(of: "softmax\ntrain")!.lowerBound)) + "soft"
        #expect(try refusal(mid).problem.contains("cut short"))
    }

    @Test("a newer format is refused with a clear message")
    func newerFormat() throws {
        let e = try refusal(replacing("# format: 1", with: "# format: 2"))
        #expect(e.line == 2)
        #expect(e.problem.contains("format 2 by a newer nnlab") && e.problem.contains("reads format 1"))
        #expect(e.hint.contains("update nnlab"))
    }

    @Test("damaged headers are refused by line", arguments: [
        ("# seed: 777", "# seed: minus one", 5, "the seed must be a whole number"),
        ("# fast: epochs=1 limit=500", "# fast: epochs=zero", 11, "the fast variant must read"),
        ("# weights: s.safetensors 1234 bytes sha256 abcd", "# weights: s.safetensors", 10, "the weights line"),
        ("# data-identity: {", "# data-identity: {{", 7, "data identity is not valid JSON"),
        ("# model: 784-10", "model 784-10", 8, "a header line must read `# key: value`"),
        ("# format: 1", "# format: one", 2, "the format must be a whole number"),
    ])
    func damagedHeader(old: String, new: String, line: Int, problem: String) throws {
        let e = try refusal(replacing(old, with: new))
        #expect(e.line == line, "\(e)")
        #expect(e.problem.contains(problem), "\(e)")
    }

    @Test("other damage is refused by line")
    func otherDamage() throws {
        #expect(try refusal("layer add dense 1 relu\n").line == 1)
        #expect(try refusal("").problem.contains("empty"))
        #expect(try refusal(replacing("# format: 1\n", with: "")).problem.contains("no `# format:` line"))
        let quote = try refusal(replacing("eval test\n", with: "eval \"test\n"))
        #expect(quote.line == 24 && quote.problem.contains("quote is not closed"))
        let control = try refusal(replacing("eval test\n", with: "eval te\u{7}st\n"))
        #expect(control.line == 24 && control.problem.contains("control character"))
        let nested = try refusal(replacing("eval test\n", with: "replay other\n"))
        #expect(nested.line == 24 && nested.problem.contains("`replay` cannot be part of a session"))
        let orphan = try refusal(replacing("\n# now the test split", with: "\n#fast orphan\n# now the test split"))
        #expect(orphan.line == 23 && orphan.problem.contains("directly under its command"))
        let after = try refusal(Self.sample + "seed 1\n")
        #expect(after.problem.contains("after `# end of session`"))
    }

    @Test("bytes that are not UTF-8 are refused with the line they are on")
    func notUTF8() throws {
        var bytes = Data(Self.sample.utf8)
        let at = bytes.range(of: Data("eval test\n".utf8))!.lowerBound
        bytes[at + 2] = 0xFF
        #expect(throws: SessionFileError.self) { try SessionFile.parse(bytes, file: "s.nnlab", commands: CommandTable.all) }
        do { _ = try SessionFile.parse(bytes, file: "s.nnlab", commands: CommandTable.all) } catch {
            #expect(error.line == 24 && error.problem.contains("not UTF-8"))
        }
    }

    @Test("commands are stored as the shell journals them; `;` lines split into commands")
    func normalizedCommands() throws {
        let text = "# nnlab session\n# format: 1\n\nseed 5;  data load xor   # comment\nlayer add dense 2 relu as=h1\n# end of session\n"
        let file = try SessionFile.parse(text, file: "x", commands: CommandTable.all)
        #expect(file.entries.map(\.command) == ["seed 5", "data load xor", "layer add dense 2 relu as=h1"])
        #expect(file.entries.map(\.line) == [4, 4, 5])
    }
}
