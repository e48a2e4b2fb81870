// The errors of the data sets and the model graph, said in Korean (EngineErrorText): typed input
// that NNData or NNEngine refuses, and files they cannot read.

import Foundation
import Testing
@testable import LabCore
import NNData
import NNEngine
import NNFormats
import LabKit
import LabText

@Suite struct KoreanEngineErrorsTests {
    @Test func dataAndModelErrorsAreKorean() {
        KoreanEverywhereTests.expectKorean([
            "data load nosuch", "data load xor limit=3", "data load circle samples=2", "data load spiral classes=3",
            "data load circle noise=3", "data load circle test=0.6 validation=0.5", "data load spiral samples=many",
            "data load csv", "data load csv nofile.csv label=y", "data load csv nofile.csv", "data load hihello text=ab steps=5",
            "layer add dense 4 relu", "layer add add", "layer add dense 3 relu as h", "layer add dense 2 relu as h",
        ])
    }

    @Test func exactKoreanLines() {
        let t = TestLab()
        t.run("set lang ko")
        #expect(t.failure("data load nosuch").contains("\"nosuch\"(이)라는 데이터 세트는 없습니다"))
        #expect(t.failure("data load nosuch").contains("`data list`로 모든 데이터 세트를 볼 수 있습니다"))
        #expect(t.failure("data load circle noise=3").contains("noise 옵션: 값 3은(는) 0부터 1 사이여야 합니다"))
        #expect(t.failure("data load csv missing.csv label=y").contains("그런 파일이 없습니다"))
    }

    @Test func csvProblemsAreKorean() throws {
        let t = TestLab()
        let file = t.root.appendingPathComponent("bad.csv")
        try "x,y\n1,0\nabc,1\n".write(to: file, atomically: true, encoding: .utf8)
        t.run("set lang ko")
        let e = t.failure("data load csv \(file.path) label=y")
        #expect(e.contains("3번째 줄") && e.contains("\"x\" 열 (번호 0)") && e.contains("숫자가 아닙니다"))
        #expect(EnglishLeft.lines(in: e).isEmpty, "\(e)")
    }

    @Test func aFifoIsNamedInKorean() throws {
        let t = TestLab()
        let fifo = t.root.appendingPathComponent("pipe.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        t.run("set lang ko")
        let e = t.failure("data load csv \(fifo) label=y")
        #expect(e.contains("일반 파일이 아니라 FIFO(이름 있는 파이프)입니다"), "\(e)")
    }

    /// Every case of the typed problems has a Korean text that differs from its English.
    @Test func everyTypedProblemIsTranslated() {
        let problems: [OptionProblem] = [
            .givenTwice, .notAnOption(dataSet: "xor", options: []), .notAnOption(dataSet: "mnist", options: ["limit"]),
            .unexpectedWord(usage: "u"), .missingPath(usage: "u"), .required(usage: "u"), .notWhole(text: "x"),
            .wholeOutOfRange(value: 0, range: 1...2), .notNumber(text: "x"), .numberOutOfRange(text: "3", range: 0...1),
            .notAllowed(text: "x"), .split(.test(2)), .split(.validation(2)), .split(.noTrainingRows(test: 0.6, validation: 0.5)),
            .textTooShort(text: "ab", characters: 2, steps: 5), .fixedClasses(dataSet: "spiral", classes: 2),
        ]
        for p in problems {
            let ko = Language.$current.withValue(.ko) { p.localized }
            let en = Language.$current.withValue(.en) { p.localized }
            #expect(ko != en && en == p.english, "\(p)")
        }
        let model: [ModelError] = [.empty, .noInput, .duplicateName("h"), .cycle(node: "a", reads: "b"), .arity(node: "s", kind: "add", expected: .twoOrMore, got: 1),
                                   .badSize(node: "d", what: "units", value: 0, rule: .wholeAboveZero), .tooLarge(node: "d"), .dangling(node: "a", output: "o")]
        for e in model {
            let ko = Language.$current.withValue(.ko) { e.localized.message }
            let en = Language.$current.withValue(.en) { e.localized.message }
            #expect(ko != en && en == e.description, "\(e)")
        }
        let exports: [ExportError] = [.model(.empty), .outputClasses(node: "o", units: 1, classes: 10), .outputClasses(node: "o", units: 3, classes: 2),
                                      .inputShape(shape: [28, 28], width: 10),
                                      .lossNeedsOutput(loss: .sigmoidCrossEntropy, node: "sum", activation: "no activation (add)", needed: "sigmoid")]
        for e in exports {
            let ko = Language.$current.withValue(.ko) { e.localized }
            let en = Language.$current.withValue(.en) { e.localized }
            #expect(ko != en && en == e.description, "\(e)")
        }
        let write = FileWriteError(path: "/x/y", step: "writing the data", code: ENOSPC)
        #expect(Language.$current.withValue(.en) { write.localized } == write.description)
        #expect(Language.$current.withValue(.ko) { write.localized }.contains("디스크가 가득 찼습니다"))
    }
}
