// Completion: what the shell offers for the word being typed, and the protocol it offers it through.
//
// The shell sees only the text before the cursor and answers with the partial word it wants
// replaced plus the full candidates for it. Deciding what TAB then does (complete, extend, list)
// is TabCompletion's job; drawing it is the editor's. Nothing here touches a terminal.

/// The candidates for the word ending at the cursor.
public struct Completion: Equatable, Sendable {
    /// The partial word the candidates replace: a suffix of the text before the cursor
    /// (empty when the cursor follows a space and a new word starts).
    public let word: String
    /// Full words that may replace `word`, in the order to list them; duplicates are removed.
    public let candidates: [String]

    /// Candidates for `word`; duplicates are dropped, keeping the first occurrence.
    public init(word: String, candidates: [String]) {
        self.word = word
        var seen = Set<String>()
        self.candidates = candidates.filter { seen.insert($0).inserted }
    }

    /// Nothing to offer: TAB rings the bell.
    public static let none = Completion(word: "", candidates: [])

    /// The word ending at the cursor under the usual shell rule: everything after the last
    /// space or tab. `"train epo"` gives `"epo"`, `"layer "` gives `""`.
    public static func wordBeforeCursor(in textBeforeCursor: String) -> Substring {
        guard let space = textBeforeCursor.lastIndex(where: { $0 == " " || $0 == "\t" }) else {
            return textBeforeCursor[...]
        }
        return textBeforeCursor[textBeforeCursor.index(after: space)...]
    }

    /// The options that start with the word before the cursor, in the order given: the common
    /// case of a fixed vocabulary (`Completion.matching(["layer", "load"], in: "l")`).
    public static func matching(_ options: [String], in textBeforeCursor: String) -> Completion {
        let word = String(wordBeforeCursor(in: textBeforeCursor))
        return Completion(word: word, candidates: options.filter { $0.hasPrefix(word) })
    }
}

/// Supplies completions to an editor. The shell's command table conforms to this.
public protocol LineCompleter {
    /// The completion for the word that ends at the cursor, given everything before the cursor.
    func complete(_ textBeforeCursor: String) -> Completion
}

/// A completer made from a function, for small vocabularies and tests.
public struct ClosureCompleter: LineCompleter {
    private let body: (String) -> Completion

    /// Wraps `body`, which receives the text before the cursor.
    public init(_ body: @escaping (String) -> Completion) {
        self.body = body
    }

    public func complete(_ textBeforeCursor: String) -> Completion {
        body(textBeforeCursor)
    }
}
