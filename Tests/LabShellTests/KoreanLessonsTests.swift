// The lessons in Korean: the list, a lesson walked through (steps, the learner's own run checked
// against a step whose recipe it does not follow, an exercise checked wrong, hints, the model
// answer, skipping to an end that is not done), the errors of a missing lesson, a broken lesson
// file, an empty lesson folder and `tutorial verify`; none of it may leave English prose.

import Foundation
import Testing
@testable import LabCommands
@testable import LabCore
@testable import LabShell
@testable import LabText
@testable import LabTutorials

@Suite struct KoreanLessonsTests {
    /// The repository's tutorials/ folder (a TestLab's own root has none).
    static let repositoryLessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("tutorials")

    /// A lab in Korean in a fresh temporary folder whose lessons are read from `lessons`.
    final class KoreanLab {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nnlab-ko-\(UUID().uuidString)")
        let console = CapturingConsole()
        let lab: Lab
        let interpreter: Interpreter

        init(lessons: URL? = nil) {
            try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            var paths = LabPaths(root: root)
            if let lessons { paths.tutorials = lessons }
            lab = Lab(console: console, paths: paths)
            interpreter = everyCommand(lab)
            interpreter.run("set lang ko")
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        /// Runs `lines` (failures included).
        func run(_ lines: String...) { for line in lines { _ = interpreter.run(line) } }
        /// Enter on an empty line.
        func enter() { interpreter.shell.emptyLineAction?() }

        /// Everything written and warned so far.
        var output: String { console.text + "\n" + console.warnings.joined(separator: "\n") }
    }

    static func expectNoEnglish(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let left = EnglishLeft.lines(in: text)
        #expect(left.isEmpty, "English left in Korean output:\n\(left.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    @Test func lessonOneInKorean() {
        let t = KoreanLab(lessons: Self.repositoryLessons)
        t.run("tutorial", "tutorial start 1")
        t.enter()                                   // step 1 builds the ten sigmoid layers
        t.enter()                                   // on to step 2
        // The learner's own run instead of the step's: a layer fewer and another optimizer.
        t.run("layer remove 1", "optimizer adam lr=0.01", "train epochs=10 batch=4", "check", "where")
        t.run("next", "next")                       // checked first, then moved on as it is
        t.run("next", "next")                       // step 3 skipped, step 4 read
        // The exercise, answered wrong: nine layers, a few epochs.
        t.run("check", "hint", "hint", "hint", "hint", "solution", "next", "next")
        t.run("next", "next", "next", "next", "next", "next", "next")
        t.run("tutorial", "tutorial stop", "back", "hint", "solution", "check")
        let out = t.output
        Self.expectNoEnglish(out)
        #expect(out.contains("레슨 1 · "))
        #expect(out.contains("여러분의 옵티마이저는 adam인데, 이 단계는 sgd를 가정합니다"))
        #expect(out.contains("여러분의 모델에는 가중치가 있는 층이 9개인데, 이 단계는 10개를 가정합니다"))
        #expect(out.contains("그래서 아래 확인은 강의의 실행이 아니라 여러분의 변형으로 판단합니다."))
        #expect(out.contains("여러분 차례입니다. 명령은 직접 찾아서 입력하세요. 지켜야 할 것:"))
        #expect(out.contains("가중치가 있는 층 10개 (층을 빼거나 더하지 않기)"))
        #expect(out.contains("✗ 여러분의 모델에는 가중치가 있는 층이 9개 있습니다. 이 연습은 10개를 그대로 둡니다 (`model show`로 확인하세요)"))
        #expect(out.contains("✓ 같은 데이터(xor)입니다"))
        #expect(out.contains("힌트 1/3: ") && out.contains("힌트는 여기까지입니다. `solution`이 모범 답안을 보여 줍니다."))
        #expect(out.contains("모범 답안:") && out.contains("빈 줄에서 Enter를 누르면 이 명령 15개가 실행되고 채점됩니다."))
        #expect(out.contains("아직 풀리지 않았습니다."))
        #expect(out.contains("레슨 1의 끝에 왔지만 아직 마치지는 않았습니다."))
        #expect(out.contains("이대로 레슨을 닫습니다 (마친 것으로 기록되지는 않습니다)."))
        #expect(out.contains("진행 중인 레슨이 없습니다"))
    }

    @Test func missingLessonsInKorean() {
        let t = KoreanLab(lessons: Self.repositoryLessons)
        t.run("tutorial start 99", "tutorial start i", "tutorial verify 99", "next", "check", "hint")
        Self.expectNoEnglish(t.output)
        #expect(t.output.contains("'99' 레슨은 없습니다"))
        #expect(t.output.contains("레슨 목록: 1 vanishing-gradients"))
        #expect(t.output.contains("'i'에 해당하는 레슨이 여러 개입니다"))

        let empty = KoreanLab()
        empty.run("tutorial", "tutorial start 1", "tutorial verify")
        Self.expectNoEnglish(empty.output)
        #expect(empty.output.contains("에 레슨이 없습니다 (`make install`로 nnlab을 설치하거나, NNLAB_HOME을 tutorials/ 폴더가 있는 곳으로 설정하세요)"))
    }

    /// A lesson folder of one broken lesson, and one whose translation does not match.
    static func brokenLessons(in root: URL) throws -> URL {
        let folder = root.appendingPathComponent("lessons")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("ko"), withIntermediateDirectories: true)
        try "lesson: 1\ntitle: x\n\n## a\n    seed 1\nexpect costt < 1\n"
            .write(to: folder.appendingPathComponent("01-broken.lesson"), atomically: true, encoding: .utf8)
        try "lesson: 2\ntitle: y\n\n## a\n\ntext\n\n    seed 1\n"
            .write(to: folder.appendingPathComponent("02-mismatched.lesson"), atomically: true, encoding: .utf8)
        try "lesson: 2\ntitle: 와이\n\n## 가\n\n글\n\n    seed 2\n"
            .write(to: folder.appendingPathComponent("ko/02-mismatched.lesson"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func brokenLessonFilesInKorean() throws {
        let scratch = KoreanLab()
        let t = KoreanLab(lessons: try Self.brokenLessons(in: scratch.root))
        t.run("tutorial", "tutorial start 1", "tutorial start 2", "tutorial verify")
        Self.expectNoEnglish(t.output)
        #expect(t.output.contains("01-broken.lesson 6번째 줄: 'costt' 지표는 없습니다"))
        #expect(t.output.contains("1단계(4번째 줄 / 4번째 줄): 명령이 다릅니다"))
        #expect(t.output.contains("적힌 대로 실행되지 않은 레슨이 있습니다"))
        for (text, error) in [("lesson: 1\ntitle: x\nspeed: 3\n\n## a\ntext", "머리말에 쓸 수 없는 키"),
                              ("lesson: 1\ntitle: x\nfast: epochs=0\n\n## a\ntext", "`fast:`에는"),
                              ("lesson: 1\ntitle: x\n\n## a\n\nt\n\nkeep: colour red\nsolution:\n    seed 1\nexpect cost < 1\n", "규칙은 없습니다"),
                              ("lesson: 1\ntitle: x\n\n## a\n    seed 1\nexpect cost < grad(1) / 0\n", "0이 아닌 숫자")] {
            let message = Language.$current.withValue(.ko) { () -> String in
                do { _ = try LessonParser.parse(text, file: "x.lesson", slug: "x", language: .ko); return "" } catch { return "\(error)" }
            }
            #expect(message.contains(error), "\(message)")
            Self.expectNoEnglish(message)
        }
    }

    /// A lesson whose second step's expectation fails, in English and Korean.
    static let failing = (en: "lesson: 1\ntitle: Tiny\n\n## Build\n\nA net.\n\n    seed 1\n    data load xor\n    model new\n"
                              + "    layer add dense 1 sigmoid\n    ! eval keep_prob=0.7\n\n## Train\n\nTrain.\n\n    train epochs=5 batch=4\n\n"
                              + "expect cost < 0\nexpect run(nothing).cost < 1\n",
                          ko: "lesson: 1\ntitle: 작은 망\n\n## 만들기\n\n망을 만듭니다.\n\n    seed 1\n    data load xor\n    model new\n"
                              + "    layer add dense 1 sigmoid\n    ! eval keep_prob=0.7\n\n## 학습\n\n학습합니다.\n\n    train epochs=5 batch=4\n\n"
                              + "expect cost < 0\nexpect run(nothing).cost < 1\n")

    @Test func verifyReportsInKorean() throws {
        let scratch = KoreanLab()
        let folder = scratch.root.appendingPathComponent("lessons")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("ko"), withIntermediateDirectories: true)
        try Self.failing.en.write(to: folder.appendingPathComponent("01-tiny.lesson"), atomically: true, encoding: .utf8)
        try Self.failing.ko.write(to: folder.appendingPathComponent("ko/01-tiny.lesson"), atomically: true, encoding: .utf8)
        var paths = LabPaths(root: scratch.root)
        paths.tutorials = folder
        var lines: [String] = []
        var verifier = LessonVerifier(paths: paths, makeInterpreter: everyCommand) { lines.append($0) }
        verifier.language = .ko
        let summary = try verifier.run()
        #expect(!summary.succeeded)
        let report = lines.joined(separator: "\n")
        Self.expectNoEnglish(report)
        #expect(report.contains("레슨 1: 작은 망"))
        #expect(report.contains("✗ cost ") && report.contains("0 미만이어야 하는데 그렇지 않습니다"))
        #expect(report.contains("'nothing' 실행이 없어서 cost 값을 알 수 없습니다"))
        #expect(report.contains("(예상대로 거절 1개)"))
        #expect(lines.last?.hasPrefix("verify (전체, ko): 레슨 1개, 단계 2개, 확인 2개 중 0개 일치") == true)

        verifier.record = true
        verifier.fast = true
        #expect(throws: ShellError(LessonMessage.verifyRecordNotFast.korean, hint: LessonMessage.verifyRecordNotFastHint.korean)) {
            try verifier.run()
        }
    }

    @Test func theTableOfLessonsInKorean() {
        let t = KoreanLab(lessons: Self.repositoryLessons)
        t.run("tutorial start 2", "tutorial stop", "tutorial")
        Self.expectNoEnglish(t.output)
        #expect(t.output.contains("레슨 2: 7단계 중 1단계에서 멈췄습니다. `tutorial start 2`로 이어서 할 수 있습니다."))
        #expect(t.output.contains("7단계 중 1"))
    }
}
