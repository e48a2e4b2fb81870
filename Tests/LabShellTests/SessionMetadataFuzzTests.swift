// Saved-session metadata as hostile input: the numbers, strings and structure of a weights file's
// `__metadata__` mutated at random, then `load`, `train`, `plot`, `export` on whatever loads. Every
// load either succeeds or is refused with a message that leaves the lab exactly as it was; nothing
// that loads may crash a later command.

import Foundation
import Testing
import NNCore
import NNFormats
@testable import LabCommands
@testable import LabCore
@testable import LabSessions
@testable import LabShell
@testable import LabText
@testable import LabTutorials

@Suite("Fuzzing saved-session metadata")
struct SessionMetadataFuzzTests {
    static let hostileValues = ["0", "-1", "1e30", "\"nan\"", "\"inf\"", "\"-inf\"", "9223372036854775807", "-9223372036854775808",
                                "1e-45", "100000", "1.5", "2", "0.5", "null", "[]", "{}", "\"\"", "true", "1e400", "-0"]

    /// `text` with one mutation chosen by `g`.
    static func mutate(_ text: String, _ g: SeededGenerator) -> String {
        var chars = Array(text)
        // Positions of numbers (a run of digits, '.', '-', 'e' starting at a digit or '-').
        var numbers: [Range<Int>] = []
        var i = 0
        while i < chars.count {
            if chars[i].isNumber || (chars[i] == "-" && i + 1 < chars.count && chars[i + 1].isNumber) {
                var j = i + 1
                while j < chars.count, chars[j].isNumber || ".eE-+".contains(chars[j]) { j += 1 }
                numbers.append(i..<j)
                i = j
            } else { i += 1 }
        }
        let choice = g.index(below: 5)
        switch choice {
        case _ where choice < 3 && !numbers.isEmpty:
            let r = numbers[g.index(below: numbers.count)]
            chars.replaceSubrange(r, with: Array(hostileValues[g.index(below: hostileValues.count)]))
        case 3 where !chars.isEmpty:
            chars = Array(chars.prefix(g.index(below: chars.count)))
        default:
            if !chars.isEmpty { chars[g.index(below: chars.count)] = Array("{}[],:\"0a")[g.index(below: 9)] }
        }
        return String(chars)
    }

    @Test("mutated metadata never crashes load, train, plot or export, and a refused load changes nothing")
    func fuzz() throws {
        let project = SessionProject()
        let saved = project.lab()
        #expect(saved.run("seed 3", "data load xor", "layer add dense 4 relu", "layer add dropout 0.8", "layer add dense 2 softmax",
                          "optimizer adam lr=0.05", "set batch 4", "train epochs=20", "train epochs=3 as second", "save xor"))
        let url = project.weights("xor")
        let original = try SafetensorsFile(bytes: try Data(contentsOf: url), path: url.path)
        let tensors = try original.tensors.map { ($0.name, $0.shape, try original.floats($0.name)) }
        let keys = original.metadata.keys.sorted()
        let g = SeededGenerator(seed: 15)
        let rounds = ProcessInfo.processInfo.environment["NNLAB_FUZZ_SESSIONS"].flatMap { Int($0) } ?? 400
        var loaded = 0, refused = 0
        for round in 0..<rounds {
            var metadata = original.metadata
            for _ in 0..<(1 + g.index(below: 2)) {
                let key = keys[g.index(below: keys.count)]
                metadata[key] = Self.mutate(metadata[key] ?? "", g)
            }
            var writer = SafetensorsWriter(metadata: metadata)
            for (name, shape, values) in tensors { writer.add(name, shape: shape, values: values) }
            try writer.encoded().write(to: url)

            let t = project.lab()
            let before = LabState(t.lab)
            let warnings = t.console.warnings.count
            if t.run("load xor mismatched") {
                loaded += 1
                for line in ["model show", "runs", "train epochs=1", "plot cost", "plot accuracy", "plot cost every=2", "eval",
                             "export csv \(project.root.path)/runs-\(round).csv", "export keras \(project.root.path)/m-\(round).py",
                             "export pytorch \(project.root.path)/m-\(round).py"] {
                    let before = t.console.warnings.count
                    if !t.run(line) { #expect(t.console.warnings.count > before, "round \(round): no message for \(line)") }
                }
            } else {
                refused += 1
                #expect(t.console.warnings.count > warnings, "round \(round): refused without a message")
                #expect(LabState(t.lab) == before, "round \(round): a refused load changed the lab")
            }
        }
        print("session fuzz: \(rounds) mutated weights files, \(loaded) loaded, \(refused) refused")
        #expect(loaded > 0 && refused > rounds / 4)
    }
}
