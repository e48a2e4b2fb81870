// nnlab's own command-line options, run as a process: closed sets are refused with their choices.

import Foundation
import Testing
import TestProcess

@Suite("nnlab command line", .enabled(if: NNLabProcess.path != nil, NNLabProcess.notBuiltMessage))
struct CommandLineTests {
    @Test("--lang takes en or ko; anything else is an error naming both")
    func language() throws {
        let path = try #require(NNLabProcess.path)
        let refused = try runProcess(path, ["--lang", "fr", "-c", "set"])
        #expect(refused.status != 0)
        #expect(refused.output.contains("'fr' is invalid") && refused.output.contains("'en' and 'ko'"), "\(refused.output)")
        let korean = try runProcess(path, ["--lang", "ko", "-c", "set"])
        #expect(korean.status == 0 && korean.output.hasSuffix("lang ko\n"), "\(korean.output)")
    }

    @Test("--help speaks the language asked for on the command line or by the locale")
    func helpLanguage() throws {
        let path = try #require(NNLabProcess.path)
        let english = try runProcess(path, ["replay", "--help"], environment: ["NNLAB_LANG": "en"])
        #expect(english.output.contains("Replay saved sessions and compare every recorded figure."), "\(english.output)")
        let korean = try runProcess(path, ["replay", "--lang", "ko", "--help"], environment: ["NNLAB_LANG": "en"])
        #expect(korean.output.contains("저장한 세션을 재생하고 기록된 수치를 모두 비교합니다."), "\(korean.output)")
        let locale = try runProcess(path, ["replay", "--help"], environment: ["LANG": "ko_KR.UTF-8", "LC_ALL": "", "NNLAB_LANG": ""])
        #expect(locale.output.contains("세션 이름"), "\(locale.output)")
        let commands = try runProcess(path, ["-c", "trian"], environment: ["LANG": "ko_KR.UTF-8", "LC_ALL": "", "NNLAB_LANG": ""])
        #expect(commands.output.contains("'trian' 명령은 없습니다"), "\(commands.output)")
    }
}
