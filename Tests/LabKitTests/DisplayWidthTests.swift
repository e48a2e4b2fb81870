// DisplayWidth: terminal columns of text (wide Hangul, escapes of width 0), padding and fitting.

import Testing
@testable import LabKit

@Suite struct DisplayWidthTests {
    @Test func countsColumnsNotCharacters() {
        #expect("abc".displayWidth == 3)
        #expect("".displayWidth == 0)
        #expect("한국어".displayWidth == 6)              // Hangul syllables are wide
        #expect("학습률 0.1".displayWidth == 10)
        #expect("e\u{301}".displayWidth == 1)           // e + combining acute
        #expect("\u{1100}\u{1161}".displayWidth == 2)   // conjoining jamo ᄀ + ᅡ
        #expect("日本".displayWidth == 4)
        #expect("ＡＢ".displayWidth == 4)                 // fullwidth forms
        #expect("🙂".displayWidth == 2)
        #expect("⣿█▀─".displayWidth == 4)               // braille, blocks, box drawing: one column each
        #expect("a\u{200B}b".displayWidth == 2)         // zero-width space
        #expect("\t".displayWidth == 0)
    }

    @Test func escapeSequencesHaveNoWidth() {
        let styled = "\u{1B}[1;38;5;75mrelu\u{1B}[0m"
        #expect(styled.displayWidth == 4)
        #expect(styled.strippingANSI() == "relu")
        #expect(styled.containsANSI)
        let link = "\u{1B}]8;;http://x\u{07}link\u{1B}]8;;\u{1B}\\"
        #expect(link.displayWidth == 4)
        #expect(link.strippingANSI() == "link")
        #expect("plain".strippingANSI() == "plain")
    }

    @Test func padsByDisplayWidth() {
        #expect("ab".padded(to: 5) == "ab   ")
        #expect("ab".padded(to: 5, align: .right) == "   ab")
        #expect("ab".padded(to: 6, align: .center) == "  ab  ")
        #expect("한글".padded(to: 6) == "한글  ")
        #expect("toolong".padded(to: 3) == "toolong")
        #expect("\u{1B}[1mab\u{1B}[0m".padded(to: 4).displayWidth == 4)
    }

    @Test func truncatesByDisplayWidth() {
        #expect("abcdef".truncated(to: 4) == "abc…")
        #expect("abc".truncated(to: 4) == "abc")
        #expect("abcdef".truncated(to: 0) == "")
        #expect("abcdef".truncated(to: 1) == "a")
        // A wide syllable is never split; the lost column is filled so the width is exact.
        #expect("가나다라".truncated(to: 6) == "가나… ")
        #expect("가나다라".truncated(to: 6).displayWidth == 6)
        let styled = "\u{1B}[31mredredred\u{1B}[0m".truncated(to: 5)
        #expect(styled.strippingANSI() == "redr…")
        #expect(styled.hasSuffix("\u{1B}[0m"))
        #expect("abcdef".fitted(to: 8) == "abcdef  ")
        #expect("abcdef".fitted(to: 3) == "ab…")
    }
}
