// No input line may crash the lab: 100,000 random and mutated command lines (NNLAB_FUZZ_LINES sets
// another count) through the command table, against a lab whose state keeps changing (data,
// layers, training). Every line must either succeed or print an error; the lab must stay usable.
//
// Lines that would write files outside the test's folder (export, tensorboard, plot and csv files,
// any path with '/') are left out; saving sessions goes to the test's own folder and stays in.
// Training is capped (fast mode: 1 epoch, 64 examples) and downloads are off.

import Foundation
import Testing
import NNEngine
import LabCommands
import LabCore
import LabSessions
import LabShell
import LabTutorials

@Suite("Fuzzing the command table")
struct FuzzTests {
    /// Words that mean something somewhere in the table, plus values of every kind.
    static func vocabulary() -> [String] {
        var words = Set<String>()
        for (path, spec) in CommandTable.flattened() {
            words.formUnion(path)
            words.formUnion(spec.aliases)
            for a in spec.arguments {
                words.insert(a.name)
                if a.style == .option { words.insert(a.name + "=") }
                if case .word(let choices) = a.kind { words.formUnion(choices) }
            }
        }
        words.formUnion(["0", "1", "2", "-1", "0.5", "0.7", "1.5", "1e-3", "1e308", "nan", "inf", "-0", "3", "10", "64",
                         "999999999999999999999", "xor", "spiral", "hihello", "h1", "h2", "dense1", "input", "a,b",
                         "\"", "'", ";", "#", "=", "==", "모델", "데이터", "\u{0}", "\t", "é", "🙂", ""])
        return Array(words).sorted()
    }

    static func mutate(_ line: String, _ g: SeededGenerator, _ vocabulary: [String]) -> String {
        var words = line.split(separator: " ").map(String.init)
        for _ in 0..<(1 + g.index(below: 3)) {
            let choice = g.index(below: 8)
            let i = words.isEmpty ? 0 : g.index(below: words.count)
            switch choice {
            case 0 where !words.isEmpty: words.remove(at: i)
            case 1: words.insert(vocabulary[g.index(below: vocabulary.count)], at: min(i, words.count))
            case 2 where !words.isEmpty: words[i] = vocabulary[g.index(below: vocabulary.count)]
            case 3 where !words.isEmpty: words[i] += "=" + vocabulary[g.index(below: vocabulary.count)]
            case 4 where !words.isEmpty:
                var chars = Array(words[i])
                if !chars.isEmpty { chars[g.index(below: chars.count)] = Character(UnicodeScalar(UInt8(32 + g.index(below: 95)))) }
                words[i] = String(chars)
            case 5 where words.count > 1: words.swapAt(i, g.index(below: words.count))
            case 6: words.append(String(g.next() % 1_000_000))
            default: words = Array(words.prefix(i))
            }
        }
        return words.joined(separator: g.index(below: 10) == 0 ? ";" : " ")
    }

    static func isSafe(_ line: String) -> Bool {
        // `plot ... svg FILE` / `png FILE` write files too (into the current folder): leave them out.
        !["export", "tensorboard", "svg", "png", "csv", "/", "~", "\\"].contains { line.contains($0) }
    }

    static func isSlow(_ line: String) -> Bool {
        ["save", "replay", "sweep", "ensemble"].contains { line.contains($0) }
    }

    @Test("random and mutated lines never crash and always answer")
    func fuzz() throws {
        func freshLab() -> TestLab {
            let t = TestLab()
            t.lab.settings.allowDownloads = false
            t.lab.settings.fast = FastMode(epochs: 1, limit: 64)
            return t
        }
        var t = freshLab()
        let vocabulary = Self.vocabulary()
        let seeds = CommandTable.flattened().flatMap(\.spec.examples)
            + ["data load xor", "data load spiral", "layer add dense 4 relu", "layer add dense 2 softmax", "train epochs=1",
               "eval", "model show", "init he", "layer add dropout 0.5", "optimizer sgd lr=0.1", "grads", "runs"]
        let g = SeededGenerator(seed: 20261129)
        var ran = 0, failed = 0
        let lines = ProcessInfo.processInfo.environment["NNLAB_FUZZ_LINES"].flatMap { Int($0) } ?? 100_000
        // FUZZ_PROFILE=1: where the time goes, by command word.
        let profile = ProcessInfo.processInfo.environment["FUZZ_PROFILE"] != nil
        var spent: [String: Double] = [:]
        while ran < lines {
            let base = seeds[g.index(below: seeds.count)]
            let line = g.index(below: 5) == 0
                ? (0..<(1 + g.index(below: 5))).map { _ in vocabulary[g.index(below: vocabulary.count)] }.joined(separator: " ")
                : Self.mutate(base, g, vocabulary)
            guard Self.isSafe(line) else { continue }
            // Saving and replaying write and fsync files (a tenth of a second or more each): one
            // such line in ten runs, so the whole run stays well under a minute.
            if Self.isSlow(line) && g.index(below: 10) != 0 { continue }
            let warningsBefore = t.console.warnings.count
            let t0 = Date()
            let ok = t.interpreter.run(line)
            if profile { spent[String(line.prefix { $0 != " " && $0 != ";" }), default: 0] += Date().timeIntervalSince(t0) }
            if !ok {
                failed += 1
                // A failure must say something.
                #expect(t.console.warnings.count > warningsBefore, "no message for: \(line)")
            }
            t.interpreter.shell.quitRequested = false
            t.interpreter.shell.emptyLineAction = nil
            ran += 1
            if ran % 1_000 == 0 {
                t.console.reset()
                if t.lab.model.layers.count > 12 { t.run("model new") }
            }
            // A session's journal only grows, and `replay` runs all of it: a fresh lab now and then
            // keeps each replay short (the generator's sequence of lines goes on).
            if ran % 5_000 == 0 { t = freshLab() }
        }
        if profile { for (k, v) in spent.sorted(by: { $0.value > $1.value }).prefix(15) { print("profile \(k): \(v) s") } }
        // The lab still works after all of it.
        t.console.reset()
        #expect(t.run("model new", "data load xor", "layer add dense 4 tanh", "layer add dense 1 sigmoid", "train epochs=1", "eval"))
        #expect(t.console.warnings.isEmpty, "\(t.console.warnings)")
        print("fuzz: \(ran) lines, \(failed) refused with a message, \(ran - failed) accepted")
        #expect(failed > lines / 10 && ran - failed > lines / 20)
    }
}
