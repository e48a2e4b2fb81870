// `tutorial verify` without a person: a line per step and a summary, fast mode as the lesson's
// header says, failures counted, and --record writing the same figures into both languages.

import Foundation
import Testing
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials

@Suite("Tutorial verify")
struct TutorialVerifierTests {
    func verifier(_ t: TestLab, into lines: Box) -> LessonVerifier {
        LessonVerifier(paths: t.lab.paths, makeInterpreter: t.interpreter.over) { lines.items.append($0) }
    }

    final class Box: @unchecked Sendable { var items: [String] = [] }

    @Test("a fast run: one line per step, the lesson's fast checks, a summary last")
    func fastRun() throws {
        let t = TestLab()
        try TinyLessons.install(in: t.root)
        let lines = Box()
        var v = verifier(t, into: lines)
        v.fast = true
        let summary = try v.run("1")
        #expect(summary.succeeded)
        #expect(summary.steps == 3 && summary.checks == 2 && summary.agreed == 2)
        #expect(lines.items.first == "lesson 1: Tiny XOR  tutorials/01-tiny-xor.lesson")
        #expect(lines.items.contains { $0.hasPrefix("  2/3 ok") && $0.contains("(1 refused as expected)") && $0.contains("train_accuracy") })
        #expect(lines.items.last?.hasPrefix("verify (fast, en): 1 lesson, 3 steps, 2 of 2 checks agree") == true)
        #expect(lines.items.last?.hasSuffix(": OK") == true)
        // The fast header capped the run at 3 epochs; a full run trains 60.
        let full = Box()
        #expect(try verifier(t, into: full).run("tiny").succeeded)
        #expect(full.items.contains { $0.contains("run(tiny).train_accuracy") })
    }

    @Test("checks that differ and commands that fail make the verification fail, saying where")
    func failures() throws {
        let t = TestLab()
        try TinyLessons.install(in: t.root)
        let lines = Box()
        let summary = try verifier(t, into: lines).run()
        #expect(!summary.succeeded && summary.lessons == 2)
        #expect(summary.checks - summary.agreed == 2)
        #expect(lines.items.contains { $0.hasPrefix("  1/1 FAIL") })
        #expect(lines.items.contains { $0.contains("✗ cost is") })
        #expect(lines.items.last?.hasSuffix(": FAILED") == true)

        let u = TestLab()
        try TinyLessons.install(in: u.root, broken: TinyLessons.untranslated.replacingOccurrences(of: "model new", with: "model nwe"))
        let more = Box()
        let s = try verifier(u, into: more).run("2")
        #expect(s.failedCommands == 1 && !s.succeeded)
        #expect(more.items.contains { $0.contains("tutorials/02-wrong.lesson line 13: model nwe") })
        #expect(more.items.contains { $0.contains("'model' has no 'nwe'") })
    }

    @Test("--record writes a full run's figures into the lesson and its translation, same numbers")
    func record() throws {
        let t = TestLab()
        try TinyLessons.install(in: t.root)
        let lines = Box()
        var v = verifier(t, into: lines)
        v.record = true
        #expect(try v.run("1").succeeded)
        let folder = t.root.appendingPathComponent("tutorials")
        let en = try LessonParser.parse(String(contentsOf: folder.appendingPathComponent("01-tiny-xor.lesson"), encoding: .utf8),
                                        file: "en", slug: "01-tiny-xor", language: .en)
        let ko = try LessonParser.parse(String(contentsOf: folder.appendingPathComponent("ko/01-tiny-xor.lesson"), encoding: .utf8),
                                        file: "ko", slug: "01-tiny-xor", language: .ko)
        let measured = en.steps[1].measured.map(\.text)
        #expect(measured.count == 1 && measured[0].hasPrefix("tiny: cost ") && measured[0].hasSuffix("(60 epochs)"))
        #expect(ko.steps[1].measured.first?.text.hasPrefix("tiny: 비용 ") == true)
        #expect(LessonStructure.difference(en, ko) == nil)
        #expect(en.steps[0].measured.isEmpty, "a step that trains and evaluates nothing records nothing")
        v.fast = true
        #expect(throws: ShellError.self) { try v.run("1") }
    }
}
