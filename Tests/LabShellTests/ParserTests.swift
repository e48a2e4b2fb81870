// The parser through the command table: values checked, refusals that name what was wrong.

import Testing
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials

@Suite("Parsing against the command table")
struct ParserTests {
    let parser = Parser(commands: CommandTable.all)

    func parse(_ line: String) throws -> Invocation {
        try parser.parse(try splitCommands(line)[0]).1
    }

    func refusal(_ line: String) -> String {
        do {
            _ = try parser.parse(try splitCommands(line)[0])
            return ""
        } catch {
            return error.description
        }
    }

    @Test("positionals, options, flags and keywords")
    func binding() throws {
        let a = try parse("layer add dense 256 relu as h2 from h1")
        #expect(a.path == ["layer", "add", "dense"])
        #expect(a.int("units") == 256 && a.string("activation") == "relu")
        #expect(a.string("as") == "h2" && a.string("from") == "h1")
        let b = try parse("train epochs=15 batch=100 keep_prob=0.7")
        #expect(b.int("epochs") == 15 && b.float("keep_prob") == 0.7)
        let c = try parse("eval validation confusion")
        #expect(c.string("split") == "validation" && c.has("confusion"))
        let d = try parse("layer insert 2 dropout 0.5")
        #expect(d.int("position") == 2 && d.float("keep_prob") == 0.5)
        let e = try parse("train --epochs=3 as=relu")
        #expect(e.int("epochs") == 3 && e.string("as") == "relu")
    }

    @Test("refusals name the problem", arguments: [
        ("layr add", "unknown command 'layr' (did you mean 'layer'?)"),
        ("layer add dens 5 relu", "'layer add' has no 'dens' (did you mean 'dense'?)"),
        ("layer add dense -3 relu", "UNITS is -3, but it must be between 1 and 100000"),
        ("layer add dense 5", "'layer add dense' needs ACTIVATION"),
        ("layer add dense five relu", "UNITS must be a whole number, not 'five'"),
        ("layer add dropout 0", "KEEP_PROB is 0, but it must be at least 0.000001 and at most 1"),
        ("layer add dropout 1.5", "KEEP_PROB is 1.5, but it must be at least 0.000001 and at most 1"),
        ("train epochs=0", "epochs= is 0, but it must be between 1 and 1000000"),
        ("train batch=0", "batch= is 0"),
        ("train lr=0", "lr= is 0, but it must be above 0"),
        ("train lr=-1", "lr= is -1, but it must be above 0"),
        ("train epoch=3", "'train' has no option 'epoch' (did you mean 'epochs'?)"),
        ("train epochs=3 epochs=4", "'epochs=' is given twice"),
        ("eval now", "SPLIT 'now' is not one of test, validation, train"),
        ("seed abc", "N must be a whole number"),
        ("seed 0x10", "N must be a whole number, not '0x10'"),
        ("train lr=0x10", "lr= must be a decimal number, not '0x10'"),
        ("train lr=inf", "lr= must be a decimal number, not 'inf'"),
        ("train lr=1e-320", "lr= is 1e-320, which is beyond the numbers nnlab computes with"),
        ("train lr=1e39", "lr= is 1e39, which is beyond the numbers nnlab computes with"),
        ("layer", "'layer' needs one of: add, insert, replace, remove"),
        ("model show extra", "'model show' does not take 'extra' here"),
        ("layer add dense 5 relu as \"bad name\"", "as= 'bad name' is not a valid name"),
    ])
    func refusals(_ line: String, _ expected: String) {
        #expect(refusal(line).contains(expected), "\(line) -> \(refusal(line))")
    }

    @Test("quotes, comments and several commands on a line")
    func tokenizing() throws {
        #expect(try splitCommands("seed 1; data load xor  # the four points") == [["seed", "1"], ["data", "load", "xor"]])
        #expect(try splitCommands("data load csv \"my file.csv\" label=y") == [["data", "load", "csv", "my file.csv", "label=y"]])
        #expect(throws: ShellError.self) { try splitCommands("data load \"oops") }
    }

    @Test("did-you-mean ranks close words")
    func suggestionsRank() {
        #expect(suggestions(for: "trian", among: ["train", "tutorial", "eval"]).first == "train")
        #expect(suggestions(for: "xyzzy", among: ["train", "eval"]).isEmpty)
    }
}
