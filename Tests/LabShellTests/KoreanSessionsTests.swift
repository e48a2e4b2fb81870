// With `set lang ko` saving, loading, listing, replaying and recovering sessions speak Korean: every
// line a learner reads (output, errors, hints, warnings) is searched for English prose (EnglishLeft),
// and a few key sentences are checked word for word. The files written stay in their own format.

import Foundation
import Testing
import LabKit
import NNCore
import NNFormats
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText

@Suite struct KoreanSessionsTests {
    /// A lab in `project` that speaks Korean.
    static func korean(_ project: SessionProject, interactive: Bool = false, answers: [String] = []) -> SessionLab {
        let t = project.lab(interactive: interactive, answers: answers)
        t.lab.settings.language = .ko
        return t
    }

    /// Everything `t` printed and warned, checked for English prose.
    static func expectNoEnglish(_ t: SessionLab, sourceLocation: SourceLocation = #_sourceLocation) {
        expectNoEnglish(t.output + "\n" + t.warnings, sourceLocation: sourceLocation)
    }

    static func expectNoEnglish(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let left = EnglishLeft.lines(in: text)
        #expect(left.isEmpty, "English left in Korean output:\n\(left.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    /// The error of `line` in a Korean lab of `project` (which must refuse it).
    static func refused(_ project: SessionProject, _ line: String) -> String {
        let t = korean(project)
        let error = t.failure(line)
        #expect(!error.isEmpty, "\(line) succeeded")
        expectNoEnglish(t)
        return error
    }

    /// Replaces `old` by `new` in sessions/NAME.nnlab.
    static func edit(_ project: SessionProject, in name: String = "xor", _ old: String, _ new: String) throws {
        let text = try project.text(name)
        try #require(text.contains(old), "\(old) is not in \(name).nnlab")
        try text.replacingOccurrences(of: old, with: new).write(to: project.script(name), atomically: true, encoding: .utf8)
    }

    // MARK: - save

    @Test func saveSpeaksKorean() throws {
        let project = SessionProject()
        let t = Self.korean(project)
        #expect(t.failure("save") == "오류: 세션에 아직 이름이 없습니다\n  도움말: `save NAME`으로 이름을 붙여 저장하세요 (예: `save my-first-net`)")
        #expect(t.failure("save mine").hasPrefix("오류: 아직 저장할 것이 없습니다"))
        #expect(t.run("data load xor", "layer add dense 1 sigmoid", "save mine"))
        #expect(t.output.contains("저장했습니다: sessions/mine.nnlab (명령 2개), sessions/mine.safetensors ("), "\(t.output)")
        #expect(t.output.contains("바이트)"))
        // The file keeps its own format: English keys, whatever the learner's language.
        let text = try project.text("mine")
        #expect(text.hasPrefix("# nnlab session\n# format: 1\n") && text.contains("# model: 2-1 sigmoid;"))

        let other = Self.korean(project)
        #expect(other.run("data load xor"))
        #expect(other.failure("save mine") == "오류: sessions/mine.nnlab 파일이 이미 있습니다\n  도움말: `save mine force`로 바꿔 쓰거나, 다른 이름을 고르세요")
        Self.expectNoEnglish(t)
        Self.expectNoEnglish(other)
    }

    @Test func badNamesAreRefusedInKorean() {
        let project = SessionProject()
        #expect(Self.refused(project, "save ../x").hasPrefix("오류: '../x'은(는) 세션 이름으로 쓸 수 없습니다: 경로 구분 문자가 들어 있습니다"))
        for line in ["save -x", "save a..b", "save a*b", "save " + String(repeating: "a", count: 65), "load \"\"", "replay a/b"] {
            let error = Self.refused(project, line)
            #expect(error.contains("세션 이름") || error.contains("이름"), "\(line): \(error)")
        }
    }

    @Test func aFullDiskIsSaidInKorean() throws {
        let project = SessionProject()
        let t = Self.korean(project)
        t.run("data load xor", "layer add dense 1 sigmoid")
        t.lab.session.writeFile = { _, url throws(FileWriteError) in throw FileWriteError(path: url.path, step: "writing the data", code: ENOSPC) }
        let error = t.failure("save full")
        #expect(error.contains("full 세션을") && error.contains("저장할 수 없습니다") && error.contains("디스크가 가득 찼습니다"), "\(error)")
        Self.expectNoEnglish(t)
        let english = FileWriteError(path: "/x/a.nnlab", step: "writing the data", code: ENOSPC)
        #expect(english.localized(.en) == english.description, "English says what FileWriteError says")
    }

    // MARK: - sessions and load

    @Test func sessionsAndLoadSpeakKorean() throws {
        let project = SessionProject()
        project.savedXOR("xor-one")
        try "# nnlab session\n# format: x\n".write(to: project.script("broken"), atomically: true, encoding: .utf8)
        let t = Self.korean(project)
        #expect(t.run("sessions", "load xor-one"))
        #expect(t.output.contains("broken               (읽을 수 없음: format 값은 정수여야"), "\(t.output)")
        #expect(t.output.contains("xor-one 세션을 불러왔습니다: 명령 7개, 저장 시각 "))
        #expect(t.output.contains("sessions/xor-one.nnlab에서 읽음"))
        #expect(t.output.contains("모델 2-4-1 relu/sigmoid; xavier; adam lr 0.05; 데이터 xor; 최고 기록 테스트 "), "\(t.output)")
        Self.expectNoEnglish(t)

        #expect(Self.refused(project, "load xor-on") == "오류: sessions/에 'xor-on' 세션이 없습니다 (혹시 'xor-one'?)\n  도움말: 저장된 세션은 `sessions`로 볼 수 있습니다")
        let empty = SessionProject()
        let listing = Self.korean(empty)
        #expect(listing.run("sessions"))
        #expect(listing.output.contains("에 저장된 세션이 아직 없습니다: `save NAME`으로 지금 세션을 저장합니다"))
    }

    @Test func damagedSessionFilesAreRefusedInKorean() throws {
        let project = SessionProject()
        project.savedXOR()
        let text = try project.text("xor")
        try String(text.prefix(text.count * 2 / 3)).write(to: project.script("xor"), atomically: true, encoding: .utf8)
        #expect(Self.refused(project, "load xor").contains("파일이 `# end of session` 없이 끝납니다: 중간에 잘렸습니다"))
        try text.replacingOccurrences(of: "layer add dense 4 relu", with: "layer add dense 4 rleu")
            .write(to: project.script("xor"), atomically: true, encoding: .utf8)
        #expect(Self.refused(project, "load xor").hasPrefix("오류: sessions/xor.nnlab 15번째 줄 (`layer add dense 4 rleu`): "))
        try text.replacingOccurrences(of: "# format: 1", with: "# format: 9").write(to: project.script("xor"), atomically: true, encoding: .utf8)
        #expect(Self.refused(project, "load xor").contains("더 새로운 nnlab이 형식 9로 쓴 것입니다"))
        try Data([0x23, 0x20, 0xFF, 0xFE, 0x0A]).write(to: project.script("xor"))
        #expect(Self.refused(project, "load xor").contains("1번째 줄이 UTF-8 텍스트가 아닙니다"))
        try Data().write(to: project.script("xor"))
        #expect(Self.refused(project, "load xor").contains("파일이 비어 있습니다"))
        try "seed 1\n".write(to: project.script("xor"), atomically: true, encoding: .utf8)
        #expect(Self.refused(project, "load xor").contains("세션 파일이 아닙니다"))
        try text.replacingOccurrences(of: "seed 3", with: "quit").write(to: project.script("xor"), atomically: true, encoding: .utf8)
        #expect(Self.refused(project, "load xor").contains("`quit` 명령은 세션에 넣을 수 없습니다"))
        try text.replacingOccurrences(of: "# seed: ", with: "# seed: x").write(to: project.script("xor"), atomically: true, encoding: .utf8)
        #expect(Self.refused(project, "load xor").contains("seed 값은 0 이상의 정수여야 합니다"))
        try text.replacingOccurrences(of: "# format: 1\n", with: "# format: 1\n# fast: epochs=0\n").write(to: project.script("xor"), atomically: true, encoding: .utf8)
        #expect(Self.refused(project, "load xor").contains("빠른 버전 줄은"))
    }

    @Test func damagedWeightsAreRefusedInKorean() throws {
        let project = SessionProject()
        project.savedXOR()
        let good = try project.bytes(project.weights("xor"))
        try FileManager.default.removeItem(at: project.weights("xor"))
        #expect(Self.refused(project, "load xor") == "오류: 가중치 파일 sessions/xor.safetensors이(가) 없거나 읽을 수 없습니다\n"
                + "  도움말: 가중치 파일은 스크립트 옆에 저장됩니다. 되돌려 놓거나, 세션을 `replay`해서 다시 학습하세요")

        try good.write(to: project.weights("xor"))
        try editMetadata(project, "xor") { $0["nnlab.generator"] = "1 2 3" }
        #expect(Self.refused(project, "load xor mismatched").contains("메타데이터 \"nnlab.generator\"는 모두 0은 아닌 16진수 단어 네 개여야 합니다"))
        try good.write(to: project.weights("xor"))
        try editMetadata(project, "xor") { $0["nnlab.format"] = "7" }
        #expect(Self.refused(project, "load xor mismatched").contains("더 새로운 nnlab이 가중치 형식 7로 쓴 파일입니다"))
        try good.write(to: project.weights("xor"))
        try editMetadata(project, "xor") { $0["nnlab.model"] = nil }
        #expect(Self.refused(project, "load xor mismatched").contains("\"nnlab.model\" 메타데이터가 없어서"))
        try good.write(to: project.weights("xor"))
        try editMetadata(project, "xor", replacing("nnlab.defaults", "\"batchSize\":", "\"batchSize\":0,\"x\":"))
        let range = Self.refused(project, "load xor mismatched")
        #expect(range.contains("메타데이터 \"nnlab.defaults\"의 batch 값이 0인데, 1부터 1000000 사이여야 합니다"), "\(range)")
    }

    @Test func otherWeightsAreRefusedInKoreanAndLoadedOnPurpose() throws {
        let project = SessionProject()
        project.savedXOR()
        let file = try SafetensorsFile(contentsOf: project.weights("xor"))
        var writer = SafetensorsWriter(metadata: file.metadata)
        for t in file.tensors { writer.add(t.name, shape: t.shape, values: t.name == "dense2.bias" ? [0.25] : try file.floats(t.name)) }
        try writer.write(to: project.weights("xor"))

        let error = Self.refused(project, "load xor")
        #expect(error.hasPrefix("오류: sessions/xor.safetensors은(는) sessions/xor.nnlab이(가) 저장한 가중치 파일이 아닙니다: 스크립트에는 "), "\(error)")
        #expect(error.contains("`load xor mismatched`를 쓰세요"))
        let t = Self.korean(project)
        #expect(t.run("load xor mismatched"))
        #expect(t.warnings.contains("그래도 불러왔습니다 (`mismatched`)"))
        Self.expectNoEnglish(t)
    }

    @Test func tensorsThatDoNotFitAreRefusedInKorean() throws {
        let project = SessionProject()
        project.savedXOR()
        let file = try SafetensorsFile(contentsOf: project.weights("xor"))
        var writer = SafetensorsWriter(metadata: file.metadata)
        for t in file.tensors where t.name != "dense2.bias" { writer.add(t.name, shape: t.shape, values: try file.floats(t.name)) }
        writer.add("extra", shape: [1], values: [1])
        try writer.write(to: project.weights("xor"))
        #expect(Self.refused(project, "load xor mismatched").contains("텐서 \"dense2.bias\"가 없습니다 (모델에 필요한 [1] 모양의 파라미터)"))
    }

    // MARK: - replay

    @Test func replaySpeaksKorean() throws {
        let project = SessionProject()
        project.savedXOR()
        let t = Self.korean(project)
        #expect(t.run("replay xor"))
        #expect(t.output.contains("xor 재생: sessions/xor.nnlab에서 읽음"))
        #expect(t.output.contains("18번째 줄: train epochs=30 batch=4\n  기록  epoch 30"), "\(t.output)")
        #expect(t.output.contains("  일치 (수치 30줄)"))
        #expect(t.output.contains("xor 재생: 명령 7개 실행, 2개 비교, 모두 정확히 일치"))
        #expect(t.output.contains("이제 실습실에는 재생한 xor 세션이 들어 있습니다"))
        #expect(t.lab.settings.language == .ko, "the replayed lab keeps the learner's language")
        Self.expectNoEnglish(t)

        let fast = Self.korean(project)
        #expect(fast.run("replay xor fast"))
        #expect(fast.output.contains("xor 재생: 빠른 버전이 없는 세션이라 전체를 재생합니다"))
        #expect(fast.output.contains("빠른 재생은 확인용입니다"))
        Self.expectNoEnglish(fast)

        #expect(Self.refused(project, "replay nosuch").hasPrefix("오류: sessions/에 'nosuch' 세션이 없습니다"))
    }

    @Test func differingFiguresAreSaidInKorean() throws {
        let project = SessionProject()
        project.savedXOR()
        let text = try project.text("xor")
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("# eval test") })
        let cost = try #require(FigureLine(String(line.dropFirst(2))).value(after: "cost"))
        let edited = line.replacingOccurrences(of: "cost " + NumberFormat.fourDecimals(Float(cost)),
                                               with: "cost " + NumberFormat.fourDecimals(Float(cost) + 0.0021))
        try Self.edit(project, String(line), edited)
        let t = Self.korean(project)
        let error = t.failure("replay xor")
        #expect(t.output.contains("  다름: 가장 큰 차이는 eval test의 cost에서 0.0021. 같은 연산 방식이면 비트까지 같아야 합니다"), "\(t.output)")
        #expect(t.output.contains("1개가 다릅니다 (같은 연산 방식이면 비트까지 같아야 합니다)"))
        #expect(error == "오류: xor 재생: 수치가 기록과 다릅니다 (위를 보세요)\n"
                + "  도움말: 여러분의 실습실은 그대로입니다. `replay xor record`를 쓰면 새 수치를 파일에 기록합니다")
        Self.expectNoEnglish(t)

        try Self.edit(project, "# arithmetic: \(Arithmetic.name)\n", "# arithmetic: nnlab-0\n")
        let other = Self.korean(project)
        _ = other.failure("replay xor")
        #expect(other.output.contains("xor은(는) 연산 방식 nnlab-0로 기록되었고, 이 nnlab은 \(Arithmetic.name)로 계산합니다"), "\(other.output)")
        #expect(other.output.contains("허용 오차 0.0005를 넘습니다"))
        Self.expectNoEnglish(other)
    }

    @Test func examplesAreNotRecordedAndTheRefusalIsKorean() throws {
        let install = SessionProject(), work = SessionProject()
        install.savedXOR("demo")
        let paths = LabPaths(root: install.root, work: work.root)
        let console = CapturingConsole()
        let lab = Lab(console: console, paths: paths)
        lab.settings.language = .ko
        let interpreter = Interpreter(lab: lab, commands: CommandTable.all)
        #expect(!interpreter.run("replay demo record"))
        let error = console.warnings.joined(separator: "\n")
        #expect(error.hasPrefix("오류: demo은(는) 예제 세션입니다 ("), "\(error)")
        #expect(error.contains("`load demo` 다음 `save`로 sessions/에 여러분의 사본을 만들고, 그 사본에 기록하세요"))
        #expect(!interpreter.run("load nosuch"))
        #expect(console.warnings.last?.hasPrefix("오류: sessions/에도, 예제 세션에도 'nosuch' 세션이 없습니다") == true)
        #expect(interpreter.run("load demo"))
        #expect(console.text.contains("예제 세션, ") && console.text.contains("`save`하면 sessions/에 여러분의 사본을 만듭니다"))
        Self.expectNoEnglish(console.text + "\n" + console.warnings.joined(separator: "\n"))
    }

    @Test func nnlabReplaySpeaksKorean() throws {
        let project = SessionProject()
        project.savedXOR("a")
        project.savedXOR("b")
        try Self.edit(project, in: "b", "# epoch 30  cost 0.", "# epoch 30  cost 1.")
        try "# nnlab session\n# format: 1\n\nseed 1\n".write(to: project.script("c"), atomically: true, encoding: .utf8)
        let console = CapturingConsole()
        let status = Language.$current.withValue(.ko) {
            ReplayCommandLine.run(targets: [], folder: project.sessions.path, options: ReplayOptions(quiet: true), record: false,
                                  console: console, paths: project.paths, makeInterpreter: everyCommand)
        }
        #expect(status == ReplayCommandLine.unreadable)
        #expect(console.text.contains("세션 3개를 재생했습니다:\n  a  일치\n  b  명령 1개가 다름\n  c  세션으로 읽을 수 없음"), "\(console.text)")
        #expect(console.warnings.contains { $0.contains("파일이 `# end of session` 없이 끝납니다") && $0.contains("도움말: ") })
        let missing = CapturingConsole()
        _ = Language.$current.withValue(.ko) {
            ReplayCommandLine.run(targets: ["nope", "/no/such.nnlab"], folder: nil, options: ReplayOptions(quiet: true), record: false,
                                  console: missing, paths: project.paths, makeInterpreter: everyCommand)
        }
        #expect(missing.warnings.first?.hasPrefix("오류: \(project.sessions.path)에 'nope' 세션이 없습니다") == true, "\(missing.warnings)")
        Self.expectNoEnglish(console.text + "\n" + console.warnings.joined(separator: "\n") + "\n" + missing.warnings.joined(separator: "\n"))
    }

    // MARK: - recovery

    /// Leaves a journal as a lab that ended without saving in `project` would have.
    static func leaveJournal(_ project: SessionProject, commands: [String]) throws {
        let dir = project.paths.journals.appendingPathComponent("20260101-000000-1-a")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try "pid 1\n".write(to: dir.appendingPathComponent(AutosaveJournal.lockName), atomically: true, encoding: .utf8)
        let lines = [AutosaveJournal.firstLine, "# format: 1", "# pid: 1", "# folder: \(project.root.path)",
                     "# started: 2026-01-01T00:00:00Z", "# seed: 5", ""] + commands
        try (lines.joined(separator: "\n") + "\n").write(to: dir.appendingPathComponent(AutosaveJournal.fileName), atomically: true, encoding: .utf8)
    }

    @Test func recoverySpeaksKorean() throws {
        let project = SessionProject()
        try Self.leaveJournal(project, commands: ["data load xor", "layer add dense 0 relu"])
        let t = Self.korean(project, interactive: true, answers: ["maybe", "y"])
        Recovery.start(t.interpreter, recoverWithoutAsking: false)
        #expect(t.output.contains("에서 2026-01-01T00:00:00Z에 시작한 nnlab이 저장하지 않고 끝났습니다: 저장하지 않은 명령 2개, 마지막은 `layer add dense 0 relu`."))
        #expect(t.output.contains("y(예) 또는 n(아니요)로 답해 주세요"))
        #expect(t.output.contains("되살리는 중 1/2: data load xor"))
        #expect(t.warnings.contains("`layer add dense 0 relu`에서 되살리기를 멈췄습니다: 오류: "), "\(t.warnings)")
        #expect(t.output.contains("명령 2개 중 1개를 되살렸습니다. `save NAME`으로 보관합니다"))
        t.lab.session.autosave?.remove()
        Self.expectNoEnglish(t)

        let nothing = Self.korean(SessionProject())
        Recovery.start(nothing.interpreter, recoverWithoutAsking: true)
        #expect(nothing.output.contains("되살릴 것이 없습니다: "))
        Self.expectNoEnglish(nothing)
    }

    @Test func anotherLabRecoveringIsSaidInKorean() throws {
        let project = SessionProject()
        try Self.leaveJournal(project, commands: ["data load xor"])
        let first = Recovery.survey(project.paths)
        #expect(first.orphans.count == 1)
        let other = Self.korean(project, interactive: true, answers: ["y"])
        Recovery.start(other.interpreter, recoverWithoutAsking: false)
        #expect(other.warnings.contains("참고: 여기서 끝난 nnlab의 저장하지 않은 작업은 다른 nnlab(pid \(getpid()))이 "
                                        + "\(project.root.standardizedFileURL.path)에서 되살리는 중입니다"), "\(other.warnings)")
        other.lab.session.autosave?.remove()
        first.orphans.forEach { $0.release() }
        Self.expectNoEnglish(other)
    }

    @Test func theLockFilesTextIsReadBack() {
        let holder = JournalHolder(pid: 42, doing: .recovering, folder: "/home/ada/x, y")
        #expect(holder.text == "pid 42, recovering it in /home/ada/x, y")
        #expect(JournalHolder(holder.text) == holder)
        #expect(JournalHolder("pid 7, started in /a") == JournalHolder(pid: 7, doing: .started, folder: "/a"))
        #expect(JournalHolder("pid 1") == nil && JournalHolder("") == nil)
    }

    // MARK: - English stays as it was

    @Test func englishIsUnchanged() {
        #expect(SessionMessage.sessionSaved.text(["sessions/a.nnlab", "1 command", "sessions/a.safetensors", "1,234 bytes"], language: .en)
                == "saved sessions/a.nnlab (1 command) and sessions/a.safetensors (1,234 bytes)")
        #expect(ReplayMessage.replaySummaryMany.text(["xor", 7, 2], language: .en) == "replay xor: 7 commands run, 2 compared")
        let error = FileWriteError(path: "/x", step: "locking", code: EACCES)
        #expect(error.localized(.en) == error.description)
        for cause in [ENOENT, ENOTDIR, EACCES, ENOSPC, EIO] {
            let e = FileWriteError(path: "/x", step: "s", code: cause)
            #expect(e.advice(.en) == e.hint)
        }
    }
}

@Suite struct RecordedResultWordsTests {
    @Test func recordedResultsAreSaidInTheLearnersWords() {
        #expect(SessionWords.result("test 0.9805") == "test 0.9805")
        Language.$current.withValue(.ko) {
            #expect(SessionWords.result("test 0.9805") == "테스트 0.9805")
            #expect(SessionWords.result("ensemble test 0.9827") == "앙상블 테스트 0.9827")
            #expect(SessionWords.result("validation 0.4500") == "검증 0.4500")
        }
    }
}
