// Small stumbles: slips a beginner makes get the exact command meant; `undo`; `data info` in short;
// `sessions` reads figures from the saved session; a fast mode echoes what it really runs.

import Foundation
import LabKit
import Testing
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials

@Suite struct StumbleTests {
    @Test func slipsNameTheCommandMeant() {
        let t = TestLab()
        #expect(t.failure("model add dense 128 relu").contains("hint: layers are added with `layer add`: `layer add dense 128 relu`"))
        #expect(t.failure("train 5").contains("`train epochs=5`"))
        #expect(t.failure("tutorial 2").contains("`tutorial start 2`"))
        #expect(t.failure("다음").contains("`next`"))
        t.spiralModel("train epochs=1 as a")
        #expect(t.failure("plot loss").contains("`plot cost`"))
        // A word that is no slip keeps the general hint.
        #expect(t.failure("model frobnicate").contains("'model' needs one of") )
    }

    @Test func undoTakesBackModelChanges() {
        let t = TestLab()
        #expect(t.failure("undo").contains("there is no model change to take back"))
        t.spiralModel()
        let weights = t.lab.network!.layers[0].parameters[0].value.array
        #expect(t.run("layer add dense 4 relu"))
        #expect(t.lab.model.layers.count == 4)
        #expect(t.run("undo"))
        #expect(t.output.contains("took back `layer add dense 4 relu`"))
        #expect(t.lab.model.layers.count == 3)
        #expect(t.run("init he"))
        #expect(t.lab.network!.layers[0].parameters[0].value.array != weights)
        #expect(t.run("undo"))
        #expect(t.lab.network!.layers[0].parameters[0].value.array == weights)   // the same weights, not fresh ones
        #expect(t.lab.session.journal.map(\.command).suffix(1) == ["undo"])    // replayed like any change
    }

    @Test func dataOutputFitsOnlyWhenTheClassesFit() {
        let t = TestLab()
        #expect(t.run("data load xor", "layer add dense 4 relu", "layer add dense 1 sigmoid"))
        t.console.reset()
        #expect(t.run("data load gaussian classes=3"))
        #expect(!t.output.contains("the model fits"))
        #expect(t.console.warnings.joined().contains("does not fit this data yet"))
    }

    @Test func dataInfoIsShortUnlessAskedInFull() {
        let t = TestLab()
        let csv = t.folder("d").appendingPathComponent("t.csv")
        try? "a,b,label\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n1,1,0\n2,2,1\n".write(to: csv, atomically: true, encoding: .utf8)
        #expect(t.run("data load csv \(csv.path) label=label test=0.5", "data info"))
        #expect(t.output.contains("`data info full` shows their hashes") && !t.output.contains("sha256"))
        t.console.reset()
        #expect(t.run("data info full"))
        #expect(t.output.contains("sha256"))
    }

    @Test func sessionsShowTheSavedSessionsOwnFigures() throws {
        let t = TestLab()
        t.spiralModel("train epochs=2 batch=40", "eval")
        #expect(t.run("save s1"))
        let url = t.root.appendingPathComponent("sessions/s1.nnlab")
        var text = try String(contentsOf: url, encoding: .utf8)
        let accuracy = NumberFormat.fourDecimals(t.lab.results.lastEvaluation!.evaluation.accuracy)
        // A header written before the session changed must not be what `sessions` shows.
        text = text.replacingOccurrences(of: "# best: test \(accuracy)", with: "# best: test 0.1111")
        try text.write(to: url, atomically: true, encoding: .utf8)
        t.console.reset()
        #expect(t.run("sessions"))
        #expect(t.output.contains("test \(accuracy)") && !t.output.contains("0.1111"))
    }

    @Test func fastModeEchoesWhatRuns() {
        let fast = FastMode(epochs: 1, limit: 5000)
        #expect(fast.asRun("train epochs=15 batch=100", defaultEpochs: 15) == "train epochs=1 batch=100")
        #expect(fast.asRun("train", defaultEpochs: 15) == "train epochs=1")
        #expect(fast.asRun("train epochs=1", defaultEpochs: 15) == "train epochs=1")
        #expect(fast.asRun("data load mnist", defaultEpochs: 15) == "data load mnist limit=5000")
        #expect(fast.asRun("data load xor", defaultEpochs: 15) == "data load xor")
        #expect(fast.asRun("ensemble eval", defaultEpochs: 15) == "ensemble eval")
        #expect(fast.asRun("sweep lr 0.1,0.01 epochs=5", defaultEpochs: 15) == "sweep lr 0.1,0.01 epochs=1")
    }

    @Test func koreanQuitQuestionTakesKoreanAnswers() {
        let t = TestLab(interactive: true)
        #expect(t.run("set lang ko", "data load xor"))
        t.console.answers = ["아니요"]
        #expect(t.run("quit"))
        #expect(t.output.contains("저장하지 않은 명령이 2개 있습니다"))
        #expect(t.output.contains("저장하지 않았습니다"))
        #expect(t.interpreter.shell.quitRequested)
    }
}

@Suite struct CourseTableTests {
    /// The reference column is the shipped sessions' own figure: re-recording a session without
    /// updating the table fails here.
    @Test func referenceFiguresAreTheShippedSessions() throws {
        let sessions = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sessions")
        let files = try FileManager.default.contentsOfDirectory(atPath: sessions.path)
        for lab in CourseTable.labs {
            let name = try #require(files.first { $0.hasPrefix("lab-\(lab.number)-") && $0.hasSuffix(".nnlab") }, "no session for \(lab.number)")
            let text = try String(contentsOf: sessions.appendingPathComponent(name), encoding: .utf8)
            let header = try SessionFile.parseHeader(text, file: name)
            #expect(header.best == "test " + NumberFormat.fourDecimals(Float(lab.reference)), "\(name): \(header.best ?? "no best")")
        }
    }

    @Test func recipesAreMatchedToTheLecturesLabs() {
        let softmax = RecipeParts("dense 10 softmax; init normal(stddev=1.0), bias normal(stddev=1.0); adam lr 0.001; batch 100")
        let xavier = RecipeParts("dense 256 relu, dense 256 relu, dense 10 softmax; init xavier; adam lr 0.001; batch 100")
        let dropout = RecipeParts("dense 512 relu, dropout 0.7, dense 512 relu, dropout 0.7, dense 512 relu, dropout 0.7, "
                                  + "dense 512 relu, dropout 0.7, dense 10 softmax; init xavier; adam lr 0.001; batch 100")
        let labs = CourseTable.labs
        #expect(labs.filter { $0.matches(softmax) }.map(\.number) == ["10-1"])
        #expect(labs.filter { $0.matches(xavier) }.map(\.number) == ["10-3"])
        #expect(labs.filter { $0.matches(dropout) }.map(\.number) == ["10-5"])
        #expect(labs.map(\.reference) == [0.9002, 0.9443, 0.9805, 0.9810, 0.9795])
        #expect(CourseComparison.points(0.9812 - 0.9805) == "+0.07 pt")
        #expect(CourseComparison.points(0.9795 - 0.9810) == "-0.15 pt")
    }

    @Test func theTableShowsCourseReferenceAndYours() {
        let t = TestLab()
        #expect(t.run("runs course"))
        #expect(t.output.contains("10-3") && t.output.contains("0.9783") && t.output.contains("0.9805"))
        #expect(t.output.contains("reference") && t.output.contains("yours") && t.output.contains("difference"))
    }

    @Test func differencesComeFirst() {
        let a = "dense 2 sigmoid, dense 2 sigmoid, dense 1 sigmoid; init xavier; adam lr 0.001; batch 4"
        let b = "dense 2 relu, dense 2 relu, dense 1 sigmoid; init he; adam lr 0.001; batch 4"
        #expect(RunDifferences.differences([a, b]) == ["dense 2 sigmoid ×2; init xavier", "dense 2 relu ×2; init he"])
        #expect(RunDifferences.differences([a, a]) == ["", ""])
    }
}
