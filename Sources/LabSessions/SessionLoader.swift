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
import LabText
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
                throw ShellError(error.saying(about: shown), hint: loc(.sessionPlainTextHint, shown))
            }
            let known = lab.savedSessionNames()
            throw ShellError(loc(.sessionNoSuchFile, name, error.saying(about: shown), didYouMean(name, known)),
                             hint: known.isEmpty ? loc(.sessionSaveOneHint) : loc(.sessionListHint))
        }
        let file: SessionFile
        do { file = try SessionFile.parse(bytes, file: shown, commands: commands) } catch { throw error.shellError }
        var warnings: [String] = []

        // The weights: named by the header (a plain file name beside the script), else NAME.safetensors.
        let weightsName = file.header.weights?.file ?? script.deletingPathExtension().lastPathComponent + ".safetensors"
        guard !weightsName.contains("/"), !weightsName.hasPrefix(".") else {
            throw ShellError(loc(.sessionWeightsNotBeside, shown, weightsName), hint: loc(.sessionWeightsNotBesideHint))
        }
        let weightsURL = script.deletingLastPathComponent().appendingPathComponent(weightsName)
        let weightsShown = displayPath(weightsURL, lab: lab)
        let weightBytes: Data
        switch SessionPair.resolveWeights(weightsURL, recorded: file.header.weights) {
        case .matching(let data):
            weightBytes = data
        case .rolledForward(let data):
            weightBytes = data
            warnings.append(loc(.sessionRolledForward, shown))
        case .mismatched(let data, let saved, let found):
            let difference = loc(.sessionWeightsMismatch, weightsShown, shown, NumberFormat.grouped(saved.bytes), saved.sha256.prefix(12),
                                 NumberFormat.grouped(found.bytes), found.sha256.prefix(12))
            guard acceptingOtherWeights else {
                throw ShellError(difference, hint: loc(.sessionWeightsMismatchHint, script.deletingPathExtension().lastPathComponent))
            }
            weightBytes = data
            warnings.append(loc(.sessionMismatchLoaded, difference))
        case .missing:
            let problem = RegularFile.irregularKind(weightsURL.path).map { loc(.sessionWeightsIrregular, weightsShown, $0.localized) }
                ?? loc(.sessionWeightsMissing, weightsShown)
            throw ShellError(problem, hint: loc(.sessionWeightsRestoreHint))
        }
        let safetensors: SafetensorsFile
        do { safetensors = try SafetensorsFile(bytes: weightBytes, path: weightsShown) } catch {
            throw ShellError(loc(.sessionWeightsUnreadable, error.localized), hint: loc(.sessionWeightsDamagedHint))
        }
        let content = try WeightsContent(safetensors)

        // The data, loaded again (or reused when the lab holds the very same data already).
        var data: LoadedDataSet?
        if let arguments = file.header.data {
            data = try loadData(arguments, identity: file.header.dataIdentity, lab: lab, file: shown)
            if let saved = file.header.dataIdentity, let loaded = data?.info.identity, !saved.sameData(as: loaded) {
                warnings.append(loc(.sessionOtherData, arguments, saved.description, loaded.description,
                                    saved.differences(from: loaded).joined(separator: "; ")))
            }
        }
        if let width = content.inputWidth, let data, width != data.featureCount {
            throw ShellError(loc(.sessionInputWidth, weightsShown, width, data.featureCount),
                             hint: loc(warnings.isEmpty ? .sessionOtherDataHint : .sessionOtherDataSeeWarningHint))
        }

        // The model on that data (its size checked before anything is allocated), and the tensors matched against it.
        do { try Lab.checkSize(content.model, inputWidth: data?.featureCount ?? content.inputWidth) } catch {
            throw ShellError("\(weightsShown): \(error.message)", hint: loc(.sessionModelMetadataHint))
        }
        var network: Network?
        if let data, !content.model.layers.isEmpty {
            do { network = try Network(spec: content.model, inputWidth: data.featureCount) } catch {
                throw ShellError(loc(.sessionModelDoesNotBuild, weightsShown, error.localized.message), hint: loc(.sessionModelDoesNotBuildHint))
            }
        }
        let optimizerSpec = content.optimizerSpec ?? OptimizerSpec(.adam)
        let fitted = try content.fit(to: network, optimizerSpec: optimizerSpec)
        let seed = content.seed ?? file.header.seed
        // The language is the learner's, not the session's: loading an example saved in English
        // leaves a lab that speaks Korean speaking Korean (the file's `nnlab.language` is a record only).
        let snapshot = SessionSnapshot(
            data: data, dataCommand: file.header.data.map { "data load " + $0 }, model: content.model,
            parameters: fitted.parameters, parameterNames: network?.parameters.map(\.name) ?? [],
            optimizerSpec: optimizerSpec, optimizerState: fitted.optimizer, seed: seed,
            generatorState: content.generatorState ?? SeededGenerator(seed: seed).state,
            defaults: content.defaults ?? TrainingOptions(), language: lab.settings.language,
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
            throw ShellError(loc(.sessionDataLineDamaged, file, error.message), hint: loc(.sessionFixOrRestoreHint))
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
            throw ShellError(loc(.sessionDataCannotLoad, command, error.message), hint: error.hint)
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
