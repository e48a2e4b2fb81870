// CharacterSequences: next-character prediction on a short text, the course's RNN lab ("hihello").
//
// The vocabulary is the text's distinct characters in order of first appearance ("hihello":
// h i e l o, as in the lab). Example k is the window of `steps` characters starting at k,
// one-hot encoded time-major (step 0's one-hot first, then step 1's, ...), so a recurrent layer
// reads it as [steps, vocabulary]; its label is the character right after the window. With
// "hihello" and 3 steps: hih->e, ihe->l, hel->l, ell->o. There is nothing to hold out in so
// few windows: train and test are the same examples, as in the lab.

import Foundation
import NNCore

/// Options of a character-sequence set.
public struct SequenceOptions: Equatable, Sendable {
    /// The text to learn.
    public var text: String
    /// Characters per window (the recurrent net's time steps).
    public var steps: Int

    public init(text: String = "hihello", steps: Int = 3) {
        self.text = text
        self.steps = steps
    }
}

public enum CharacterSequences {
    /// The windows of `options.text` as a data set named `name`.
    public static func make(_ options: SequenceOptions, name: String = "hihello") throws(DataError) -> LoadedDataSet {
        let chars = Array(options.text)
        guard options.steps >= 1 else {
            throw .badOption(dataSet: name, option: "steps", problem: .wholeOutOfRange(value: options.steps, range: 1...1000))
        }
        guard chars.count > options.steps else {
            throw .badOption(dataSet: name, option: "text",
                             problem: .textTooShort(text: options.text, characters: chars.count, steps: options.steps))
        }
        var vocabulary: [Character] = []
        for c in chars where !vocabulary.contains(c) { vocabulary.append(c) }
        let v = vocabulary.count
        let index = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($0.element, $0.offset) })
        let windows = chars.count - options.steps

        // Row k: [steps x v] one-hots, time-major; label: the id of the character after them.
        let x = Matrix(rows: windows, cols: options.steps * v)
        var labels: [Int32] = []
        for k in 0..<windows {
            for t in 0..<options.steps {
                x[k, t * v + (index[chars[k + t]] ?? 0)] = 1
            }
            labels.append(Int32(index[chars[k + options.steps]] ?? 0))
        }
        let data = InMemoryData(features: x, labels: labels, classCount: v)
        let names = vocabulary.map(displayName)
        let textParameter = chars.count <= 200 ? options.text : "sha256:" + Digest.sha256(Array(options.text.utf8))
        let info = DataSetInfo(
            name: name,
            summary: "next character of \"\(chars.prefix(40).map(String.init).joined())\(chars.count > 40 ? "..." : "")\": "
                + "\(windows) windows of \(options.steps), vocabulary \(names.joined(separator: " "))",
            classNames: names, featureShape: [options.steps, v], source: "built in",
            identity: DataIdentity(name: name, parameters: ["text": textParameter, "steps": String(options.steps)]))
        return LoadedDataSet(info: info, train: data, validation: nil, test: data)
    }

    /// Spaces and line breaks shown visibly, so a class list never has an invisible name.
    static func displayName(_ c: Character) -> String {
        switch c {
        case " ": return "␣"
        case "\n", "\r\n": return "⏎"
        case "\t": return "⇥"
        default: return String(c)
        }
    }
}
