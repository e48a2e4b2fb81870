// The tutorial runner with small lessons written by the tests: steps shown and run with Enter,
// the learner's own commands in between, back/again/where, `!` lines, expectations that agree
// and differ, progress remembered by a new lab, Korean and the fallback to English.

import Foundation
import Testing
import LineEditing
import TermCharts
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials
import LabKit

/// Lesson files in a TestLab's project folder.
enum TinyLessons {
    static let english = """
    lesson: 1
    title: Tiny XOR
    time: 2 min
    about: A small net learns XOR.
    fast: epochs=3

    ## Build

    Load `xor` and build a small net.

        seed 1
        data load xor
        model new
        layer add dense 8 tanh
        layer add dense 1 sigmoid
        optimizer adam lr=0.05

    ## Train

    Train it, and try to evaluate with dropout.

        train epochs=60 batch=4 as tiny
        ! eval keep_prob=0.7

    expect cost < first_cost
    expect(full) run(tiny).train_accuracy >= 0.5
    expect(fast) train_accuracy < 2
    measured: tiny: cost 0.7 -> 0.2

    ## Read

    Only text in this step.

    """

    static let korean = """
    lesson: 1
    title: 작은 XOR
    time: 2 min
    about: 작은 망이 XOR을 배웁니다.
    fast: epochs=3

    ## 만들기

    `xor`을 불러와 작은 망을 만듭니다.

        seed 1
        data load xor
        model new
        layer add dense 8 tanh
        layer add dense 1 sigmoid
        optimizer adam lr=0.05

    ## 학습

    학습하고, 드롭아웃으로 평가해 봅니다.

        train epochs=60 batch=4 as tiny
        ! eval keep_prob=0.7

    expect cost < first_cost
    expect(full) run(tiny).train_accuracy >= 0.5
    expect(fast) train_accuracy < 2
    measured: tiny: 비용 0.7 -> 0.2

    ## 읽기

    이 단계에는 글만 있습니다.

    """

    static let untranslated = """
    lesson: 2
    title: Wrong on purpose
    time: 1 min
    about: Its checks fail.
    fast: epochs=2

    ## Train

    This lesson expects the impossible.

        seed 1
        data load xor
        model new
        layer add dense 1 sigmoid
        train epochs=5 batch=4

    expect cost < 0
    expect eval_accuracy > 0.5

    """

    /// Writes the lessons into `root`/tutorials.
    static func install(in root: URL, broken: String? = nil) throws {
        let folder = root.appendingPathComponent("tutorials")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("ko"), withIntermediateDirectories: true)
        try english.write(to: folder.appendingPathComponent("01-tiny-xor.lesson"), atomically: true, encoding: .utf8)
        try korean.write(to: folder.appendingPathComponent("ko/01-tiny-xor.lesson"), atomically: true, encoding: .utf8)
        try (broken ?? untranslated).write(to: folder.appendingPathComponent("02-wrong.lesson"), atomically: true, encoding: .utf8)
    }
}

@Suite("Tutorial runner")
struct TutorialRunnerTests {
    func lab() throws -> TestLab {
        let t = TestLab()
        try TinyLessons.install(in: t.root)
        return t
    }

    /// Enter on an empty line, as the REPL does.
    func enter(_ t: TestLab) {
        t.interpreter.shell.emptyLineAction?()
    }

    @Test("the list shows number, title, time, steps and progress")
    func list() throws {
        let t = try lab()
        #expect(t.run("tutorial"))
        #expect(t.output.contains("1  Tiny XOR"))
        #expect(t.output.contains("2 min"))
        #expect(t.output.contains("2  Wrong on purpose"))
        t.run("tutorial start 1")
        t.console.reset()
        t.run("tutorial")
        #expect(t.output.contains("step 1 of 3 (running)"))
    }

    @Test("a step is shown, Enter runs it, the learner's own commands do not disturb it")
    func enterRunsSteps() throws {
        let t = try lab()
        #expect(t.run("tutorial start 1"))
        #expect(t.output.contains("Lesson 1 · Tiny XOR"))
        #expect(t.output.contains("Step 1 of 3 · Build"))
        #expect(t.output.contains("    data load xor"))
        #expect(t.output.contains("Enter runs these 6 commands"))
        #expect(t.interpreter.shell.promptPrefix == "[1: 1/3]" && t.interpreter.shell.prompt == "nnlab [1: 1/3]> ")
        #expect(t.lab.data == nil)

        t.console.reset()
        enter(t)
        #expect(t.lab.data != nil && t.lab.model.layers.count == 2)
        #expect(t.output.contains("nnlab [1: 1/3]> layer add dense 8 tanh"))
        #expect(t.output.contains("Enter (or `next`): step 2 of 3 · Train"))

        // The learner's own commands between steps.
        #expect(t.run("data info", "layer add dense 1 sigmoid as extra"))
        #expect(t.failure("layer add dense 0 relu").contains("error"))
        #expect(t.run("layer remove extra"))

        t.console.reset()
        enter(t)
        #expect(t.output.contains("Step 2 of 3 · Train"))
        #expect(t.interpreter.shell.promptPrefix == "[1: 2/3]")
        #expect(t.lab.results.runs.isEmpty)

        t.console.reset()
        enter(t)
        #expect(t.lab.results.runs.map(\.name) == ["tiny"])
        #expect(t.output.contains("✓ refused, as it should be"))
        #expect(t.console.warnings.last?.contains("eval keeps every unit") == true)
        #expect(t.output.contains("✓ cost is "))
        #expect(t.output.contains("✓ run(tiny).train_accuracy is "))
        #expect(!t.output.contains("train_accuracy < 2"), "a fast-only check must not apply to a learner's run")
        #expect(t.output.contains("Measured in a full run on the reference machine:\n  tiny: cost 0.7 -> 0.2"))

        t.console.reset()
        enter(t)
        #expect(t.output.contains("Step 3 of 3 · Read") && t.output.contains("Enter goes on to the next step."))
        t.console.reset()
        enter(t)
        #expect(t.output.contains("Lesson 1 is done. Your runs agreed with the lecture on 2 of 2 checks."))
        #expect(t.output.contains("`tutorial start 2` begins the next one"))
        #expect(t.interpreter.shell.lessonRunner?.isActive == false && t.interpreter.shell.promptPrefix == nil && t.interpreter.shell.emptyLineAction == nil)
        let progress = TutorialProgress.load(from: t.lab.paths.progressFile).progress
        #expect(progress.lessons["01-tiny-xor"]?.finished == true)
        #expect(progress.lessons["01-tiny-xor"]?.stepsRun == [0, 1])
        #expect(progress.current == nil)
    }

    @Test("next, back, again and where; moves without a lesson are refused with a hint")
    func moves() throws {
        let t = try lab()
        #expect(t.failure("next").contains("no lesson is running"))
        #expect(t.failure("where").contains("`tutorial start 1`"))
        t.run("tutorial start 1")
        enter(t)
        t.run("next")
        t.console.reset()
        #expect(t.run("where"))
        #expect(t.output.contains("step 2 of 3, Train. Enter runs its commands."))
        #expect(t.output.contains("  ✓ 1. Build") && t.output.contains("  ▸ 2. Train") && t.output.contains("    3. Read"))

        // `next` on a step that has not run says so, and `back` returns to it.
        t.console.reset()
        t.run("next")
        #expect(t.output.contains("step 2's commands did not run"))
        #expect(t.interpreter.shell.promptPrefix == "[1: 3/3]")
        t.run("back")
        #expect(t.interpreter.shell.promptPrefix == "[1: 2/3]")
        t.run("again")
        #expect(t.lab.results.runs.count == 1)
        t.run("again")
        #expect(t.lab.results.runs.count == 1, "the run of the same name is replaced")
        #expect(t.lab.results.runs[0].result.epochs.count == 60)
        t.run("back", "back")
        #expect(t.output.contains("This is already the first step."))
        #expect(t.run("tutorial where", "tutorial next"))
        #expect(t.interpreter.shell.promptPrefix == "[1: 2/3]")
        t.run("tutorial stop")
        #expect(t.output.contains("Lesson 1 paused at step 2 of 3; `tutorial start 1` picks it up again."))
        #expect(t.interpreter.shell.lessonRunner?.isActive == false && t.interpreter.shell.promptPrefix == nil)
        #expect(t.failure("again").contains("no lesson is running"))
        // Picked up again in the same session: the data and models are here, so no catching up.
        t.console.reset()
        t.run("tutorial start 1")
        #expect(t.interpreter.shell.promptPrefix == "[1: 2/3]" && t.interpreter.shell.lessonRunner?.catchUp == [])
        #expect(t.output.contains("Lesson 1 · Tiny XOR") && !t.output.contains("Welcome back"))
    }

    @Test("progress is remembered by a new lab, which first catches up on the earlier steps")
    func progressAcrossLabs() throws {
        let t = try lab()
        t.run("tutorial start 1")
        enter(t)
        enter(t)
        #expect(t.interpreter.shell.promptPrefix == "[1: 2/3]")

        // A new session in the same project folder.
        let console = CapturingConsole()
        let again = Lab(console: console, paths: t.lab.paths)
        let interpreter = Interpreter(lab: again, commands: CommandTable.all)
        interpreter.run("tutorial")
        #expect(console.text.contains("step 2 of 3"))
        interpreter.run("tutorial start tiny")
        #expect(interpreter.shell.promptPrefix == "[1: 2/3]")
        #expect(console.text.replacingOccurrences(of: "\n", with: " ")
            .contains("Welcome back. This session does not have the data and models that step 1 made, so Enter first runs its commands again"))
        #expect(again.data == nil)
        interpreter.shell.emptyLineAction?()
        #expect(console.text.contains("── running step 1 again ──"))
        #expect(again.data != nil && again.results.runs.map(\.name) == ["tiny"])
        #expect(console.text.contains("✓ cost is "))

        // `restart` begins at the first step.
        interpreter.run("tutorial start 1 restart")
        #expect(interpreter.shell.promptPrefix == "[1: 1/3]")
    }

    @Test("an unreadable progress file is no progress, not a crash")
    func brokenProgress() throws {
        let t = try lab()
        try FileManager.default.createDirectory(at: t.lab.paths.state, withIntermediateDirectories: true)
        try "{ not json".write(to: t.lab.paths.progressFile, atomically: true, encoding: .utf8)
        #expect(t.run("tutorial", "tutorial start 1"))
        #expect(t.interpreter.shell.promptPrefix == "[1: 1/3]")
        #expect(TutorialProgress.load(from: t.lab.paths.progressFile).progress.current == "01-tiny-xor")
    }

    @Test("checks that differ say so with both numbers; `!` lines that run are failures")
    func differing() throws {
        let t = try lab()
        t.run("tutorial start 2")
        enter(t)
        #expect(t.output.contains("✗ cost is "))
        #expect(t.output.contains("but the lesson expects it below 0: your run differs from the lecture here"))
        #expect(t.output.contains("✗ eval_accuracy > 0.5: eval_accuracy has not been measured"))

        let u = TestLab()
        try TinyLessons.install(in: u.root, broken: TinyLessons.untranslated.replacingOccurrences(of: "    train epochs=5 batch=4", with: "    ! train epochs=5 batch=4"))
        u.run("tutorial start 2")
        enter(u)
        #expect(u.output.contains("✗ this command should have been refused, but it ran"))
    }

    @Test("set lang ko shows the lesson in Korean; a lesson without a translation says so in Korean")
    func korean() throws {
        let t = try lab()
        t.run("tutorial start 1")
        enter(t)
        t.console.reset()
        t.run("set lang ko")
        enter(t)
        #expect(t.output.contains("2/3단계 · 학습"))
        #expect(t.output.contains("학습하고, 드롭아웃으로 평가해 봅니다."))
        #expect(t.output.contains("Enter를 누르면 위의 명령 2개가 실행됩니다"))
        t.console.reset()
        enter(t)
        #expect(t.output.contains("✓ 예상대로 거절되었습니다"))
        #expect(t.output.contains("레슨이 기대한 대로입니다"))
        #expect(t.output.contains("tiny: 비용 0.7 -> 0.2"))
        t.console.reset()
        t.run("tutorial")
        #expect(t.output.contains("작은 XOR") && t.output.contains("Wrong on purpose"))
        t.console.reset()
        t.run("tutorial start 2")
        #expect(t.output.contains("이 레슨은 아직 한국어로 옮겨지지 않아 영어로 보여 드립니다."))
        #expect(t.output.contains("레슨 2 · Wrong on purpose") && t.output.contains("This lesson expects the impossible."))
    }

    @Test("a lesson file with a mistake is refused with its file and line")
    func brokenLesson() throws {
        let t = TestLab()
        try TinyLessons.install(in: t.root, broken: "lesson: 2\ntitle: Broken\n\n## a\n    seed 1\nexpect costt < 1\n")
        #expect(t.failure("tutorial start 2").contains("tutorials/02-wrong.lesson line 6: unknown metric 'costt'"))
        #expect(t.failure("tutorial start 9").contains("no lesson '9'"))
        #expect(t.run("tutorial start xor"))
    }

    @Test("on a terminal headings are bold and commands coloured; piped text is plain and keeps backquotes")
    func highlighting() throws {
        let lesson = try LessonParser.parse(TinyLessons.english, file: "x", slug: "01-tiny-xor", language: .en)
        let plain = LessonView.step(lesson, index: 0, language: .en, style: .plain).joined(separator: "\n")
        #expect(!plain.containsANSI && plain.contains("Load `xor` and build"))
        let colour = LessonView.step(lesson, index: 0, language: .en, style: Style(colors: .basic16, width: 40)).joined(separator: "\n")
        #expect(colour.containsANSI && !colour.contains("`xor`"))
        #expect(colour.strippingANSI().contains("Load xor and build a small net."))
        // Wrapped to the terminal's width (40 columns here).
        let long = LessonView.wrap(String(repeating: "word ", count: 40), style: Style(colors: .none, width: 40))
        #expect(long.count > 3 && long.allSatisfy { $0.count <= 40 })
    }

    @Test("through the REPL loop: an empty line runs the step, and the prompt shows the lesson and step")
    func throughTheShell() throws {
        let t = TestLab(interactive: true)
        try TinyLessons.install(in: t.root)
        let editor = ScriptedEditor(["tutorial start 1", "", "data info", "", "", "where", "quit"])
        _ = Shell(interpreter: t.interpreter, editor: editor).run()
        // Enter runs step 1 (still step 1), the learner's own command, Enter shows step 2, Enter runs it.
        #expect(editor.prompts == ["nnlab> ", "nnlab [1: 1/3]> ", "nnlab [1: 1/3]> ", "nnlab [1: 1/3]> ", "nnlab [1: 2/3]> ",
                                   "nnlab [1: 2/3]> ", "nnlab [1: 2/3]> "])
        #expect(t.lab.results.runs.map(\.name) == ["tiny"])
        #expect(t.output.contains("step 2 of 3, Train. Its commands have run; Enter goes on."))
        #expect(!t.interpreter.shell.typedHistory.contains(""), "empty lines are not history")
    }
}

/// A line editor that hands the shell a fixed list of lines and remembers the prompts it showed.
final class ScriptedEditor: LineEditor {
    private var lines: [String]
    private(set) var prompts: [String] = []
    var completer: (any LineCompleter)?
    private(set) var history: [String] = []

    init(_ lines: [String]) { self.lines = lines }

    func readLine(prompt: String) -> LineRead {
        prompts.append(prompt)
        return lines.isEmpty ? .endOfInput : .line(lines.removeFirst())
    }

    func addHistory(_ line: String) { history.append(line) }
    func loadHistory(from url: URL) throws(HistoryFileError) {}
    func saveHistory(to url: URL) throws(HistoryFileError) {}
}
