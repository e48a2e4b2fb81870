// What TAB does: complete, extend, beep, list; and the smallest edit it asks the editor for.

import LineEditing
import Testing

@Suite("TAB completion rules")
struct TabCompletionTests {
    @Test("one candidate completes the word and adds a space")
    func singleCandidate() {
        var tab = TabCompletion()
        let outcome = tab.press(textBeforeCursor: "la", completion: Completion(word: "la", candidates: ["layer"]))
        #expect(outcome == .edit(deleteScalars: 0, insert: "yer "))
    }

    @Test("no space after a candidate ending in = or /", arguments: [("epochs=", "ochs="), ("data/", "ta/")])
    func noSpaceAfterEqualsOrSlash(candidate: String, inserted: String) {
        var tab = TabCompletion()
        let word = String(candidate.prefix(2))
        let outcome = tab.press(textBeforeCursor: "train " + word, completion: Completion(word: word, candidates: [candidate]))
        #expect(outcome == .edit(deleteScalars: 0, insert: inserted))
    }

    @Test("a complete word gets just its space; a complete value ending in = rings the bell")
    func alreadyComplete() {
        var tab = TabCompletion()
        #expect(tab.press(textBeforeCursor: "layer", completion: Completion(word: "layer", candidates: ["layer"]))
                == .edit(deleteScalars: 0, insert: " "))
        #expect(tab.press(textBeforeCursor: "train epochs=", completion: Completion(word: "epochs=", candidates: ["epochs="]))
                == .beep)
    }

    @Test("several candidates extend to their common prefix")
    func commonPrefixExtension() {
        var tab = TabCompletion()
        let completion = Completion(word: "dr", candidates: ["dropout", "dropblock"])
        #expect(tab.press(textBeforeCursor: "layer add dr", completion: completion) == .edit(deleteScalars: 0, insert: "op"))
    }

    @Test("no progress: the first TAB beeps, the second lists, a third lists again")
    func secondTabLists() {
        var tab = TabCompletion()
        let completion = Completion(word: "l", candidates: ["layer", "load", "loss"])
        #expect(tab.press(textBeforeCursor: "l", completion: completion) == .beep)
        #expect(tab.press(textBeforeCursor: "l", completion: completion) == .list(["layer", "load", "loss"]))
        #expect(tab.press(textBeforeCursor: "l", completion: completion) == .list(["layer", "load", "loss"]))
    }

    @Test("after an extension, the next TAB on the extended text lists at once")
    func listAfterExtension() {
        var tab = TabCompletion()
        let first = Completion(word: "dr", candidates: ["dropout", "dropblock"])
        #expect(tab.press(textBeforeCursor: "dr", completion: first) == .edit(deleteScalars: 0, insert: "op"))
        let second = Completion(word: "drop", candidates: ["dropout", "dropblock"])
        #expect(tab.press(textBeforeCursor: "drop", completion: second) == .list(["dropout", "dropblock"]))
    }

    @Test("a TAB on different text, or after reset, is a first TAB again")
    func changedTextResets() {
        var tab = TabCompletion()
        let completion = Completion(word: "l", candidates: ["layer", "load"])
        #expect(tab.press(textBeforeCursor: "l", completion: completion) == .beep)
        #expect(tab.press(textBeforeCursor: "x l", completion: completion) == .beep)
        tab.reset()
        #expect(tab.press(textBeforeCursor: "x l", completion: completion) == .beep)
        #expect(tab.press(textBeforeCursor: "x l", completion: completion) == .list(["layer", "load"]))
    }

    @Test("no candidates, or a word that is not at the cursor, rings the bell")
    func nothingToDo() {
        var tab = TabCompletion()
        #expect(tab.press(textBeforeCursor: "zz", completion: .none) == .beep)
        #expect(tab.press(textBeforeCursor: "zz", completion: Completion(word: "zz", candidates: [])) == .beep)
        #expect(tab.press(textBeforeCursor: "la", completion: Completion(word: "lo", candidates: ["load"])) == .beep)
    }

    @Test("a replacement that differs inside the word deletes only what differs")
    func caseChangingReplacement() {
        var tab = TabCompletion()
        // A case-insensitive completer: "LAy" becomes "layer ": keep nothing, delete 3, insert all.
        #expect(tab.press(textBeforeCursor: "LAy", completion: Completion(word: "LAy", candidates: ["layer"]))
                == .edit(deleteScalars: 3, insert: "layer "))
        // "laY" shares "la": delete one scalar ("Y"), insert "yer ".
        #expect(tab.press(textBeforeCursor: "laY", completion: Completion(word: "laY", candidates: ["layer"]))
                == .edit(deleteScalars: 1, insert: "yer "))
    }

    @Test("deletions count Unicode scalars, as libedit does (Korean syllables are one each)")
    func koreanScalars() {
        var tab = TabCompletion()
        #expect(tab.press(textBeforeCursor: "저장 모", completion: Completion(word: "모", candidates: ["모델"]))
                == .edit(deleteScalars: 0, insert: "델 "))
        #expect(tab.press(textBeforeCursor: "저장 모X", completion: Completion(word: "모X", candidates: ["모델"]))
                == .edit(deleteScalars: 1, insert: "델 "))
    }

    @Test("the common prefix of several strings")
    func commonPrefix() {
        #expect(TabCompletion.commonPrefix(of: ["dropout", "dropblock", "drop"]) == "drop")
        #expect(TabCompletion.commonPrefix(of: ["layer", "load"]) == "l")
        #expect(TabCompletion.commonPrefix(of: ["a", "b"]) == "")
        #expect(TabCompletion.commonPrefix(of: ["only"]) == "only")
        #expect(TabCompletion.commonPrefix(of: []) == "")
        #expect(TabCompletion.commonPrefix(of: ["안녕하세요", "안녕히"]) == "안녕")
    }
}
