// ShellError: a user mistake, said plainly: what was wrong and how to fix it.
//
// Every handler and the parser throw these; the REPL prints them and carries on with the state
// untouched. `hint` is the "how to fix it" part, shown on its own line.

import LabText

/// A mistake in what the learner typed or asked for.
public struct ShellError: Error, Equatable, CustomStringConvertible {
    public let message: String
    public let hint: String?

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    public var description: String { hint.map { "\(message)\n  hint: \($0)" } ?? message }
}

/// Closest words to `word` among `candidates` (edit distance, with prefixes favoured), best first.
public func suggestions(for word: String, among candidates: [String], limit: Int = 3) -> [String] {
    let w = word.lowercased()
    guard !w.isEmpty else { return [] }
    let scored = candidates.compactMap { c -> (String, Int)? in
        let lc = c.lowercased()
        if lc.hasPrefix(w) || (w.count >= 3 && w.hasPrefix(lc)) { return (c, 0) }
        let d = editDistance(w, lc)
        let allowed = w.count <= 3 ? 1 : (w.count <= 6 ? 2 : 3)
        return d <= allowed ? (c, d) : nil
    }
    var seen = Set<String>()
    return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.map(\.0).filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
}

/// " (did you mean 'load'?)" or "" when nothing is close.
package func didYouMean(_ word: String, _ candidates: [String]) -> String {
    let s = suggestions(for: word, among: candidates)
    guard !s.isEmpty else { return "" }
    return loc(.didYouMean, s.map { "'\($0)'" }.joined(separator: loc(.orWord)))
}

/// Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps.
func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a), y = Array(b)
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
    for i in 0...x.count { d[i][0] = i }
    for j in 0...y.count { d[0][j] = j }
    for i in 1...x.count {
        for j in 1...y.count {
            let cost = x[i - 1] == y[j - 1] ? 0 : 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
        }
    }
    return d[x.count][y.count]
}
