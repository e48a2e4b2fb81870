// TabCompletion: what pressing TAB does, as a pure state machine an editor drives.
//
// The rules (those of bash and most shells):
//   - no candidate: ring the bell;
//   - one candidate: replace the word with it, plus a space unless it ends in "/" (a folder, more
//     path to come) or "=" (a value to type next);
//   - several: extend the word to their longest common prefix; when that adds nothing, the first
//     TAB rings the bell and a second TAB on the same text lists every candidate.
// The editor applies the outcome; this file never draws. Lists are laid out by CompletionColumns.

/// What the editor should do in answer to one TAB.
public enum TabOutcome: Equatable, Sendable {
    /// Delete `deleteScalars` Unicode scalars before the cursor, then insert `insert` there.
    /// (Scalars, because that is how libedit and most line editors count characters.)
    case edit(deleteScalars: Int, insert: String)
    /// Show `candidates` below the line, then redraw the prompt and the unchanged line.
    case list([String])
    /// Nothing to complete, or nothing more until TAB is pressed again: ring the bell.
    case beep
}

/// Turns TAB presses plus the shell's completions into edits, listings and bells.
public struct TabCompletion: Sendable {
    /// The text before the cursor as this TAB leaves it; a TAB that finds the same text again
    /// (and cannot add anything) lists the candidates.
    private var textAfterLastTab: String?

    public init() {}

    /// Forgets the previous TAB, so the next one behaves like a first TAB.
    public mutating func reset() {
        textAfterLastTab = nil
    }

    /// Decides what a TAB does, given the text before the cursor and the shell's completion.
    /// A completion whose `word` is not a suffix of the text is a completer bug and rings the bell.
    public mutating func press(textBeforeCursor text: String, completion: Completion) -> TabOutcome {
        let isRepeat = textAfterLastTab == text
        textAfterLastTab = text
        let candidates = completion.candidates
        guard !candidates.isEmpty, text.unicodeScalars.ends(with: completion.word.unicodeScalars) else {
            return .beep
        }
        let word = completion.word

        if candidates.count == 1 {
            let only = candidates[0]
            let ending = (only.hasSuffix("/") || only.hasSuffix("=")) ? "" : " "
            return edit(text: text, word: word, into: only + ending)
        }

        let prefix = Self.commonPrefix(of: candidates)
        if prefix.count > word.count {
            return edit(text: text, word: word, into: prefix)
        }
        return isRepeat ? .list(candidates) : .beep
    }

    /// The longest run of leading characters that every string shares.
    public static func commonPrefix(of strings: [String]) -> String {
        guard let first = strings.first else { return "" }
        var prefix = first[...]
        for string in strings.dropFirst() {
            let shared = zip(prefix, string).prefix(while: { $0 == $1 }).count
            prefix = prefix.prefix(shared)
            if prefix.isEmpty { break }
        }
        return String(prefix)
    }

    /// The smallest edit turning the trailing `word` of `text` into `replacement`: keep the
    /// scalars they share at the front, delete the rest of the word, insert the rest of the
    /// replacement. Records the resulting text so a following TAB can tell it is a repeat.
    private mutating func edit(text: String, word: String, into replacement: String) -> TabOutcome {
        let old = Array(word.unicodeScalars)
        let new = Array(replacement.unicodeScalars)
        let kept = zip(old, new).prefix(while: { $0 == $1 }).count
        if kept == old.count && kept == new.count { return .beep }
        var inserted = String.UnicodeScalarView()
        inserted.append(contentsOf: new[kept...])
        var after = String.UnicodeScalarView()
        after.append(contentsOf: text.unicodeScalars.dropLast(old.count - kept))
        after.append(contentsOf: inserted)
        textAfterLastTab = String(after)
        return .edit(deleteScalars: old.count - kept, insert: String(inserted))
    }
}

extension String.UnicodeScalarView {
    /// Whether the view ends with `suffix`, scalar by scalar.
    fileprivate func ends(with suffix: String.UnicodeScalarView) -> Bool {
        let count = suffix.count
        guard count <= self.count else { return false }
        return self.suffix(count).elementsEqual(suffix)
    }
}
