// The command table itself: every command declared once, with help that renders, and TAB
// completion derived from the declarations.

import Foundation
import Testing
import LineEditing
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials

@Suite("Command table")
struct CommandTableTests {
    @Test("names and aliases are unique at every level")
    func unique() {
        func check(_ specs: [CommandSpec], _ path: String) {
            let names = specs.flatMap(\.allNames)
            #expect(Set(names).count == names.count, "duplicate names under '\(path)': \(names)")
            for s in specs { check(s.subcommands, path + " " + s.name) }
        }
        check(CommandTable.all, "")
    }

    @Test("every command has a summary, and every leaf a handler and an example that parses")
    func declarations() throws {
        let parser = Parser(commands: CommandTable.all)
        for (path, spec) in CommandTable.flattened() {
            #expect(!spec.summary.isEmpty, "\(path) has no summary")
            if spec.subcommands.isEmpty { #expect(spec.handler != nil, "\(path) has no handler") }
            for example in spec.examples {
                #expect(throws: Never.self, "example of \(path): \(example)") {
                    _ = try parser.parse(try splitCommands(example)[0])
                }
            }
        }
    }

    @Test("help renders for every command")
    func helpRenders() {
        for (path, _) in CommandTable.flattened() {
            let t = TestLab()
            #expect(t.run("help " + path.joined(separator: " ")), "help \(path)")
            #expect(t.output.contains("usage: " + path.joined(separator: " ")))
        }
    }

    @Test("TAB completion comes from the declarations")
    func completion() {
        let t = TestLab()
        t.run("data load xor", "layer add dense 4 relu as h1")
        let c = CommandCompleter(commands: CommandTable.all, names: LabNames(lab: t.lab, commands: CommandTable.all).provider)
        #expect(c.complete("la").candidates == ["layer"])
        #expect(c.complete("layer a").candidates == ["add"])
        #expect(c.complete("layer add dense 5 ").candidates.contains("relu"))
        #expect(c.complete("layer add dense 5 re").candidates == ["relu"])
        #expect(c.complete("train ep").candidates == ["epochs="])
        #expect(c.complete("optimizer ").candidates.contains("adam"))
        #expect(c.complete("layer add dense 5 relu from ").candidates == ["input", "h1"])
        #expect(c.complete("layer remove ").candidates.contains("h1"))
        #expect(c.complete("eval ").candidates.contains("confusion"))
        #expect(c.complete("help lay").candidates == ["layer"])
        #expect(c.complete("data load ").candidates.contains("mnist"))
        #expect(c.complete("seed 1; tr").candidates == ["train"])
    }
}

@Suite("README")
struct ReadmeTests {
    @Test("the README's command list is the one the table generates (`nnlab help --markdown`)")
    func commandsInSync() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        #expect(text.contains(CommandReference.markdown(CommandTable.all)),
                "README.md's command list is out of date: paste the output of `nnlab help --markdown` between its markers")
    }
}
