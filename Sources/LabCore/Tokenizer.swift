// Tokenizer: splits a command line into words, the way a learner expects from a shell.
//   - spaces separate words; "double" or 'single' quotes keep spaces inside one word
//   - `#` outside quotes starts a comment (sessions put figures there)
//   - `;` outside quotes separates commands (`nnlab -c "seed 1; train"`)

import LabText

/// Splits `line` into commands (at `;`), each a list of words. Throws on an unclosed quote.
package func splitCommands(_ line: String) throws(ShellError) -> [[String]] {
    var commands: [[String]] = [], words: [String] = []
    var word = "", inWord = false
    var quote: Character?
    for c in line {
        if let q = quote {
            if c == q { quote = nil } else { word.append(c) }
            continue
        }
        switch c {
        case "\"", "'":
            quote = c; inWord = true
        case "#":
            if inWord { words.append(word) }
            if !words.isEmpty { commands.append(words) }
            return commands
        case ";":
            if inWord { words.append(word); word = ""; inWord = false }
            if !words.isEmpty { commands.append(words) }
            words = []
        case " ", "\t", "\r", "\n":
            if inWord { words.append(word); word = ""; inWord = false }
        default:
            word.append(c); inWord = true
        }
    }
    if quote != nil { throw ShellError(loc(.quoteNotClosed), hint: loc(.quoteHint)) }
    if inWord { words.append(word) }
    if !words.isEmpty { commands.append(words) }
    return commands
}

/// Words as one line again, quoting words that need it.
package func joinWords(_ words: [String]) -> String {
    words.map { w in
        w.isEmpty || w.contains(where: { " \t#;\"'".contains($0) }) ? "\"\(w.replacingAll("\"", "'"))\"" : w
    }.joined(separator: " ")
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
