// SessionWeights: a session's `.safetensors` file: the network's parameters, optionally the
// optimizer's slots, and in `__metadata__` everything else needed to continue exactly.
//
// Tensors (all F32, little-endian, in the network's order):
//   LAYER.weight      [inputs, units]  (Keras's layout; PyTorch's Linear stores the transpose)
//   LAYER.recurrent   [units, units]   (rnn, lstm)
//   LAYER.bias        [units]
//   optimizer.PARAM.SLOT  same shape as PARAM (Adam's m and v; only when saved with the state)
// Metadata (strings, as the format requires):
//   nnlab.format 1, nnlab.version, nnlab.model (the ModelSpec as JSON), nnlab.input_width,
//   nnlab.optimizer (OptimizerSpec JSON), nnlab.optimizer_step, nnlab.seed, nnlab.generator (the
//   four xoshiro256** state words in hex), nnlab.defaults (TrainingOptions JSON), nnlab.language,
//   nnlab.runs (RunRecord list as JSON).
// Reading checks every tensor against the model built on the session's data before anything is
// handed out: a missing, extra or misshapen tensor is refused by name with both shapes.

import Foundation
import LabCore
import LabText
import NNCore
import NNEngine
import NNFormats

enum SessionWeights {
    /// The metadata layout this nnlab writes and the newest it reads.
    static let formatVersion = 1
    static let slotPrefix = "optimizer."

    enum Key {
        static let format = "nnlab.format", version = "nnlab.version", model = "nnlab.model"
        static let inputWidth = "nnlab.input_width", optimizer = "nnlab.optimizer", optimizerStep = "nnlab.optimizer_step"
        static let seed = "nnlab.seed", generator = "nnlab.generator", defaults = "nnlab.defaults"
        static let language = "nnlab.language", runs = "nnlab.runs"
    }

    // MARK: - Writing

    /// The file for `snapshot`; with `withOptimizerState`, the optimizer's slots too.
    static func encode(_ snapshot: SessionSnapshot, withOptimizerState: Bool) -> Data {
        var metadata = [Key.format: String(formatVersion), Key.version: nnlabVersion,
                        Key.seed: String(snapshot.seed), Key.language: snapshot.language.rawValue,
                        Key.generator: snapshot.generatorState.map { hex($0) }.joined(separator: " ")]
        metadata[Key.model] = json(snapshot.model)
        metadata[Key.optimizer] = json(snapshot.optimizerSpec)
        metadata[Key.defaults] = json(snapshot.defaults)
        metadata[Key.runs] = json(snapshot.runs.map(RunRecord.init))
        if let width = snapshot.data?.featureCount { metadata[Key.inputWidth] = String(width) }
        var writer = SafetensorsWriter(metadata: metadata)
        for name in snapshot.parameterNames {
            guard let m = snapshot.parameters[name] else { continue }
            writer.add(name, matrix: m, shape: shape(forParameter: name, m))
        }
        if withOptimizerState, let state = snapshot.optimizerState {
            writer.metadata[Key.optimizerStep] = String(state.step)
            for name in snapshot.parameterNames {
                for (slot, m) in (state.slots[name] ?? [:]).sorted(by: { $0.key < $1.key }) {
                    writer.add(slotPrefix + name + "." + slot, matrix: m, shape: shape(forParameter: name, m))
                }
            }
        }
        return writer.encoded()
    }

    /// [n] for a bias, [rows, cols] otherwise.
    static func shape(forParameter name: String, _ m: Matrix) -> [Int] {
        name.hasSuffix(".bias") && m.rows == 1 ? [m.cols] : [m.rows, m.cols]
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder.sorted
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }

    static func hex(_ word: UInt64) -> String {
        let digits = String(word, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// A weights file read and its metadata decoded, not yet matched against a network.
struct WeightsContent {
    let file: SafetensorsFile
    var model: ModelSpec
    var inputWidth: Int?
    var optimizerSpec: OptimizerSpec?
    var optimizerStep: Int?
    var seed: UInt64?
    var generatorState: [UInt64]?
    var defaults: TrainingOptions?
    var language: Language?
    var runs: [Run] = []

    /// Decodes the metadata of `file`. Throws naming the key when a value is missing or damaged.
    init(_ file: SafetensorsFile) throws(ShellError) {
        self.file = file
        let meta = file.metadata
        typealias K = SessionWeights.Key
        func bad(_ problem: SessionMessage, _ key: String, _ found: Any...) -> ShellError {
            ShellError(problem.text([file.path, key] + found), hint: loc(.sessionMetaNotNnlabHint))
        }
        if let format = meta[K.format] {
            guard let v = Int(format) else { throw bad(.sessionMetaNotWhole, K.format, format) }
            guard v <= SessionWeights.formatVersion else {
                throw ShellError(loc(.sessionWeightsNewer, file.path, v, nnlabVersion, SessionWeights.formatVersion),
                                 hint: loc(.sessionUpdateNnlabHint))
            }
        }
        guard meta[K.model] != nil else {
            throw ShellError(loc(.sessionWeightsNoModel, file.path, K.model), hint: loc(.sessionWeightsNoModelHint))
        }
        func decode<T: Decodable>(_ type: T.Type, _ key: String) throws(ShellError) -> T? {
            guard let text = meta[key] else { return nil }
            let decoder = JSONDecoder()
            decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            do { return try decoder.decode(T.self, from: Data(text.utf8)) } catch {
                throw bad(.sessionMetaInvalid, key, String(describing: error).prefix(120))
            }
        }
        guard let model = try decode(ModelSpec.self, K.model) else { throw bad(.sessionMetaMissing, K.model) }
        self.model = model
        if let w = meta[K.inputWidth] {
            guard let v = Int(w), v > 0 else { throw bad(.sessionMetaNotWidth, K.inputWidth, w) }
            inputWidth = v
        }
        optimizerSpec = try decode(OptimizerSpec.self, K.optimizer)
        if let s = meta[K.optimizerStep] {
            guard let v = Int(s), v >= 0 else { throw bad(.sessionMetaNotStep, K.optimizerStep, s) }
            optimizerStep = v
        }
        if let s = meta[K.seed] {
            guard let v = UInt64(s) else { throw bad(.sessionMetaNotSeed, K.seed, s) }
            seed = v
        }
        if let g = meta[K.generator] {
            let words = g.split(separator: " ").compactMap { UInt64($0, radix: 16) }
            guard words.count == 4, g.split(separator: " ").count == 4, words.contains(where: { $0 != 0 }) else {
                throw bad(.sessionMetaGenerator, K.generator, g.prefix(80))
            }
            generatorState = words
        }
        defaults = try decode(TrainingOptions.self, K.defaults)
        language = meta[K.language].flatMap(Language.init(rawValue:))
        runs = (try decode([RunRecord].self, K.runs) ?? []).map(\.run)
        try checkRanges()
    }

    /// The file's tensors matched against `network`: every parameter present with its shape, no
    /// tensor left over, optimizer slots complete or absent. Returns copies of the values.
    func fit(to network: Network?, optimizerSpec spec: OptimizerSpec) throws(ShellError) -> (parameters: [String: Matrix], optimizer: OptimizerState?) {
        let path = file.path
        let hint = loc(.sessionOtherModelHint)
        guard let network else {
            if let first = file.tensors.first {
                throw ShellError(loc(.sessionWeightsIncomplete, path, first.name), hint: hint)
            }
            return ([:], nil)
        }
        var parameters: [String: Matrix] = [:]
        var used = Set<String>()
        /// The tensor `name` for the parameter `p` (or, given `slot`, the optimizer's slot of it).
        func expect(_ name: String, like p: Parameter, slot: String? = nil) throws(ShellError) -> Matrix {
            let wanted = SessionWeights.shape(forParameter: p.name, p.value)
            guard let info = file.tensor(name) else {
                let missing = slot.map { loc(.sessionTensorMissingSlot, path, name, spec.kind.rawValue, $0, p.name, wanted) }
                    ?? loc(.sessionTensorMissing, path, name, wanted)
                throw ShellError(missing, hint: hint)
            }
            let fits = info.shape == wanted || info.shape == [p.value.rows, p.value.cols]
            guard fits else {
                throw ShellError(loc(.sessionTensorShape, path, name, info.shape, wanted), hint: hint)
            }
            used.insert(name)
            let values: [Float]
            do { values = try file.floats(name) } catch {
                throw ShellError(loc(.sessionWeightsUnreadable, error.localized), hint: hint)
            }
            if let bad = values.firstIndex(where: { !$0.isFinite }) {
                throw ShellError(loc(.sessionTensorNotFinite, path, name, values[bad], bad), hint: loc(.sessionWeightsDamagedHint))
            }
            return Matrix(rows: p.value.rows, cols: p.value.cols, values: values)
        }
        for p in network.parameters {
            parameters[p.name] = try expect(p.name, like: p)
        }
        let slotNames = Optimizer(spec).slotNames
        let slotTensors = file.tensors.filter { $0.name.hasPrefix(SessionWeights.slotPrefix) }
        var optimizer: OptimizerState?
        if !slotTensors.isEmpty {
            guard let step = optimizerStep else {
                throw ShellError(loc(.sessionSlotsNoStep, path, SessionWeights.Key.optimizerStep), hint: loc(.sessionFileDamagedHint))
            }
            var slots: [String: [String: Matrix]] = [:]
            for p in network.parameters {
                for slot in slotNames {
                    slots[p.name, default: [:]][slot] = try expect(SessionWeights.slotPrefix + p.name + "." + slot, like: p, slot: slot)
                }
            }
            optimizer = OptimizerState(step: step, slots: slots)
        }
        if let extra = file.tensors.first(where: { !used.contains($0.name) }) {
            throw ShellError(loc(.sessionTensorExtra, path, extra.name, extra.shape), hint: hint)
        }
        return (parameters, optimizer)
    }
}
