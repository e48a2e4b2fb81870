// The Completion value and its helpers for the shell: the word at the cursor, fixed vocabularies.

import LineEditing
import Testing

@Suite("Completion values")
struct CompletionTests {
    @Test("the word before the cursor is what follows the last space or tab")
    func wordBeforeCursor() {
        #expect(Completion.wordBeforeCursor(in: "train epo") == "epo")
        #expect(Completion.wordBeforeCursor(in: "layer ") == "")
        #expect(Completion.wordBeforeCursor(in: "lay") == "lay")
        #expect(Completion.wordBeforeCursor(in: "") == "")
        #expect(Completion.wordBeforeCursor(in: "a\tb") == "b")
    }

    @Test("matching keeps the options that start with the word, in their order")
    func matching() {
        let completion = Completion.matching(["train", "layer", "load", "loss"], in: "layer add l")
        #expect(completion == Completion(word: "l", candidates: ["layer", "load", "loss"]))
        #expect(Completion.matching(["layer"], in: "x").candidates.isEmpty)
        #expect(Completion.matching(["layer", "load"], in: "").candidates == ["layer", "load"])
    }

    @Test("duplicate candidates are dropped, keeping the first")
    func duplicates() {
        #expect(Completion(word: "l", candidates: ["load", "layer", "load"]).candidates == ["load", "layer"])
    }

    @Test("a closure completer passes the text through")
    func closureCompleter() {
        let completer = ClosureCompleter { text in Completion(word: "", candidates: [text.uppercased()]) }
        #expect(completer.complete("abc").candidates == ["ABC"])
    }
}
