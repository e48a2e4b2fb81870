// Lab: the state of one learner's session and the few operations every command shares.
//
// The lab holds what the learner built (data, model, initializers, optimizer, seed), its settings
// (LabSettings: training defaults, language), what happened (LabResults: runs, evaluations) and
// its session on disk (SessionState: the journal a saved session replays). The REPL's own state
// (prompt, quit, typed history, the running lesson) is the shell's: ShellState. Commands read and
// change the lab; it never prints by itself except through its console. Everything random draws
// from `generator`, seeded by `seed N`.

import Foundation
import LabKit
import LabText
import NNData
import NNEngine

/// One learner's session.
public final class Lab {
    public let console: Console
    public let paths: LabPaths
    /// Polled between batches: true when the learner pressed Ctrl-C.
    public var shouldStop: () -> Bool = { false }

    // MARK: What the learner built
    /// Every random draw of the session comes from here (`seed N` starts it afresh).
    public private(set) var generator = SeededGenerator(seed: Lab.defaultSeed)
    /// The loaded data set, with the `data load` words that loaded it (for headers and `data info`).
    public private(set) var loaded: (data: LoadedDataSet, command: String?)?
    public private(set) var model = ModelSpec()
    /// The model made real for the loaded data (see `Built`).
    private var built = Built()
    public var optimizerSpec = OptimizerSpec(.adam)
    /// Training defaults, language, fast mode, downloads (LabSettings.swift).
    public var settings = LabSettings()

    // MARK: What happened
    /// Runs, evaluations and how the weights came to be (LabResults.swift).
    public var results = LabResults()
    /// TensorBoard logging, while `tensorboard DIR` is on.
    package var tensorboard: TensorBoardLog?

    // MARK: The session on disk
    /// The journal of state-changing commands, the session's name and where it stands against
    /// saved files and the autosave (SessionState.swift).
    public var session = SessionState()

    public static let defaultSeed: UInt64 = 777
    /// The largest model the lab builds (50 million weights, 200 MB): a typo such as
    /// `layer add dense 100000 relu` must be refused, not exhaust the machine's memory. Checked by
    /// `Lab.checkSize` (ModelSize.swift) wherever a model's size becomes known.
    public static let maximumParameters = 50_000_000

    public init(console: Console, paths: LabPaths) {
        self.console = console
        self.paths = paths
    }

    // MARK: - Seed

    /// The seed the generator started from.
    public var seed: UInt64 { generator.seed }

    /// Starts the generator afresh from `seed`.
    public func reseed(_ seed: UInt64) {
        generator = SeededGenerator(seed: seed)
    }

    // MARK: - Data

    /// The loaded data set.
    public var data: LoadedDataSet? { loaded?.data }
    /// The `data load` words that loaded `data`.
    public var dataCommand: String? { loaded?.command }

    /// Replaces the data (nil: none); `rebuild()` then makes the network for it.
    public func setData(_ data: LoadedDataSet?, command: String?) {
        loaded = data.map { ($0, command) }
    }

    // MARK: - The network

    /// The network made real for the loaded data (nil until data and a complete model exist), the
    /// last network that could be built (its weights carry over when the model changes) and the
    /// optimizer with its state (Adam's moments) for the current network.
    private struct Built {
        var network: Network?
        var last: Network?
        var optimizer: Optimizer?
    }

    /// The model made real for the loaded data (nil until data and a complete model exist).
    public var network: Network? { built.network }
    /// The optimizer with its state for the current network, once a run has made one.
    package var liveOptimizer: Optimizer? {
        get { built.optimizer }
        set { built.optimizer = newValue }
    }

    // MARK: - Model

    /// Replaces the model and rebuilds the network, keeping the weights of layers whose name and
    /// shape did not change and drawing new ones for the rest (in node order). `fresh` names
    /// layers that must be redrawn even if they match. Throws (changing nothing) when the model
    /// does not fit the loaded data.
    public func setModel(_ spec: ModelSpec, fresh: Set<String> = []) throws(ShellError) {
        if let data {
            do { _ = try spec.resolve(inputWidth: data.featureCount, allowDangling: true) } catch {
                throw ShellError(error)
            }
            try Lab.checkSize(spec, inputWidth: data.featureCount)
        } else if !spec.layers.isEmpty {
            // Without data the input width is unknown; check what can be checked (the size on one input).
            do { _ = try spec.resolve(inputWidth: 1, allowDangling: true, checkWidths: false) } catch {
                throw ShellError(error)
            }
            try Lab.checkSize(spec, inputWidth: nil)
        }
        model = spec
        rebuild(fresh: fresh)
    }

    /// Builds the network for the loaded data when the model is complete.
    package func rebuild(fresh: Set<String> = []) {
        guard let data, !model.layers.isEmpty,
              let net = try? Network(spec: model, inputWidth: data.featureCount) else {
            built.network = nil
            return
        }
        let copied = Set(built.last.map { net.adoptParameters(from: $0) } ?? [])
        for (i, layer) in net.layers.enumerated() where !layer.parameters.isEmpty {
            let adopted = layer.parameters.allSatisfy { copied.contains($0.name) }
            if !adopted || fresh.contains(layer.name) {
                net.initialize(layer: i, with: model.initializer(ofLayer: i), generator: generator)
            }
        }
        built = Built(network: net, last: net, optimizer: nil)
    }

    /// Forgets the model and its weights.
    public func clearModel() {
        model = ModelSpec(initializer: model.initializer)
        built = Built()
    }

    /// Puts back a model kept by `undo` (ModelUndo.swift): its spec, weights and origin.
    package func restore(_ snapshot: ModelSnapshot) {
        model = snapshot.model
        built = Built(network: snapshot.weights, last: snapshot.weights, optimizer: nil)
        results.modelOrigin = snapshot.origin
        if network == nil { rebuild() }
    }

    /// Redraws the weights of every layer (or one) from the initializers of the model.
    public func reinitialize(layers indices: [Int]? = nil) {
        guard let net = network else { return }
        for i in indices ?? Array(net.layers.indices) {
            net.initialize(layer: i, with: model.initializer(ofLayer: i), generator: generator)
        }
        liveOptimizer = nil
    }

    /// Sets the model's initializer (all layers, or the layers at `indices`) without drawing.
    package func setInitializer(_ choice: InitializerChoice, layers indices: [Int]?) {
        if let indices {
            for i in indices { model.layers[i].initializer = choice }
        } else {
            model.initializer = choice
            for i in model.layers.indices { model.layers[i].initializer = nil }
        }
    }

    /// The network, or an error that says what is missing.
    public func requireNetwork() throws(ShellError) -> Network {
        guard data != nil else { throw ShellError(loc(.noData), hint: loc(.noDataHint)) }
        guard !model.layers.isEmpty else { throw ShellError(loc(.noLayers), hint: loc(.noLayersHint)) }
        if let network {
            // The output must have a unit per class (or one sigmoid unit for two classes).
            try checkOutputFits(network, data!)
            return network
        }
        do {
            _ = try model.resolve(inputWidth: data!.featureCount)
        } catch {
            throw ShellError(error)
        }
        throw ShellError(loc(.modelCannotBeBuilt), hint: loc(.checkWithModelShow))
    }

    /// The loaded data, or an error saying how to load some.
    public func requireData() throws(ShellError) -> LoadedDataSet {
        guard let data else { throw ShellError(loc(.noData), hint: loc(.noDataHint)) }
        return data
    }

    /// The optimizer for the current network, created on first use and kept between runs.
    package func optimizer(for network: Network) -> Optimizer {
        if let liveOptimizer { return liveOptimizer }
        let o = Optimizer(optimizerSpec)
        liveOptimizer = o
        return o
    }

    /// Forgets the optimizer's state (after `optimizer` or `init`).
    package func resetOptimizer() { liveOptimizer = nil }

    // MARK: - Journal

    /// Adds a figure line (an epoch's or an evaluation's numbers) to the running command's record.
    public func recordFigure(_ line: String) { session.pendingFigures.append(line) }

    /// Called by the shell when a state-changing command succeeded.
    func commit(_ line: String) {
        let entry = JournalEntry(command: line, figures: session.pendingFigures)
        session.pendingFigures = []
        if session.journal.isEmpty { session.journalSeed = seed }
        session.journal.append(entry)
        session.hasUnsavedWork = true
        session.onJournal?(entry)
    }

    /// Drops the figures of a command that failed.
    func discardPending() { session.pendingFigures = [] }

    /// Starts a new, empty journal (after `load`, or when the session is reset).
    package func resetJournal(_ entries: [JournalEntry] = []) {
        session.journal = entries
        session.pendingFigures = []
    }

    /// Back to a fresh session: no data, no model, default settings, empty journal.
    public func reset() {
        reseed(Lab.defaultSeed)
        loaded = nil
        clearModel()
        model = ModelSpec()
        optimizerSpec = OptimizerSpec(.adam)
        settings.defaults = TrainingOptions()
        results = LabResults()
        results.modelUndo.clear()
        resetJournal()
        session.hasUnsavedWork = false
        session.name = nil
    }
}

extension Lab {
    /// Refuses a network whose output cannot hold the data's labels (a 1-unit softmax, 5 units for
    /// 10 digits): the loss would index past the outputs. Said before anything trains or evaluates.
    public func checkOutputFits(_ network: Network, _ data: LoadedDataSet) throws(ShellError) {
        let units = network.outputWidth, classes = data.classCount
        let single = units == 1 && classes <= 2 && network.loss != .softmaxCrossEntropy
        guard single || (units > 1 && units >= classes) else {
            let last = model.layers[model.layers.count - 1].name
            let fix = classes == 2 ? "`dense 2 softmax` (or `dense 1 sigmoid`)" : "`dense \(classes) softmax`"
            throw ShellError(loc(.outputDoesNotFit, last, units, units == 1 ? "" : "s", data.info.name, classes)
                             + (units == 1 && classes == 2 ? loc(.oneUnitSigmoid) : ""),
                             hint: loc(.makeLastLayer, fix, model.layers.count, fix.dropFirst().prefix { $0 != "`" }))
        }
    }
}
