// EnglishLeft: finds English sentences left in text that should be Korean.
//
// Names, commands and values stay as they are in Korean text (`train epochs=5`, 'relu', xor,
// 0.9812), so the check looks for prose: three or more English words in a row, one of them a word
// that only prose uses ("the", "is", "not", ...), outside backticks and quotes.

import Foundation

enum EnglishLeft {
    static let proseWords: Set<String> = [
        "the", "a", "an", "is", "are", "was", "were", "be", "been", "not", "no", "to", "of", "in", "on",
        "with", "for", "from", "this", "that", "it", "its", "and", "or", "but", "can", "cannot", "has",
        "have", "had", "your", "you", "use", "give", "first", "there", "here", "which", "what", "when",
        "than", "does", "do", "did", "would", "could", "should", "must", "only", "yet", "now", "at", "by",
        "as", "into", "after", "before", "already", "still", "again", "every", "each", "type", "try",
    ]

    /// The lines of `text` that still hold English prose.
    static func lines(in text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { hasProse($0) }
    }

    static func hasProse(_ line: String) -> Bool {
        var plain = line
        // Code, quoted names and paths are not prose.
        for pattern in ["`[^`]*`", "'[^']*'", "\"[^\"]*\"", "[A-Za-z0-9_.~-]*/[A-Za-z0-9_./~-]*", "\u{1B}\\[[0-9;]*m"] {
            plain = plain.replacingOccurrences(of: pattern, with: " | ", options: .regularExpression)
        }
        for segment in plain.split(whereSeparator: { ",:;()[]=|<>{}!?.".contains($0) }) {
            var run: [String] = []
            for token in segment.split(separator: " ").map(String.init) + [""] {
                if !token.isEmpty, token.allSatisfy({ $0.isASCII && $0.isLetter || $0 == "-" || $0 == "'" }) {
                    run.append(token.lowercased())
                    continue
                }
                if run.count >= 3, run.contains(where: proseWords.contains) { return true }
                run = []
            }
        }
        return false
    }
}
