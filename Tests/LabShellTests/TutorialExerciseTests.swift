// "Your turn" steps and checks that know the recipe: an exercise graded against the learner's
// own run (which part failed and why), hints one at a time, the model answer shown then run,
// progress recording solved and revealed, `next` that checks before it skips, a step judged as
// the learner's own variant when their model differs, and an end that is not called "done"
// while steps are open.

import Foundation
import Testing
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials

enum ExerciseLessons {
    static let english = """
    lesson: 1
    title: Deep XOR
    time: 3 min
    about: Make a four-layer net learn XOR.
    fast: epochs=400

    ## Build

    Four sigmoid layers.

        seed 1
        data load xor
        model new
        layer add dense 4 sigmoid
        layer add dense 4 sigmoid
        layer add dense 4 sigmoid
        layer add dense 1 sigmoid
        optimizer sgd lr=0.1

    ## Train

        train epochs=400 batch=4 as sigmoid

    expect cost > 0.6

    ## Your turn: make it learn

    Keep four layers and the data; change anything else.

    keep: layers 4
    keep: data xor
    hint: Which activation keeps the slope at 1?
    hint: Use relu in the hidden layers and adam.
    solution:
        seed 1
        model new
        layer add dense 4 tanh
        layer add dense 4 tanh
        layer add dense 4 tanh
        layer add dense 1 sigmoid
        optimizer adam lr=0.05
        train epochs=400 batch=4 as mine

    expect train_accuracy >= 1

    ## Read

    The end.

    """

    static func install(in root: URL) throws {
        let folder = root.appendingPathComponent("tutorials")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try english.write(to: folder.appendingPathComponent("01-deep-xor.lesson"), atomically: true, encoding: .utf8)
    }
}

@Suite("Tutorial exercises")
struct TutorialExerciseTests {
    func lab() throws -> TestLab {
        let t = TestLab()
        try ExerciseLessons.install(in: t.root)
        return t
    }

    func enter(_ t: TestLab) { t.interpreter.shell.emptyLineAction?() }

    @Test("the parser reads keep, hint and solution lines, and refuses an exercise without a solution")
    func parsing() throws {
        let lesson = try LessonParser.parse(ExerciseLessons.english, file: "x", slug: "x", language: .en)
        let e = try #require(lesson.steps[2].exercise)
        #expect(e.constraints == [.layers(4), .data("xor")])
        #expect(e.hints.count == 2 && e.solution.count == 8 && lesson.steps[2].commands.isEmpty)
        let noSolution = "lesson: 1\ntitle: t\n\n## Your turn\n\nText.\n\nkeep: layers 2\nexpect cost < 1\n"
        #expect(throws: LessonFileError.self) { try LessonParser.parse(noSolution, file: "x", slug: "x", language: .en) }
        let badKeep = "lesson: 1\ntitle: t\n\n## Your turn\n\nText.\n\nkeep: colour red\nsolution:\n    seed 1\nexpect cost < 1\n"
        #expect(throws: LessonFileError.self) { try LessonParser.parse(badKeep, file: "x", slug: "x", language: .en) }
    }

    @Test("an exercise says which part failed, gives hints one at a time, and is solved by the learner's own run")
    func solving() throws {
        let t = try lab()
        #expect(t.run("tutorial start 1"))
        enter(t); enter(t)          // build
        enter(t); t.run("next")     // train, then on to the exercise
        #expect(t.output.contains("Your turn") && t.output.contains("4 layers with weights"))

        // Enter with the sigmoid run still the latest: graded, and it fails on the expectation.
        t.console.reset()
        enter(t)
        #expect(t.output.contains("✓ still 4 layers with weights") && t.output.contains("✗ train_accuracy"))

        // A wrong attempt: a layer removed. The constraint names it.
        #expect(t.run("layer remove 3", "train epochs=400 batch=4"))
        t.console.reset()
        #expect(t.run("check"))
        #expect(t.output.contains("✗ your model has 3 layers with weights; this exercise keeps 4"))

        // Hints, one at a time, then no more.
        t.console.reset()
        #expect(t.run("hint"))
        #expect(t.output.contains("Hint 1 of 2") && !t.output.contains("Hint 2 of 2"))
        t.console.reset()
        #expect(t.run("hint"))
        #expect(t.output.contains("Hint 2 of 2") && t.output.contains("last hint"))

        // A model changed after the latest run is not graded as if it had trained.
        #expect(t.run("seed 1", "model new", "layer add dense 4 tanh", "layer add dense 4 tanh", "layer add dense 4 tanh", "layer add dense 1 sigmoid"))
        t.console.reset()
        #expect(t.run("check"))
        #expect(t.output.contains("the model changed after your latest run"))

        #expect(t.run("optimizer adam lr=0.05", "train epochs=400 batch=4 as own"))
        t.console.reset()
        #expect(t.run("check"))
        #expect(t.output.contains("✓ Solved, with your own recipe."))
        let state = TutorialProgress.load(from: t.lab.paths.progressFile).progress.lessons["01-deep-xor"]
        #expect(state?.solved == [2] && state?.revealed == [])
        enter(t)
        #expect(t.output.contains("Step 4 of 4 · Read"))
    }

    @Test("solution shows the answer, Enter runs it, and progress records that it was revealed")
    func solution() throws {
        let t = try lab()
        #expect(t.run("tutorial start 1"))
        enter(t); enter(t); enter(t); t.run("next")
        t.console.reset()
        #expect(t.run("solution"))
        #expect(t.output.contains("A model answer:") && t.output.contains("    layer add dense 4 tanh"))
        #expect(TutorialProgress.load(from: t.lab.paths.progressFile).progress.lessons["01-deep-xor"]?.revealed == [2])
        t.console.reset()
        enter(t)
        #expect(t.lab.results.runs.last?.name == "mine")
        #expect(t.output.contains("✓ train_accuracy") && t.output.contains("The model answer ran"))
    }

    @Test("next on an unsolved exercise checks first, then skips; the end is not called done")
    func skipping() throws {
        let t = try lab()
        #expect(t.run("tutorial start 1"))
        enter(t); enter(t); enter(t); t.run("next")
        t.console.reset()
        #expect(t.run("next"))
        #expect(t.output.contains("Not solved yet") && t.output.contains("`next` once more skips"))
        #expect(t.run("next"))
        #expect(t.output.contains("Step 4 of 4 · Read"))
        t.console.reset()
        enter(t)
        let said = t.output.replacingOccurrences(of: "\n", with: " ")
        #expect(said.contains("not done yet") && said.contains("step 3 did not pass its checks") && !said.contains("is done"), "\(t.output)")
        enter(t)
        #expect(t.interpreter.shell.tutorial?.isActive == false)
        #expect(TutorialProgress.load(from: t.lab.paths.progressFile).progress.lessons["01-deep-xor"]?.finished == false)
    }

    @Test("a step run on the learner's own model says where it differs, and judges their own variant")
    func ownVariant() throws {
        let t = try lab()
        #expect(t.run("tutorial start 1"))
        enter(t); enter(t)
        // The learner rebuilds with relu before running the training step.
        #expect(t.run("model new", "layer add dense 4 relu", "layer add dense 4 relu", "layer add dense 4 relu", "layer add dense 1 sigmoid"))
        t.console.reset()
        enter(t)
        #expect(t.output.contains("your hidden layers are relu; this step assumes sigmoid (step 1 builds it: `back` returns there"))
        #expect(t.output.contains("your own variant: cost is"))
        // Whether or not the variant agreed, one more Enter goes on to the next step.
        t.console.reset()
        enter(t)
        #expect(t.output.contains("Your turn"))
    }

    @Test("own commands followed by next are checked, not skipped")
    func nextChecksOwnRun() throws {
        let t = try lab()
        #expect(t.run("tutorial start 1"))
        enter(t); enter(t)
        #expect(t.run("train epochs=400 batch=4 as sigmoid"))
        t.console.reset()
        #expect(t.run("next"))
        #expect(t.output.contains("your run is checked against this step") && t.output.contains("✓ cost is"))
        #expect(t.output.contains("Your turn"))
    }
}

@Suite("Exercises in the real lessons")
struct LessonExerciseInventoryTests {
    let library = LessonLibrary(folder: TutorialLessonFilesTests.folder)

    @Test("every lesson has an exercise with hints and a solution, in English and in Korean, and its solution commands parse")
    func everyLessonHasOne() throws {
        for entry in library.entries() {
            for language in Language.allCases {
                let lesson = try library.load(entry, language: language).lesson
                let exercises = lesson.steps.compactMap(\.exercise)
                #expect(!exercises.isEmpty, "\(entry.slug) (\(language)) has no exercise")
                for e in exercises {
                    #expect(!e.hints.isEmpty && !e.solution.isEmpty && !e.constraints.isEmpty, "\(entry.slug)")
                    for c in e.solution {
                        let words = try #require(try? splitCommands(c.text).first)
                        #expect(CommandTable.find(Array(words.prefix(1))) != nil, "\(entry.slug): \(c.text)")
                    }
                }
            }
        }
    }

    @Test("the course table reads the reference figure from the lesson's own measured lines")
    func courseTable() throws {
        let lesson = try library.english(try library.find("7"))
        #expect(LessonCourseTable.referenceFigure("lab10_3", in: lesson) == 0.9805)
        #expect(LessonCourseTable.referenceFigure("lab10_5", in: lesson) == 0.9795)
        #expect(LessonCourseTable.referenceFigure("nosuchrun", in: lesson) == nil)
        let last = try #require(lesson.steps.last)
        #expect(last.course.map(\.run) == ["lab10_1", "lab10_2", "lab10_3", "lab10_4", "lab10_5"])
        // One set of lecture-10 figures: the lesson's table and `runs course` agree on every one.
        #expect(last.course.map(\.value) == CourseTable.labs.map(\.course))
        #expect(last.course.map { LessonCourseTable.referenceFigure($0.run, in: lesson) } == CourseTable.labs.map { Float($0.reference) })
    }

    @Test("the lesson's table and `runs course` are one table: same columns, same difference")
    func oneCourseTable() throws {
        let lesson = try library.english(try library.find("7"))
        let last = try #require(lesson.steps.last)
        let figures = ["lab10_3": Float(0.9812)]
        let table = try #require(LessonCourseTable.render(last, of: lesson, metrics: { figures[$0.run ?? ""] }, language: .en, style: .plain))
        #expect(table.contains("lab") && table.contains("course") && table.contains("reference") && table.contains("yours"))
        #expect(table.contains("0.9783") && table.contains("0.9805") && table.contains("0.9812") && table.contains("+0.07 pt"))
        let ko = try #require(LessonCourseTable.render(last, of: lesson, metrics: { figures[$0.run ?? ""] }, language: .ko, style: .plain))
        #expect(ko.contains("기준 컴퓨터") && ko.contains("여러분") && ko.contains("+0.07 pt"))
    }

    @Test("the recipe a lesson assumes is read from its commands: layers, optimizer, data, and where it was built")
    func assumedRecipe() throws {
        let lesson = try LessonParser.parse(ExerciseLessons.english, file: "x", slug: "x", language: .en)
        let r = LessonRecipe.assumed(by: lesson, through: 1)
        #expect(r.layers == ["dense 4 sigmoid", "dense 4 sigmoid", "dense 4 sigmoid", "dense 1 sigmoid"])
        #expect(r.optimizer == .sgd && r.data == "xor" && r.builtAt == 0)
        // Through the exercise, its model answer counts: tanh and adam.
        let after = LessonRecipe.assumed(by: lesson, through: 2)
        #expect(after.layers?.first == "dense 4 tanh" && after.optimizer == .adam && after.builtAt == 2)
        #expect(LessonRecipe.hidden(after.layers ?? []) == ["tanh", "tanh", "tanh"])
    }
}
