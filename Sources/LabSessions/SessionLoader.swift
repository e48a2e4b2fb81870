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
    /// commands against `commands`. Changes nothing. With `acceptingOtherWeights`, a weights file
    /// whose digest is not the one the script recorded is used (with a note) when it fits the
    /// model; otherwise it is refused.
    static func read(_ script: URL, for lab: Lab, commands: [CommandSpec], acceptingOtherWeights: Bool = false) throws(ShellError) -> LoadedSession {
        let shown = displayPath(script, lab: lab)
        SessionPair.tidy(script.deletingLastPathComponent())
        let bytes: Data
        do { bytes = try RegularFile.read(script) } catch {
            let name = script.deletingPathExtension().lastPathComponent
            if case .notRegular = error {
                throw ShellError("\(shown) \(error.description)", hint: "a session is a plain text file; remove or rename \(shown)")
            }
            let known = lab.savedSessionNames()
            throw ShellError("there is no session '\(name)' (\(shown) \(error.description))" + didYouMean(name, known),
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
        let weightBytes: Data
        switch SessionPair.resolveWeights(weightsURL, recorded: file.header.weights) {
        case .matching(let data):
            weightBytes = data
        case .rolledForward(let data):
            weightBytes = data
            warnings.append("note: the last save of \(shown) was cut short after its script was written; its weights were put in place")
        case .mismatched(let data, let saved, let found):
            let difference = "\(weightsShown) is not the weights file \(shown) saved: the script records \(NumberFormat.grouped(saved.bytes)) bytes, "
                + "sha256 \(saved.sha256.prefix(12)); the file has \(NumberFormat.grouped(found.bytes)) bytes, sha256 \(found.sha256.prefix(12))"
            guard acceptingOtherWeights else {
                let name = script.deletingPathExtension().lastPathComponent
                throw ShellError(difference, hint: "restore the session's own weights file, or `replay \(name)` to train them again; "
                                 + "to load these weights on purpose: `load \(name) mismatched` (they must fit the model)")
            }
            weightBytes = data
            warnings.append("note: " + difference + "; loaded anyway (`mismatched`)")
        case .missing:
            let problem = RegularFile.irregularKind(weightsURL.path).map { "is \($0), not a regular file" } ?? "is missing or cannot be read"
            throw ShellError("the weights file \(weightsShown) \(problem)",
                             hint: "it is saved beside the script; restore it, or `replay` the session to train it again")
        }
        let safetensors: SafetensorsFile
        do { safetensors = try SafetensorsFile(bytes: weightBytes, path: weightsShown) } catch {
            throw ShellError(error.description, hint: "the weights file is damaged; restore it, or `replay` the session to train it again")
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

        // The model on that data (its size checked before anything is allocated), and the tensors matched against it.
        do { try Lab.checkSize(content.model, inputWidth: data?.featureCount ?? content.inputWidth) } catch {
            throw ShellError("\(weightsShown): \(error.message)", hint: "the session's model metadata is damaged or was edited; restore the file")
        }
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
