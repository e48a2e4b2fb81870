// With `set lang ko` everything a learner reads is Korean: the output and errors of every command,
// driven through the command table, are searched for English prose (EnglishLeft). Each part of the
// lab has its suite (KoreanCommandsTests, KoreanSessionsTests, KoreanLessonsTests, ...), all
// through `expectKorean`.

import Foundation
import Testing
@testable import LabCore

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
