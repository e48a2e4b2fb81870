// Typed arguments: a command's declared arguments read back as Swift values, not strings by name.

import NNEngine
import Testing
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials

@Suite struct TypedArgumentTests {
    let parser = Parser(commands: CommandTable.all)

    @Test func trainReadsItsOptionsAsNumbersAndNames() throws {
        let (_, inv) = try parser.parse(try splitCommands("train epochs=5 lr=0.01 as quick")[0])
        #expect(inv[RunTraining.epochs] == 5)
        #expect(inv[RunTraining.learningRate] == 0.01)
        #expect(inv[TrainCommands.runName] == "quick")
        #expect(inv[RunTraining.batch] == nil && inv[RunTraining.keepProb] == nil)
    }

    @Test func evalReadsItsSplitAsAnEnumAndItsFlagAsABool() throws {
        let (_, inv) = try parser.parse(try splitCommands("eval validation confusion")[0])
        #expect(inv[TrainCommands.split] == .validation)
        #expect(inv[TrainCommands.confusion])
        let (_, plain) = try parser.parse(try splitCommands("eval")[0])
        #expect(plain[TrainCommands.split] == nil && !plain[TrainCommands.confusion])
    }

    @Test func sharedArgumentsKeepOneNameWithTheirOwnHelp() {
        let perMember = RunTraining.epochs.described("epochs per member")
        #expect(perMember.spec.name == "epochs" && perMember.spec.help == "epochs per member")
        #expect(perMember.spec.defaultText == RunTraining.epochs.spec.defaultText)
    }

    @Test func initializerNamesAreTheEnginesInItsOrder() {
        #expect(InitializerName.allCases.map(\.rawValue) == Initializer.allNames)
    }
}
