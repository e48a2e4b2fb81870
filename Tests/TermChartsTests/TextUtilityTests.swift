// Wrapping and styles, including Korean text.

import Testing
@testable import TermCharts
import LabKit

@Suite struct TextWrapTests {
    @Test func wrapsEnglishOnSpaces() {
        let lines = "the quick brown fox jumps over the lazy dog".wrapped(to: 10)
        #expect(lines == ["the quick", "brown fox", "jumps over", "the lazy", "dog"])
    }

    @Test func wrapsKoreanByDisplayWidth() {
        // Each syllable is two columns: "학습률을" is 8 columns, "낮추면" 6.
        let text = "학습률을 낮추면 비용이 천천히 줄어듭니다"
        let lines = text.wrapped(to: 16)
        #expect(lines == ["학습률을 낮추면", "비용이 천천히", "줄어듭니다"])
        for line in lines { #expect(line.displayWidth <= 16) }
        // Counting characters instead of columns would have put two words on the last line.
        #expect("비용이 천천히 줄어듭니다".count <= 16)
    }

    @Test func breaksWordsLongerThanTheLine() {
        #expect("abcdefghij".wrapped(to: 4) == ["abcd", "efgh", "ij"])
        #expect("가나다라마".wrapped(to: 5) == ["가나", "다라", "마"])
        #expect("x 가나다라마바".wrapped(to: 6) == ["x", "가나다", "라마바"])
    }

    @Test func keepsParagraphsAndIndents() {
        #expect("a b\n\nc".wrapped(to: 10) == ["a b", "", "c"])
        #expect("one two three four".wrapped(to: 9, indent: "  ") == ["one two", "  three", "  four"])
        #expect("many    spaces   here".wrapped(to: 40) == ["many spaces here"])
        #expect("".wrapped(to: 5) == [""])
    }

    @Test func neverExceedsTheWidth() {
        let text = "신경망은 층을 쌓아 만든다 deep networks stack layers, 그리고 ReLU는 기울기 소실을 줄인다 🙂🙂🙂🙂"
        for width in 2...30 {
            for line in text.wrapped(to: width) { #expect(line.displayWidth <= width, "width \(width): \(line)") }
        }
    }
}

@Suite struct StyleTests {
    @Test func plainStyleNeverEmitsEscapes() {
        let s = Style.plain
        #expect(s.bold("x") == "x")
        #expect(s.dim("x") == "x")
        #expect(s.underline("x") == "x")
        #expect(s.paint("x", fg: .red, bg: .blue) == "x")
        #expect(s.sgrCodes(fg: .red, bg: nil) == "")
    }

    @Test func colourStylesEmitSGR() {
        let c256 = Style(colors: .palette256)
        #expect(c256.bold("x") == "\u{1B}[1mx\u{1B}[0m")
        #expect(c256.paint("x", fg: Color(255, 0, 0)) == "\u{1B}[38;5;196mx\u{1B}[0m")
        #expect(c256.paint("x", bg: Color(0, 0, 255)) == "\u{1B}[48;5;21mx\u{1B}[0m")
        let c16 = Style(colors: .basic16)
        #expect(c16.paint("x", fg: .red) == "\u{1B}[91mx\u{1B}[0m")     // pinned bright red
        #expect(c16.paint("x", bg: Color(0, 0, 0)) == "\u{1B}[40mx\u{1B}[0m")
        #expect(c256.paint("", fg: .red) == "")
    }

    @Test func coloursReduceToTheNearestPaletteEntry() {
        #expect(Color(0, 0, 0).xterm256Index == 16)
        #expect(Color(255, 255, 255).xterm256Index == 231)
        #expect(Color(128, 128, 128).xterm256Index == 244)   // gray ramp 128
        #expect(Color(95, 175, 255).xterm256Index == 75)
        #expect(Color(200, 40, 40).basic16Index == 1)
        // Grays stay gray in 16 colours (plain distance would send 160 to bright magenta).
        #expect((0...255).map { Color.gray(Double($0) / 255).basic16Index }.allSatisfy { [0, 8, 7, 15].contains($0) })
        #expect(Color.gray(0.5) == Color(128, 128, 128))
        #expect(Color.gray(.nan) == Color(0, 0, 0))
        #expect(Color(0, 0, 0).mixed(with: Color(200, 100, 50), 0.5) == Color(100, 50, 25))
        #expect(Color(255, 8, 171).hex == "#ff08ab")
    }

    @Test func widthHasAFloor() {
        #expect(Style(width: 3).width == 20)
        #expect(Style(width: 100).withWidth(50).width == 50)
    }
}
