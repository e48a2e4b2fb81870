// Display width: how many terminal columns a string occupies. East Asian wide characters (Korean
// Hangul, CJK, fullwidth forms, most emoji) take two columns, combining marks and format characters
// none, and ANSI escape sequences none. Padding and truncation here measure in those columns.
//
// Not here: wrapping paragraphs (TextWrap.swift). The wide ranges follow Unicode's East Asian Width
// property (W and F); ambiguous-width characters (box drawing, shades, "…") count as one column,
// as terminals do by default.

/// Where text sits inside a wider field.
public enum TextAlignment: Sendable, Hashable {
    case left, right, center
}

extension String {
    /// Columns this string occupies on a terminal (ANSI escapes count 0, wide characters 2).
    public var displayWidth: Int {
        var total = 0
        for piece in TerminalText.pieces(of: self) {
            if case .visible(_, let w) = piece { total += w }
        }
        return total
    }

    /// The string without ANSI escape sequences (CSI such as colours, OSC such as hyperlinks).
    public func strippingANSI() -> String {
        var out = ""
        for piece in TerminalText.pieces(of: self) {
            if case .visible(let c, _) = piece { out.append(c) }
        }
        return out
    }

    /// True when the string holds at least one ANSI escape sequence.
    public var containsANSI: Bool { contains("\u{1B}") }

    /// Padded with spaces to exactly `width` columns (left, right or centred); text wider than
    /// `width` is returned unchanged (use `fitted(to:)` to also cut it).
    public func padded(to width: Int, align: TextAlignment = .left) -> String {
        let gap = width - displayWidth
        guard gap > 0 else { return self }
        switch align {
        case .left: return self + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + self
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + self + String(repeating: " ", count: gap - left)
        }
    }

    /// Cut to `width` columns, ending in `ellipsis` when something was cut (text that fits is returned
    /// unchanged). A wide character is never split; escape sequences are kept, with a reset added.
    public func truncated(to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if displayWidth <= width { return self }
        let ellipsisWidth = ellipsis.displayWidth
        let budget = ellipsisWidth < width ? width - ellipsisWidth : width
        var out = ""
        var used = 0
        var sawEscape = false
        scan: for piece in TerminalText.pieces(of: self) {
            switch piece {
            case .escape(let e):
                out += e
                sawEscape = true
            case .visible(let c, let w):
                if used + w > budget { break scan }
                out.append(c)
                used += w
            }
        }
        if ellipsisWidth < width { out += ellipsis; used += ellipsisWidth }
        if sawEscape { out += "\u{1B}[0m" }
        // A wide character that did not fit leaves one column: fill it so the result is exactly `width`.
        return out + String(repeating: " ", count: max(0, width - used))
    }

    /// Exactly `width` columns: truncated if wider, padded if narrower.
    public func fitted(to width: Int, align: TextAlignment = .left) -> String {
        truncated(to: width).padded(to: width, align: align)
    }
}

/// Splitting terminal text into visible characters (with their widths) and escape sequences.
package enum TerminalText {
    package enum Piece {
        case visible(Character, Int)
        case escape(String)
    }

    /// Visible characters and escape sequences in order. ESC is always its own grapheme, and the
    /// bytes of a CSI or OSC sequence are ASCII, so walking Characters finds sequence ends exactly.
    package static func pieces(of s: String) -> [Piece] {
        var out: [Piece] = []
        var escape = ""
        enum Mode { case text, afterEscape, csi, osc, oscAfterEscape }
        var mode = Mode.text
        for c in s {
            switch mode {
            case .text:
                if c == "\u{1B}" { escape = "\u{1B}"; mode = .afterEscape } else { out.append(.visible(c, width(of: c))) }
            case .afterEscape:
                escape.append(c)
                if c == "[" { mode = .csi } else if c == "]" { mode = .osc } else { out.append(.escape(escape)); mode = .text }
            case .csi:
                escape.append(c)
                if let v = c.asciiValue, (0x40...0x7E).contains(v) { out.append(.escape(escape)); mode = .text }
            case .osc:
                escape.append(c)
                if c == "\u{07}" { out.append(.escape(escape)); mode = .text } else if c == "\u{1B}" { mode = .oscAfterEscape }
            case .oscAfterEscape:
                escape.append(c)
                if c == "\\" { out.append(.escape(escape)); mode = .text } else { mode = .osc }
            }
        }
        if mode != .text { out.append(.escape(escape)) }
        return out
    }

    /// Columns of one grapheme: 2 if any scalar is wide, else the sum (combining marks add 0).
    package static func width(of c: Character) -> Int {
        var sum = 0
        for scalar in c.unicodeScalars {
            let w = width(of: scalar)
            if w == 2 { return 2 }
            sum += w
        }
        return min(2, sum)
    }

    /// Columns of one scalar in isolation.
    package static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x300 { return v == 0xAD ? 0 : 1 }
        // Hangul medial vowels and final consonants join the preceding initial: no columns of their own.
        if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        return isWide(v) ? 2 : 1
    }

    /// East Asian Width W or F (the ranges that matter in practice, emoji included).
    package static func isWide(_ v: UInt32) -> Bool {
        for range in wideRanges where range.contains(v) { return true }
        return false
    }

    package static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,    // Hangul Jamo initial consonants
        0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693,
        0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE,
        0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA,
        0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728, 0x274C...0x274C,
        0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797, 0x27B0...0x27B0,
        0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E,    // CJK radicals, punctuation, ideographic space
        0x3041...0x33FF,    // Kana, Hangul compatibility Jamo, CJK compatibility
        0x3400...0x4DBF,    // CJK extension A
        0x4E00...0x9FFF,    // CJK unified ideographs
        0xA000...0xA4CF,    // Yi
        0xA960...0xA97F,    // Hangul Jamo extended A
        0xAC00...0xD7A3,    // Hangul syllables
        0xF900...0xFAFF,    // CJK compatibility ideographs
        0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6,   // fullwidth forms
        0x16FE0...0x16FE4, 0x17000...0x18AFF, 0x1B000...0x1B2FF,
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
        0x1F200...0x1F2FF,
        0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393,
        0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4...0x1F3F4,
        0x1F3F8...0x1F43E, 0x1F440...0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D,
        0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A...0x1F57A, 0x1F595...0x1F596,
        0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC...0x1F6CC,
        0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF, 0x1F6EB...0x1F6EC,
        0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F7F0...0x1F7F0, 0x1F90C...0x1F93A,
        0x1F93C...0x1F945, 0x1F947...0x1F9FF, 0x1FA70...0x1FAFF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,  // CJK extensions B and beyond
    ]
}
