// FastEcho: a command as a fast run really runs it. Under a fast mode (`replay NAME fast`,
// `tutorial start 7 fast`) `train epochs=15` trains at most the mode's epochs and `data load
// mnist` keeps at most its examples; echoing the command as written would say one thing and do
// another. Replays and lessons echo this form, with the written one beside it.

import LabText

extension FastMode {
    /// Commands whose training is capped at `epochs`.
    static let trainingCommands: Set<String> = ["train", "fit", "sweep", "ensemble"]

    /// `command` with its epochs and limit as this mode runs them (the command itself when nothing
    /// changes). `defaultEpochs` is the lab's `set epochs`, used when the command names none.
    package func asRun(_ command: String, defaultEpochs: Int) -> String {
        var words = command.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let first = words.first else { return command }
        var changed = false
        if let cap = epochs, Self.trainingCommands.contains(first), first != "ensemble" || words.dropFirst().first == "train" {
            if let i = words.firstIndex(where: { $0.hasPrefix("epochs=") }) {
                if let n = Int(words[i].dropFirst("epochs=".count)), n > cap { words[i] = "epochs=\(cap)"; changed = true }
            } else if defaultEpochs > cap {
                words.append("epochs=\(cap)")
                changed = true
            }
        }
        if let cap = limit, first == "data", words.dropFirst().first == "load",
           let name = words.dropFirst(2).first, ["mnist", "fashion"].contains(name) {
            if let i = words.firstIndex(where: { $0.hasPrefix("limit=") }) {
                if let n = Int(words[i].dropFirst("limit=".count)), n > cap { words[i] = "limit=\(cap)"; changed = true }
            } else {
                words.append("limit=\(cap)")
                changed = true
            }
        }
        return changed ? words.joined(separator: " ") : command
    }
}

extension Lab {
    /// The line to echo for `command`: as it runs under the lab's fast mode, with what was written
    /// beside it ("train epochs=1   (fast; written: train epochs=15)").
    package func echoLine(_ command: String) -> String {
        guard let fast = settings.fast else { return command }
        let run = fast.asRun(command, defaultEpochs: settings.defaults.epochs)
        return run == command ? command : run + console.style.dim("   " + loc(.fastWritten, command))
    }
}
