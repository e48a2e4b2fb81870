// Stumbles: what a beginner types by habit from other tools or the lecture, and the command
// that does it here. The parser asks for a hint when it refuses a line; a known stumble gets the
// exact command to type instead of the general usage line. Each is a plain rule on the words.
//
// Not here: "did you mean" by spelling (ShellError.swift) or commands that exist (undo is real).

import LabText

enum Stumbles {
    /// Words in Korean a learner may type in a lesson, and the command they mean.
    static let koreanWords: [String: String] = [
        "다음": "next", "이전": "back", "뒤로": "back", "다시": "again", "도움말": "help", "종료": "quit", "나가기": "quit",
    ]

    /// The exact command meant by a refused line, said as a hint; nil when the line is no known stumble.
    static func hint(for words: [String], commands: [CommandSpec]) -> String? {
        guard let first = words.first else { return nil }
        let rest = Array(words.dropFirst())
        // `model add dense 128 relu` (Keras's model.add): layers are added with `layer add`.
        if first == "model", rest.first == "add" {
            let layer = rest.count > 1 ? rest.dropFirst().joined(separator: " ") : "dense 128 relu"
            return loc(.modelAddIsLayerAdd, "layer add " + layer)
        }
        // `train 5`: the epochs are an option.
        if ["train", "fit"].contains(first), let n = rest.first, Int(n) != nil {
            return loc(.trainTakesEpochs, (["train", "epochs=\(n)"] + rest.dropFirst()).joined(separator: " "))
        }
        // `tutorial 2`, `lesson 2`: lessons are started with `tutorial start`.
        if ["tutorial", "lesson", "lessons"].contains(first), let lesson = rest.first,
           !["start", "stop", "verify"].contains(lesson) {
            return loc(.tutorialTakesStart, (["tutorial", "start"] + rest).joined(separator: " "))
        }
        if let meant = koreanWords[first], commands.contains(where: { $0.name == meant }) {
            return meant == "next" ? loc(.nextInEnglish) : loc(.forExample, "`\(([meant] + rest).joined(separator: " "))`")
        }
        return nil
    }

    /// A hint for a value that is no valid word of `argument` (nil when no stumble is known).
    static func hint(forValue value: String, of argument: ArgumentSpec, in command: String) -> String? {
        if value == "loss", case .word(let words) = argument.kind, words.contains("cost") {
            return loc(.plotLossIsCost, command + " cost")
        }
        return nil
    }
}
