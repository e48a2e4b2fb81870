// The lesson format: parsing steps, commands, `!` lines, expectations and measured lines; errors
// that name the file and line; expectations checked and said with both numbers; measured lines
// rewritten in place by --record.

import Foundation
import Testing
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials

@Suite("Lesson format")
struct TutorialFormatTests {
    static let sample = """
    lesson: 3
    title: A sample
    time: 5 min
    about: Two steps.
    fast: epochs=2 limit=100

    # a comment for authors
    ## First step

    One paragraph
    on two lines.

    Another with `code`.

        seed 1
        ! eval keep_prob=0.7
        train epochs=3; eval

    expect cost < first_cost / 10
    expect(full) run(relu).train_accuracy >= 0.9
    expect(fast) grad(1)<grad(-1)/100
    measured: relu: cost 0.7 -> 0.1

    ## Second step

    Only text.

    """

    func parse(_ text: String) throws(LessonFileError) -> Lesson {
        try LessonParser.parse(text, file: "tutorials/x.lesson", slug: "03-sample", language: .en)
    }

    func error(_ text: String) -> String {
        do { _ = try parse(text); return "" } catch { return error.description }
    }

    @Test("header, steps, paragraphs, commands, expectations and measured lines")
    func parsesEverything() throws {
        let l = try parse(Self.sample)
        #expect(l.number == 3 && l.title == "A sample" && l.time == "5 min" && l.about == "Two steps.")
        #expect(l.fast == FastMode(epochs: 2, limit: 100))
        #expect(l.steps.map(\.title) == ["First step", "Second step"])
        let s = l.steps[0]
        #expect(s.line == 8)
        #expect(s.paragraphs == ["One paragraph on two lines.", "Another with `code`."])
        #expect(s.commands == [LessonCommand(text: "seed 1", line: 15), LessonCommand(text: "eval keep_prob=0.7", line: 16, expectsRefusal: true),
                               LessonCommand(text: "train epochs=3; eval", line: 17)])
        #expect(s.expectations.map(\.scope) == [.always, .full, .fast])
        #expect(s.expectations.map(\.line) == [19, 20, 21])
        #expect(s.expectations.map(\.expectation.description) == ["cost < first_cost / 10", "run(relu).train_accuracy >= 0.9",
                                                                   "grad(1) < grad(-1) / 100"])
        #expect(s.measured == [MeasuredLine(text: "relu: cost 0.7 -> 0.1", line: 22)])
        #expect(s.expectations(fast: true).count == 2 && s.expectations(fast: false).count == 2)
        #expect(l.steps[1].commands.isEmpty && l.steps[1].paragraphs == ["Only text."])
    }

    @Test("mistakes are refused with the file, the line and what to do")
    func errors() {
        #expect(error("title: x\n\n## a\ntext") == "tutorials/x.lesson line 1: the header has no `lesson: N` line")
        #expect(error("lesson: 1\ntitle: x\nspeed: 3\n\n## a\ntext").hasPrefix("tutorials/x.lesson line 3: unknown header key 'speed'"))
        #expect(error("lesson: 1\ntitle: x\nfast: epochs=0\n\n## a\ntext").hasPrefix("tutorials/x.lesson line 3: `fast:` takes"))
        #expect(error("lesson: 1\ntitle: x\n\nstray text\n## a\ntext").hasPrefix("tutorials/x.lesson line 4: text before the first step"))
        #expect(error("lesson: 1\ntitle: x\n\n## a\n    seed 1\nmore text").hasPrefix("tutorials/x.lesson line 6: text after the commands"))
        #expect(error("lesson: 1\ntitle: x\n\n## a\n    seed 1\nexpect cost < 1\n    train").hasPrefix("tutorials/x.lesson line 7: a command after the expectations"))
        #expect(error("lesson: 1\ntitle: x\n\n## a\n    seed 1\nexpect costs < 1").contains("line 6: unknown metric 'costs' (did you mean 'cost'?)"))
        #expect(error("lesson: 1\ntitle: x\n\n## a\n    seed 1\nexpect cost = 1").contains("line 6: '=' is not a comparison"))
        #expect(error("lesson: 1\ntitle: x\n\n## a\n    seed 1\nexpect(slow) cost < 1").contains("line 6: write `expect`"))
        #expect(error("lesson: 1\ntitle: x\n\n## a\n## b\ntext").contains("line 4: step 'a' has neither text nor commands"))
        #expect(error("lesson: 1\ntitle: x\n\n## a\n    !").contains("line 5: `!` must be followed"))
        #expect(error("lesson: 1\ntitle: x\n\n").contains("the lesson has no steps"))
    }

    @Test("expectations: numbers, metrics, scaled metrics, named runs")
    func expectationParsing() throws {
        let a = try Expectation.parse("run(lab10_2).first_cost > run(lab10_3).first_cost * 2")
        #expect(a.metric == MetricReference("first_cost", run: "lab10_2"))
        #expect(a.op == .above)
        #expect(a.value == .metric(MetricReference("first_cost", run: "lab10_3"), factor: 2, shownAs: "* 2"))
        let b = try Expectation.parse("gap>=0.05")
        #expect(b.value == .number(0.05) && b.op == .atLeast)
        #expect(throws: ShellError.self) { try Expectation.parse("grad(0) < 1") }
        #expect(throws: ShellError.self) { try Expectation.parse("cost < cost / 0") }
        #expect(throws: ShellError.self) { try Expectation.parse("cost <") }
        #expect(throws: ShellError.self) { try Expectation.parse("run(a b).cost < 1") }
    }

    @Test("checks agree or differ, with both numbers, in English and Korean")
    func checking() throws {
        let figures: [String: Float] = ["cost": 0.05, "first_cost": 0.7, "grad(1)": 0.000002, "grad(-1)": 0.01]
        let read: (MetricReference) -> Float? = { $0.run == nil ? figures[$0.name] : nil }
        let ok = try Expectation.parse("cost < first_cost / 10").check(read)
        #expect(ok.outcome == .agrees(0.05, 0.07))
        #expect(ok.message(language: .en) == "✓ cost is 0.0500, below first_cost / 10 = 0.0700, as the lesson expects")
        #expect(ok.message(language: .ko) == "✓ cost 0.0500: first_cost / 10 = 0.0700 미만, 레슨이 기대한 대로입니다")
        let grads = try Expectation.parse("grad(1) < grad(-1) / 100").check(read)
        #expect(grads.agrees && grads.message(language: .en).contains("grad(1) is 2.00e-06"))
        let bad = try Expectation.parse("cost >= 0.1").check(read)
        #expect(bad.outcome == .differs(0.05, 0.1))
        #expect(bad.message(language: .en) == "✗ cost is 0.0500, but the lesson expects it at least 0.1: your run differs from the lecture here")
        #expect(bad.message(language: .ko).contains("0.1 이상이어야 하는데 그렇지 않습니다"))
        let missing = try Expectation.parse("run(relu).cost < 1").check(read)
        #expect(missing.outcome == .notMeasured(MetricReference("cost", run: "relu")))
        #expect(missing.message(language: .en).contains("there is no run named 'relu'"))
        #expect(!(try Expectation.parse("eval_accuracy > 0.5").check(read).agrees))
        // NaN never agrees, whichever way the comparison points.
        #expect(!(try Expectation.parse("cost < 1").check { _ in .nan }.agrees))
        #expect(!(try Expectation.parse("cost > 1").check { _ in .nan }.agrees))
    }

    @Test("figures: four decimals, scientific when four decimals would hide them")
    func figures() {
        #expect(figureText(0.69314) == "0.6931")
        #expect(figureText(0.0000123) == "1.23e-05")
        #expect(figureText(0) == "0.0000")
        #expect(figureText(-0.25) == "-0.2500")
    }

    @Test("--record replaces each step's measured lines in place and is idempotent")
    func recordRewrites() throws {
        let l = try parse(Self.sample)
        let once = LessonRecorder.rewrite(Self.sample, lesson: l, measured: [["relu: cost 0.6 -> 0.05", "eval test: accuracy 0.9"], []])
        #expect(once.contains("measured: relu: cost 0.6 -> 0.05\nmeasured: eval test: accuracy 0.9\n\n## Second step"))
        #expect(!once.contains("0.7 -> 0.1"))
        let reparsed = try parse(once)
        #expect(reparsed.steps[0].measured.map(\.text) == ["relu: cost 0.6 -> 0.05", "eval test: accuracy 0.9"])
        #expect(LessonRecorder.rewrite(once, lesson: reparsed, measured: [["relu: cost 0.6 -> 0.05", "eval test: accuracy 0.9"], []]) == once)
        // Without expectations the measured lines follow the commands after a blank line.
        let plain = "lesson: 1\ntitle: t\n\n## a\n\ntext\n\n    seed 1\n\n## b\n\ntext\n"
        let p = try parse(plain)
        let recorded = LessonRecorder.rewrite(plain, lesson: p, measured: [["x 1"], []])
        #expect(recorded == "lesson: 1\ntitle: t\n\n## a\n\ntext\n\n    seed 1\n\nmeasured: x 1\n\n## b\n\ntext\n")
        #expect(LessonRecorder.rewrite(recorded, lesson: try parse(recorded), measured: [["x 1"], []]) == recorded)
    }

    @Test("a lesson and its translation: same structure, or the first difference named")
    func structure() throws {
        let en = try parse(Self.sample)
        var ko = try parse(Self.sample.replacingOccurrences(of: "One paragraph", with: "한 문단"))
        ko.language = .ko
        #expect(LessonStructure.difference(en, ko) == nil)
        var other = ko
        other.steps[0].commands[0].text = "seed 2"
        #expect(LessonStructure.difference(en, other)?.contains("the commands differ") == true)
        other = ko
        other.steps[0].measured[0].text = "relu: 비용 0.7 -> 0.2"
        #expect(LessonStructure.difference(en, other)?.contains("measured figures differ") == true)
        other = ko
        other.steps[0].measured[0].text = "relu: 비용 0.7 -> 0.1"
        #expect(LessonStructure.difference(en, other) == nil)
        #expect(LessonStructure.numbers(in: "lab10_1: cost 2.5e-03 -> 0.0003, train 0.9 (15 epochs)") == ["10", "1", "2.5e-03", "0.0003", "0.9", "15"])
    }
}
