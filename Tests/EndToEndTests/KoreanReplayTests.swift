// `nnlab replay NAME --lang ko` and `nnlab run FILE --lang ko` as a process: a replay's own lines
// (replaying, each compared command, the summary) are Korean; without --lang they stay English.

import Foundation
import Testing
import TestProcess

@Suite("nnlab replay in Korean", .enabled(if: NNLabProcess.path != nil, NNLabProcess.notBuiltMessage))
struct KoreanReplayTests {
    @Test("nnlab replay and nnlab run speak Korean with --lang ko")
    func replayInKorean() throws {
        let path = try #require(NNLabProcess.path)
        let project = NNLabProcess.makeProject()
        defer { try? FileManager.default.removeItem(at: project) }
        let home = ["NNLAB_HOME": project.path]
        // The shipped session, copied into the project's own sessions/.
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sessions")
        for file in ["xor-relu.nnlab", "xor-relu.safetensors"] {
            try FileManager.default.copyItem(at: shipped.appendingPathComponent(file),
                                             to: project.appendingPathComponent("sessions").appendingPathComponent(file))
        }

        let korean = try runProcess(path, ["replay", "xor-relu", "--fast", "--lang", "ko"], in: project, environment: home)
        #expect(korean.status == 0, "\(korean.output)")
        #expect(korean.output.contains("xor-relu 재생: 빠른 버전이 없는 세션이라 전체를 재생합니다") && korean.output.contains("  일치 (수치 "), "\(korean.output)")
        #expect(korean.output.contains("xor-relu 재생: 명령 ") && korean.output.contains("모두 정확히 일치"))
        #expect(!korean.output.contains("replaying") && !korean.output.contains("matches"), "\(korean.output)")

        let missing = try runProcess(path, ["replay", "nosuch", "--lang", "ko"], in: project, environment: home)
        #expect(missing.status == 2 && missing.output.contains("오류: ") && missing.output.contains("'nosuch' 세션이 없습니다"), "\(missing.output)")

        let script = project.appendingPathComponent("check.txt")
        try "replay xor-relu fast\n".write(to: script, atomically: true, encoding: .utf8)
        let run = try runProcess(path, ["run", script.path, "--lang", "ko"], in: project, environment: home)
        #expect(run.status == 0 && run.output.contains("xor-relu 재생: ") && run.output.contains("빠른 재생은 확인용입니다"), "\(run.output)")
        let unreadable = try runProcess(path, ["run", project.appendingPathComponent("none.txt").path, "--lang", "ko"], in: project, environment: home)
        #expect(unreadable.status == 2 && unreadable.output.contains("을(를) 읽을 수 없습니다"), "\(unreadable.output)")

        let english = try runProcess(path, ["replay", "xor-relu", "--fast", "--quiet"], in: project, environment: home)
        #expect(english.status == 0 && english.output.contains("all match exactly"), "\(english.output)")
    }
}
