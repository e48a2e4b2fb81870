// PromptMarkup: marks the escape sequences in a prompt so libedit does not count them as columns.
//
// A coloured prompt such as "\u{1B}[1;34mnnlab>\u{1B}[0m " is 7 columns wide, not 18. libedit's
// EL_PROMPT_ESC takes a delimiter character: text between two delimiters is printed but takes no
// room. This file wraps every ANSI escape sequence of a prompt between delimiters. Pure text work.

/// Prepares prompts for libedit's EL_PROMPT_ESC.
public enum PromptMarkup {
    /// The delimiter passed to EL_PROMPT_ESC (Ctrl-A, which never appears in a real prompt).
    public static let delimiter: Character = "\u{01}"

    /// `prompt` with each run of escape sequences wrapped in `delimiter`s, and any delimiter
    /// already present removed. Recognises CSI (`ESC [ ... final`), OSC (`ESC ] ... BEL` or
    /// `ESC ] ... ESC \`) and two-character escapes.
    public static func marked(_ prompt: String) -> String {
        let scalars = Array(prompt.unicodeScalars)
        var result = String.UnicodeScalarView()
        var insideMark = false
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\u{01}" {
                index += 1
                continue
            }
            if scalar == "\u{1B}" {
                let end = endOfEscape(in: scalars, from: index)
                if !insideMark {
                    result.append("\u{01}")
                    insideMark = true
                }
                result.append(contentsOf: scalars[index..<end])
                index = end
                continue
            }
            if insideMark {
                result.append("\u{01}")
                insideMark = false
            }
            result.append(scalar)
            index += 1
        }
        if insideMark { result.append("\u{01}") }
        return String(result)
    }

    /// The index just past the escape sequence starting with ESC at `start`.
    private static func endOfEscape(in scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start + 1
        guard index < scalars.count else { return index }
        switch scalars[index] {
        case "[":
            index += 1
            // Parameter and intermediate bytes (0x20-0x3F), then one final byte (0x40-0x7E).
            while index < scalars.count, (0x20...0x3F).contains(scalars[index].value) { index += 1 }
            return min(index + 1, scalars.count)
        case "]":
            index += 1
            while index < scalars.count {
                if scalars[index] == "\u{07}" { return index + 1 }
                if scalars[index] == "\u{1B}", index + 1 < scalars.count, scalars[index + 1] == "\\" { return index + 2 }
                index += 1
            }
            return index
        default:
            return index + 1
        }
    }
}
