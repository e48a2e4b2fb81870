// `set`: the defaults and the language, a closed set of keys; a bad value changes nothing.

import Testing
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials

@Suite struct SetCommandTests {
    @Test func changesDefaultsAndLanguage() {
        let t = TestLab()
        #expect(t.run("set epochs=5 lang=ko", "set batch 50"))
        #expect(t.lab.settings.defaults.epochs == 5 && t.lab.settings.defaults.batchSize == 50 && t.lab.settings.language == .ko)
        t.console.reset()
        t.run("set")
        // The lab speaks Korean from here on.
        #expect(t.output == "epochs 5   batch 50   keep_prob 드롭아웃 층마다의 값   lr 옵티마이저의 값 (0.001)   lang ko")
        t.console.reset()
        t.run("set lang en", "set")
        #expect(t.output.hasSuffix("epochs 5   batch 50   keep_prob each dropout layer's own   lr the optimizer's (0.001)   lang en"))
    }

    @Test func anUnknownLanguageIsAnErrorListingTheChoices() {
        let t = TestLab()
        #expect(t.failure("set lang fr").contains("'fr' is not one of en, ko"))
        #expect(t.lab.settings.language == .en)
    }

    @Test func aBadValueLeavesEverySettingAsItWas() {
        let t = TestLab()
        #expect(t.failure("set epochs=7 batch=0").contains("batch="))
        #expect(t.lab.settings.defaults.epochs != 7)
    }
}
