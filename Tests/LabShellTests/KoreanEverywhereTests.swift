// With `set lang ko` everything a learner reads is Korean: the output and errors of every command,
// driven through the command table, are searched for English prose (EnglishLeft). Each part of the
// lab has its suite (KoreanCommandsTests, KoreanSessionsTests, KoreanLessonsTests, ...), all
// through `expectKorean`.

import Foundation
import Testing
@testable import LabCore
@testable import LabText

@Suite struct KoreanEverywhereTests {
    /// Runs `lines` in Korean, failures included, and returns every line of output and error.
    static func koreanOutput(_ lines: [String]) -> String {
        let t = TestLab()
        t.run("set lang ko")
        for line in lines { _ = t.interpreter.run(line) }
        return t.output + "\n" + t.console.warnings.joined(separator: "\n")
    }

    static func expectKorean(_ lines: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let left = EnglishLeft.lines(in: koreanOutput(lines))
        #expect(left.isEmpty, "English left in Korean output:\n\(left.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    @Test func detectorFindsProseAndSparesNames() {
        #expect(EnglishLeft.hasProse("error: there is no run named 'relu'"))
        #expect(EnglishLeft.hasProse("오류: cannot save x in the folder"))
        #expect(!EnglishLeft.hasProse("오류: 'relu' 실행이 없습니다: `runs`로 확인하세요"))
        #expect(!EnglishLeft.hasProse("  1  dense  relu  xavier  256"))
        #expect(!EnglishLeft.hasProse("relu sigmoid tanh"))
    }
}

@Suite struct PreferredLanguageTests {
    @Test func theEnvironmentChoosesTheLanguage() {
        #expect(Language.preferred(by: [:]) == .en)
        #expect(Language.preferred(by: ["LANG": "ko_KR.UTF-8"]) == .ko)
        #expect(Language.preferred(by: ["LANG": "C.UTF-8"]) == .en)
        // POSIX order: LC_ALL over LC_MESSAGES over LANG; an empty one does not count.
        #expect(Language.preferred(by: ["LC_ALL": "en_US.UTF-8", "LANG": "ko_KR.UTF-8"]) == .en)
        #expect(Language.preferred(by: ["LC_ALL": "", "LC_MESSAGES": "ko_KR.UTF-8", "LANG": "en_US.UTF-8"]) == .ko)
        // NNLAB_LANG wins over the locale; a code nnlab does not speak is ignored.
        #expect(Language.preferred(by: ["NNLAB_LANG": "en", "LANG": "ko_KR.UTF-8"]) == .en)
        #expect(Language.preferred(by: ["NNLAB_LANG": "fr", "LANG": "ko_KR.UTF-8"]) == .ko)
    }
}
