// Listing candidates in columns that fit the terminal, and how wide text is on a terminal.

import LineEditing
import Testing
import LabKit

@Suite("Completion listings in columns")
struct CompletionColumnsTests {
    let nine = ["layer", "load", "loss", "train", "test", "help", "history", "save", "quit"]

    @Test("everything on one row when it fits")
    func oneRow() {
        #expect(CompletionColumns.layout(["layer", "load", "loss"], width: 80) == ["layer  load   loss"])
    }

    @Test("column-major rows at a given width, no trailing spaces")
    func severalRows() {
        // Widest is "history" (7): 9-column cells; (30 + 2) / 9 = 3 columns, 3 rows.
        #expect(CompletionColumns.layout(nine, width: 30) == [
            "layer    train    history",
            "load     test     save",
            "loss     help     quit",
        ])
        // At 20 columns: 2 columns, 5 rows, the last row has one item.
        #expect(CompletionColumns.layout(nine, width: 20) == [
            "layer    help",
            "load     history",
            "loss     save",
            "train    quit",
            "test",
        ])
    }

    @Test("the last column needs no gap: 12 columns hold layer, two spaces and loss")
    func lastColumnWithoutGap() {
        #expect(CompletionColumns.layout(["layer", "load", "loss"], width: 12) == ["layer  loss", "load"])
        #expect(CompletionColumns.layout(["layer", "load", "loss"], width: 11) == ["layer", "load", "loss"])
    }

    @Test("an item wider than the terminal gets its own line, uncut")
    func tooWide() {
        #expect(CompletionColumns.layout(["a-very-long-candidate", "b"], width: 10) == ["a-very-long-candidate", "b"])
    }

    @Test("no items, no lines; a zero width still gives one column")
    func edgeCases() {
        #expect(CompletionColumns.layout([], width: 80).isEmpty)
        #expect(CompletionColumns.layout(["a", "b"], width: 0) == ["a", "b"])
    }

    @Test("Korean candidates count two columns per syllable")
    func koreanWidths() {
        // "학습" is 4 columns wide, "평가하기" 8: cells of 10.
        #expect(CompletionColumns.layout(["학습", "평가하기", "저장"], width: 40) == ["학습      평가하기  저장"])
    }

    @Test("display widths: ASCII 1, Hangul and CJK 2, combining marks 0")
    func displayWidth() {
        #expect("layer".displayWidth == 5)
        #expect("안녕".displayWidth == 4)
        #expect("漢字".displayWidth == 4)
        #expect("e\u{301}".displayWidth == 1)
        #expect("\u{1100}\u{1161}".displayWidth == 2)  // conjoining jamo: initial + vowel
        #expect("ＡＢ".displayWidth == 4)
        #expect("a\u{7}b".displayWidth == 2)
    }
}
