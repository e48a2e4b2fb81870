// DisplayWidth: how many terminal columns a string takes, so listings line up with Korean text.
//
// Hangul and CJK characters take two columns, combining marks and format characters none, the
// rest one. This is a compact approximation of Unicode's East Asian Width (UAX #11) covering the
// scripts a learner is likely to type; it is not a full wcwidth(3) and ignores emoji sequences.

/// Terminal column widths of text.
public enum DisplayWidth {
    /// Columns taken by `text` on a terminal.
    public static func of(_ text: some StringProtocol) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// Columns taken by one scalar: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        // Hangul medial vowels and final consonants join the preceding initial consonant.
        if (0x1160...0x11FF).contains(value) { return 0 }
        return wideRanges.contains(where: { $0.contains(value) }) ? 2 : 1
    }

    /// East Asian Wide and Fullwidth blocks (UAX #11), coarsely.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,    // Hangul Jamo initial consonants
        0x2E80...0x303E,    // CJK radicals, Kangxi, CJK symbols and punctuation
        0x3041...0x33FF,    // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, CJK compat
        0x3400...0x4DBF,    // CJK Unified Ideographs Extension A
        0x4E00...0x9FFF,    // CJK Unified Ideographs
        0xA000...0xA4CF,    // Yi
        0xA960...0xA97F,    // Hangul Jamo Extended-A
        0xAC00...0xD7A3,    // Hangul syllables
        0xF900...0xFAFF,    // CJK compatibility ideographs
        0xFE30...0xFE4F,    // CJK compatibility forms
        0xFF00...0xFF60,    // Fullwidth forms
        0xFFE0...0xFFE6,    // Fullwidth signs
        0x1F300...0x1F64F,  // Pictographs and emoticons
        0x1F900...0x1F9FF,  // Supplemental symbols and pictographs
        0x20000...0x2FFFD,  // CJK Extension B and beyond
        0x30000...0x3FFFD,  // CJK Extension G and beyond
    ]
}
