// With `set lang ko` every command of LabCommands speaks Korean: its output, its errors and their
// hints, driven through the command table on small data (xor, circle, spiral, gaussian, hihello)
// and searched for English prose (EnglishLeft). A few key sentences are checked word for word,
// and English stays English by default.

import Foundation
import NNData
import NNEngine
import Testing
@testable import LabCommands
@testable import LabCore
@testable import LabText

@Suite struct KoreanCommandsTests {
    /// A folder for files the commands write, removed afterwards.
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nnlab-ko-\(UUID().uuidString)")
        init() { try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    }

    static let xorModel = ["data load xor", "seed 7", "layer add dense 4 tanh", "layer add dense 1 sigmoid"]
    static let spiralModel = ["data load spiral samples=120", "seed 7", "layer add dense 8 relu", "layer add dense 2 softmax"]

    func expectKorean(_ lines: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        KoreanEverywhereTests.expectKorean(lines, sourceLocation: sourceLocation)
    }

    // MARK: - Data

    @Test func dataCommands() {
        expectKorean(["data info", "data show", "data list", "data info xor", "data info mnist", "data info fashion", "data info csv",
                      "data info circle", "data info spiral", "data info gaussian", "data info hihello", "data info nosuch", "data info xr"])
        expectKorean(["data load xor", "data info", "data info full", "data show", "data show 9", "data show split=validation",
                      "data load circle samples=60 validation=0.2", "data info", "data show 0", "data show split=validation",
                      "data load gaussian classes=3 samples=60", "data info", "data load hihello", "data info", "data show 0",
                      "data load hihello text=xyzxyzxyw steps=2", "data info"])
    }

    @Test func downloadsTurnedOff() {
        let t = TestLab()
        t.run("set lang ko")
        t.lab.settings.allowDownloads = false
        let e = t.failure("data fetch mnist")
        #expect(e.contains("이 실습에서는 내려받기가 꺼져 있습니다"))
        #expect(EnglishLeft.lines(in: e).isEmpty)
    }

    // MARK: - Layers, model, init

    @Test func layerAndModelCommands() {
        expectKorean(["model show", "layer add dense 4 relu", "model show", "layer remove 1", "layer remove 1", "model reset"])
        expectKorean(Self.xorModel + [
            "layer insert 9 dense 2 relu", "layer add dense 2 relu as dense1", "layer add dense 2 relu from nosuch",
            "layer remove 7", "layer remove nosuch", "layer add rnn 4", "layer add dense 4 relu alpha=0.1",
            "layer add dense 4 relu k=3", "layer replace 1 dense 5 tanh", "layer insert 2 dropout 0.8",
            // (A split that is not merged again is NNEngine's error to say; only the lab's own note is checked here.)
            "layer add dense 3 relu as side from dense1", "layer remove side",
            "layer add dense 3 relu as b from input", "layer add dense 3 relu as c from b", "layer remove b", "layer remove c", "layer remove b",
            "model show", "layer add concat dense1 dense2 as r", "layer add dense 1 sigmoid", "model show", "model reset", "model new", "model show",
        ])
    }

    @Test func initCommand() {
        expectKorean(["init xavier", "init rbm"])
        expectKorean(Self.xorModel + [
            "init nosuch", "init xaviar", "init he stddev=0.1", "init xavier bias=same", "init zeros limit=1",
            "init normal stddev=0.1 bias=same", "init 9 he", "init nosuch he", "init 1 he", "init he 2", "init constant value=0.2",
            "init truncated_normal stddev=0.2 lr=0.1", "init rbm epochs=1", "layer insert 1 dense 3 sigmoid", "init rbm epochs=1 lr=0.05",
            "layer insert 2 dropout 0.5", "init 2 he", "model new", "init he",
        ])
    }

    // MARK: - Settings and training

    @Test func settingsCommands() {
        expectKorean(["set", "set epochs=3", "set lr", "set epochs 0", "set keep_prob=0.5", "set", "set lr=0.01 batch=2", "set lang en",
                      "set lang ko", "optimizer", "optimizer sgd beta1=0.9", "optimizer sgd momentum=0.9", "optimizer momentum momentum=0.8",
                      "optimizer adam lr=0.01", "seed", "seed 7", "undo", "undo"])
    }

    @Test func trainAndEval() {
        expectKorean(["train epochs=2", "eval"])
        expectKorean(Self.xorModel + [
            "eval", "train epochs=3 batch=4", "train epochs=2 keep_prob=0.5 as k", "train epochs=2 as k", "eval", "eval validation",
            "eval train confusion", "eval keep_prob=0.5", "train epochs=1 lr=0.5 as fast", "train epochs=1 batch=1000000",
        ])
        expectKorean(Self.spiralModel + ["train epochs=2", "eval validation"])
    }

    @Test func runsTable() {
        expectKorean(["runs"])
        expectKorean(Self.xorModel + ["train epochs=2 as r1", "init he", "train epochs=2 as r2", "runs",
                                      "layer insert 2 dropout 0.7", "train epochs=2 keep_prob=0.5 as third", "runs", "undo"])
    }

    // MARK: - Looking at runs

    @Test func gradsCommand() {
        expectKorean(["grads", "grads plot"])
        expectKorean(Self.xorModel + ["train epochs=1", "grads", "grads plot", "grads nosuch", "train epochs=4 as longer", "grads", "grads plot",
                                      "grads plot run1", "init zeros", "train epochs=2 as flat", "grads flat"])
        expectKorean(["data load xor", "layer add dense 4 sigmoid", "layer add dense 4 sigmoid", "layer add dense 4 sigmoid",
                      "layer add dense 1 sigmoid", "init normal stddev=0.01", "train epochs=2", "grads"])
    }

    @Test func plotCommand() {
        let folder = Folder()
        expectKorean(["plot", "plot boundary"])
        expectKorean(Self.xorModel + [
            "plot boundary", "plot", "train epochs=1", "plot", "plot cost every=1000", "train epochs=3 as second", "plot", "plot cost",
            "plot accuracy", "plot validation", "plot cost log", "plot accuracy log", "plot accuracy every=2", "plot cost every=2",
            "plot boundary", "plot boundary log", "plot loss", "plot cost nosuch", "plot cost svg /nonexistent/x.svg",
            "plot cost svg \(folder.path("c.svg"))", "plot cost png=\(folder.path("c.png"))", "plot cost svg=\(folder.url.path)",
        ])
        expectKorean(Self.spiralModel + ["train epochs=2 as a", "train epochs=2 as b", "plot validation", "plot validation a b",
                                         "plot accuracy a b", "train epochs=1 as c", "train epochs=1 as d", "train epochs=1 as e",
                                         "train epochs=1 as f", "train epochs=1 as g", "plot", "data load hihello", "plot boundary"])
    }

    @Test func predictAndShowWrong() {
        expectKorean(["predict", "show wrong"])
        expectKorean(Self.xorModel + ["predict", "predict 1", "predict 99", "show wrong", "train epochs=2", "predict 0", "show wrong 3"])
        expectKorean(Self.spiralModel + ["show wrong 4", "data load hihello", "model new", "layer add dense 5 softmax", "predict 0", "show wrong 2"])
    }

    // MARK: - Training several

    @Test func sweepCommand() {
        expectKorean(["sweep lr 0.1,0.01"])
        expectKorean(Self.xorModel + [
            "sweep lr 0.1,0.01 epochs=2", "sweep init zeros,xavier epochs=1", "sweep keep_prob 0.5,1", "sweep lr 0.1,,0.2",
            "sweep lr 0.1,0.1", "sweep init xavier,nosuch", "sweep activation relu,nosuch", "sweep optimizer sgd,nosuch",
            "sweep keep_prob 2", "sweep lr -1", "sweep lr 0", "sweep batch 0", "sweep batch x", "sweep lr 0.1,ab#c",
            "layer insert 2 dropout 0.7", "sweep keep_prob 0.5,1 epochs=1", "sweep keep_prob 0.5,1.5", "sweep optimizer sgd,adam epochs=1",
            "model new", "layer add dense 1 sigmoid", "sweep activation relu,tanh", "sweep batch 2,4 epochs=1", "runs",
        ])
        expectKorean(Self.spiralModel + ["sweep activation relu,tanh epochs=2", "sweep init he,xavier epochs=2 batch=20"])
    }

    @Test func ensembleCommand() {
        expectKorean(["ensemble eval", "ensemble train 2"])
        expectKorean(Self.xorModel + ["ensemble eval", "ensemble train 2 epochs=2", "ensemble eval", "ensemble eval validation",
                                      "ensemble eval train", "runs", "data load hihello", "ensemble eval"])
        expectKorean(Self.spiralModel + ["ensemble train 3 epochs=2", "ensemble eval validation"])
    }

    @Test func exportAndTensorboard() {
        let folder = Folder()
        try? "x".write(toFile: folder.path("file.txt"), atomically: true, encoding: .utf8)
        expectKorean(["export csv \(folder.path("none.csv"))", "export keras \(folder.path("m.py"))", "tensorboard", "tensorboard off"])
        expectKorean(Self.xorModel + [
            "export csv \(folder.path("none.csv"))", "tensorboard \(folder.path("tb"))", "tensorboard", "train epochs=2",
            "sweep lr 0.1,0.01 epochs=1", "tensorboard off every=3", "tensorboard off", "tensorboard off",
            "tensorboard \(folder.path("file.txt"))", "export csv \(folder.path("runs.csv"))", "export csv /nonexistent/a.csv",
            "export csv \(folder.url.path)", "export keras \(folder.path("m.txt"))", "export keras \(folder.path("m.py"))",
            "export pytorch \(folder.path("p.py"))", "data load spiral samples=60", "export pytorch \(folder.path("s.py"))",
        ])
    }

    // MARK: - Word for word

    @Test func keySentencesInKorean() {
        let t = TestLab()
        t.run("set lang ko", "data load xor")
        t.run("data info")
        #expect(t.output.contains("xor - XOR 점 네 개: 레이블 = x1 xor x2"))
        #expect(t.output.contains("출처       내장"))
        #expect(t.output.contains("분할       학습 4 / 테스트 4"))
        #expect(t.failure("data info nosuch").contains("'nosuch' 데이터 세트는 없습니다"))
        #expect(t.failure("init nosuch").contains("'nosuch' 초기화 방법은 없습니다"))
        t.run("layer add dense 4 relu", "layer add dense 1 sigmoid")
        #expect(t.failure("sweep keep_prob 0.5,1").contains("모델에 드롭아웃 층이 없어서 keep_prob를 바꿔도 달라지는 것이 없습니다"))
        #expect(t.failure("ensemble eval").contains("아직 앙상블이 없습니다"))
        #expect(t.failure("grads").contains("아직 학습한 것이 없어서 보여 줄 기울기가 없습니다"))
        #expect(t.failure("export csv runs.csv").contains("아직 내보낼 실행이 없습니다"))
        t.run("train epochs=1")
        #expect(t.failure("grads plot").contains("에폭이 하나뿐입니다"))
        #expect(t.failure("plot validation").contains("'run1' 실행에는 검증 결과가 없습니다"))
    }

    @Test func catalogsUseTheGlossaryWords() {
        let korean = (CommandMessage.allCases.map(\.korean) + ResultMessage.allCases.map(\.korean)).joined(separator: "\n")
        for avoided in ["에포크", "숨은 층", "숨겨진 층", "러닝 레이트", "드랍아웃"] {
            #expect(!korean.contains(avoided), "use the glossary's word, not \(avoided)")
        }
        #expect(korean.contains("에폭") && korean.contains("은닉층") && korean.contains("기울기") && korean.contains("앙상블"))
    }

    @Test func gradientVerdictInKorean() {
        let layers = [LayerGradient(layer: "dense1", meanAbsGradient: 1e-6, meanAbsWeight: 0.1),
                      LayerGradient(layer: "dense2", meanAbsGradient: 1e-3, meanAbsWeight: 0.1)]
        let ko = GradientVerdict(early: layers, now: layers, firstCost: 0.7, lastCost: 0.69, model: nil,
                                 recipe: "dense 2 sigmoid, dense 1 sigmoid; init normal(stddev=1); sgd lr 0.1; batch 4", language: .ko)
        let text = ko.sentences.joined(separator: "\n")
        #expect(text.contains("첫 스텝에서 1층의 기울기는 마지막 층보다 1,000배 작았습니다"))
        #expect(text.contains("(시도해 보세요") == false && text.contains("relu 또는 `init xavier`을(를) 시도해 보세요"))
        #expect(EnglishLeft.lines(in: text).isEmpty)
    }

    @Test func englishStaysAsItWas() {
        let t = TestLab()
        t.run("data load xor", "data info")
        #expect(t.output.contains("xor - the four XOR points: label = x1 xor x2"))
        #expect(t.output.contains("source     built in"))
        #expect(t.output.contains("splits     4 train / 4 test"))
        #expect(t.failure("data info nosuch").contains("no data set named 'nosuch'"))
        #expect(t.failure("init nosuch").contains("unknown initializer 'nosuch'"))
    }

    @Test func dataDescriptionsMatchNNData() {
        // In English the lab says exactly what NNData's catalog says.
        Language.$current.withValue(.en) {
            for entry in DataCatalog.entries {
                #expect(DataDescriptions.summary(entry) == entry.summary)
                #expect(DataDescriptions.sizes(entry) == entry.sizes)
                #expect(DataDescriptions.source(entry) == entry.source)
                for option in entry.options { #expect(DataDescriptions.summary(option) == option.summary) }
            }
            #expect(Set(DataSetName.allCases.map(\.rawValue)) == Set(DataCatalog.entries.map(\.name)))
        }
        let folder = Folder()
        let csv = folder.path("table.csv")
        try? "a,b,label\n" .appending((0..<20).map { "\($0),\($0 % 3),\($0 % 2)" }.joined(separator: "\n")).write(toFile: csv, atomically: true, encoding: .utf8)
        for line in ["data load xor", "data load circle samples=50", "data load spiral validation=0", "data load gaussian classes=4",
                     "data load hihello", "data load hihello text=abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz steps=4",
                     "data load csv \(csv) label=label", "data load csv \(csv) label=label test=0 validation=0.25"] {
            let t = TestLab()
            #expect(t.run(line), "\(line): \(t.console.warnings)")
            guard let data = t.lab.data else { continue }
            Language.$current.withValue(.en) {
                #expect(DataDescriptions.summary(data) == data.info.summary, "\(line)")
                #expect(DataDescriptions.splits(data) == data.splitSummary, "\(line)")
                if !["mnist", "fashion", "csv"].contains(data.info.name) { #expect(DataDescriptions.source(data) == data.info.source, "\(line)") }
            }
        }
    }
}
