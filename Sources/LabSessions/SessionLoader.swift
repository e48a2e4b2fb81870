// SessionLoader: reading a saved session back, checking all of it before the lab is touched.
//
// The order is: the script (every line checked), the weights file (the safetensors layout, then
// nnlab's metadata), the data (loaded again by the session's own `data load` arguments, and
// compared with the identity the session recorded), the model built on that data, and every
// tensor matched against it. Only a session that passes all of this becomes a SessionSnapshot;
// a damaged or foreign file is refused with the file, the line or tensor, and what to do.

import Foundation
import LabCommands
import LabCore
import LabKit
import NNCore
import NNData
import NNEngine
import NNFormats

/// A session read from disk and checked, ready to install.
struct LoadedSession {
    var snapshot: SessionSnapshot
    var file: SessionFile
    /// Things the learner should know (other data, a weights file that is not the one saved).
    var warnings: [String]
}

enum SessionLoader {
    /// Reads the session at `script` (with its weights file beside it) for `lab`, checking its
    /// commands against `commands`. Changes nothing.
    static func read(_ script: URL, for lab: Lab, commands: [CommandSpec]) throws(ShellError) -> LoadedSession {
        let shown = displayPath(script, lab: lab)
        guard let bytes = FileManager.default.contents(atPath: script.path) else {
            let name = script.deletingPathExtension().lastPathComponent
            let known = lab.savedSessionNames()
            throw ShellError("there is no session '\(name)' (\(shown) does not exist or cannot be read)" + didYouMean(name, known),
                             hint: known.isEmpty ? "save one with `save NAME`" : "`sessions` lists the saved ones")
        }
        let file: SessionFile
        do { file = try SessionFile.parse(bytes, file: shown, commands: commands) } catch { throw error.shellError }
        var warnings: [String] = []

        // The weights: named by the header (a plain file name beside the script), else NAME.safetensors.
        let weightsName = file.header.weights?.file ?? script.deletingPathExtension().lastPathComponent + ".safetensors"
        guard !weightsName.contains("/"), !weightsName.hasPrefix(".") else {
            throw ShellError("\(shown): the header names the weights file '\(weightsName)', which is not a file beside it",
                             hint: "the weights file must sit next to the script; fix the `# weights:` line")
        }
        let weightsURL = script.deletingLastPathComponent().appendingPathComponent(weightsName)
        let weightsShown = displayPath(weightsURL, lab: lab)
        guard let weightBytes = FileManager.default.contents(atPath: weightsURL.path) else {
            throw ShellError("the weights file \(weightsShown) is missing or cannot be read",
                             hint: "it is saved beside the script; restore it, or `replay` the session to train it again")
        }
        let safetensors: SafetensorsFile
        do { safetensors = try SafetensorsFile(bytes: weightBytes, path: weightsShown) } catch {
            throw ShellError(error.description, hint: "the weights file is damaged; restore it, or `replay` the session to train it again")
        }
        if let saved = file.header.weights {
            let sha = Digest.sha256(weightBytes)
            if saved.bytes != weightBytes.count || saved.sha256 != sha {
                warnings.append("note: \(weightsShown) is not the file this session saved (\(NumberFormat.grouped(weightBytes.count)) bytes, sha256 "
                                + "\(sha.prefix(12)) instead of \(NumberFormat.grouped(saved.bytes)) bytes, \(saved.sha256.prefix(12))); using it since it fits the model")
            }
        }
        let content = try WeightsContent(safetensors)

        // The data, loaded again (or reused when the lab holds the very same data already).
        var data: LoadedDataSet?
        if let arguments = file.header.data {
            data = try loadData(arguments, identity: file.header.dataIdentity, lab: lab, file: shown)
            if let saved = file.header.dataIdentity, let loaded = data?.info.identity, !saved.sameData(as: loaded) {
                warnings.append("warning: this session was saved with other data than `data load \(arguments)` gives here\n"
                                + "  saved:  \(saved.description)\n  loaded: \(loaded.description)\n  differences: "
                                + saved.differences(from: loaded).joined(separator: "; "))
            }
        }
        if let width = content.inputWidth, let data, width != data.featureCount {
            throw ShellError("\(weightsShown) was saved for \(width) inputs, but the data has \(data.featureCount) features",
                             hint: "the session belongs to other data" + (warnings.isEmpty ? "" : " (see the warning above)"))
        }

        // The model on that data, and the tensors matched against it.
        var network: Network?
        if let data, !content.model.layers.isEmpty {
            do { network = try Network(spec: content.model, inputWidth: data.featureCount) } catch {
                throw ShellError("\(weightsShown): the saved model does not build on this data: \(error.description)",
                                 hint: "the session belongs to other data, or its model metadata is damaged")
            }
        }
        let optimizerSpec = content.optimizerSpec ?? OptimizerSpec(.adam)
        let fitted = try content.fit(to: network, optimizerSpec: optimizerSpec)
        let seed = content.seed ?? file.header.seed
        let snapshot = SessionSnapshot(
            data: data, dataCommand: file.header.data.map { "data load " + $0 }, model: content.model,
            parameters: fitted.parameters, parameterNames: network?.parameters.map(\.name) ?? [],
            optimizerSpec: optimizerSpec, optimizerState: fitted.optimizer, seed: seed,
            generatorState: content.generatorState ?? SeededGenerator(seed: seed).state,
            defaults: content.defaults ?? TrainingOptions(), language: content.language ?? lab.settings.language,
            runs: content.runs, journal: file.journal, journalSeed: file.header.seed)
        return LoadedSession(snapshot: snapshot, file: file, warnings: warnings)
    }

    // MARK: - Data

    /// Loads `data load ARGUMENTS` without touching the lab. Data drawn from the session seed
    /// (generated points, a shuffled CSV) gets the same draw it had: such sets fork the generator
    /// once, and their identity records the fork's seed, so a generator whose next draw is that
    /// seed gives the same examples.
    static func loadData(_ arguments: String, identity: DataIdentity?, lab: Lab, file: String) throws(ShellError) -> LoadedDataSet {
        let command = "data load " + arguments
        if let current = lab.data, lab.dataCommand == command, let identity, current.info.identity == identity {
            return current
        }
        let words: [String]
        do { words = Array((try splitCommands(command).first ?? []).dropFirst(2)) } catch {
            throw ShellError("\(file): the `# data:` line is damaged: \(error.message)", hint: "fix it, or restore the file")
        }
        var context = DataCommands.context(lab)
        let generator = SeededGenerator(seed: 0)
        if let text = identity?.parameters["seed"], let seed = UInt64(text) {
            generator.state = generatorState(nextDraw: seed)
        } else {
            generator.state = lab.generator.state
        }
        context.generator = generator
        do { return try DataCatalog.load(words, context: context) } catch {
            throw ShellError("the session's data (`\(command)`) cannot be loaded: \(error.message)", hint: error.hint)
        }
    }

    /// A xoshiro256** state whose next output is `value`. The output is rotl(s1 * 5, 7) * 9
    /// (mod 2^64) and depends on s1 alone; 5 and 9 are odd, so both products can be undone.
    static func generatorState(nextDraw value: UInt64) -> [UInt64] {
        func inverse(_ a: UInt64) -> UInt64 {
            // Newton's iteration doubles the correct low bits each time: 5 steps reach 64.
            var x = a
            for _ in 0..<5 { x = x &* (2 &- a &* x) }
            return x
        }
        let y = value &* inverse(9)
        let s1 = ((y >> 7) | (y << 57)) &* inverse(5)
        return [0x9E37_79B9_7F4A_7C15, s1, 0xBF58_476D_1CE4_E5B9, 0x94D0_49BB_1331_11EB]
    }

    /// `sessions/NAME.nnlab` relative to the folder nnlab was started in when inside it, else the full path.
    static func displayPath(_ url: URL, lab: Lab) -> String {
        lab.paths.shown(url)
    }
}
