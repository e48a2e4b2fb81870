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
import NNData
import NNEngine

/// One learner's session.
public final class Lab {
    public let console: Console
    public let paths: LabPaths
    /// Polled between batches: true when the learner pressed Ctrl-C.
    public var shouldStop: () -> Bool = { false }

    // MARK: What the learner built
    public private(set) var seed: UInt64 = Lab.defaultSeed
    public private(set) var generator = SeededGenerator(seed: Lab.defaultSeed)
    public var data: LoadedDataSet?
    /// The `data load` words that loaded `data` (for session headers and `data info`).
    public var dataCommand: String?
    public private(set) var model = ModelSpec()
    /// The model made real for the loaded data (nil until data and a complete model exist).
    public private(set) var network: Network?
    /// The last network that could be built: its weights carry over when the model changes.
    private var lastNetwork: Network?
    public var optimizerSpec = OptimizerSpec(.adam)
    /// The optimizer with its state (Adam's moments) for the current network.
    var liveOptimizer: Optimizer?
    /// Training defaults, language, fast mode, downloads (LabSettings.swift).
    public var settings = LabSettings()

    // MARK: What happened
    /// Runs, evaluations and how the weights came to be (LabResults.swift).
    public var results = LabResults()
    /// TensorBoard logging, while `tensorboard DIR` is on.
    var tensorboard: TensorBoardLog?
    /// The models before each recent model change, for `undo` (ModelUndo.swift).
    var modelUndo = ModelUndoStack()

    // MARK: The session on disk
    /// The journal of state-changing commands, the session's name and where it stands against
    /// saved files and the autosave (SessionState.swift).
    public var session = SessionState()

    public static let defaultSeed: UInt64 = 777
    /// The largest model the lab builds (50 million weights, 200 MB): a typo such as
    /// `layer add dense 100000 relu` must be refused, not exhaust the machine's memory.
    public static let maximumParameters = 50_000_000

    public init(console: Console, paths: LabPaths) {
        self.console = console
        self.paths = paths
    }

    // MARK: - Seed

    /// Starts the generator afresh from `seed`.
    public func reseed(_ seed: UInt64) {
        self.seed = seed
        generator = SeededGenerator(seed: seed)
    }

    // MARK: - Model

    /// Replaces the model and rebuilds the network, keeping the weights of layers whose name and
    /// shape did not change and drawing new ones for the rest (in node order). `fresh` names
    /// layers that must be redrawn even if they match. Throws (changing nothing) when the model
    /// does not fit the loaded data.
    public func setModel(_ spec: ModelSpec, fresh: Set<String> = []) throws(ShellError) {
        if let data {
            let nodes: [ResolvedNode]
            do {
                nodes = try spec.resolve(inputWidth: data.featureCount, allowDangling: true)
            } catch {
                throw ShellError(error.description, hint: hint(for: error))
            }
            let total = nodes.reduce(0) { $0 + $1.parameterCount }
            guard total <= Lab.maximumParameters else {
                throw ShellError("that model would hold \(NumberFormat.grouped(total)) weights (\(NumberFormat.grouped(total * 4 / 1_000_000)) MB), more than the lab's limit of \(NumberFormat.grouped(Lab.maximumParameters))",
                                 hint: "use fewer units per layer")
            }
        } else if !spec.layers.isEmpty {
            // Without data the input width is unknown; check what can be checked.
            do { _ = try spec.resolve(inputWidth: 1, allowDangling: true, checkWidths: false) } catch {
                throw ShellError(error.description, hint: hint(for: error))
            }
        }
        model = spec
        rebuild(fresh: fresh)
    }

    /// Builds the network for the loaded data when the model is complete.
    func rebuild(fresh: Set<String> = []) {
        guard let data, !model.layers.isEmpty,
              let net = try? Network(spec: model, inputWidth: data.featureCount) else {
            network = nil
            return
        }
        let copied = Set(lastNetwork.map { net.adoptParameters(from: $0) } ?? [])
        for (i, layer) in net.layers.enumerated() where !layer.parameters.isEmpty {
            let adopted = layer.parameters.allSatisfy { copied.contains($0.name) }
            if !adopted || fresh.contains(layer.name) {
                net.initialize(layer: i, with: model.initializer(ofLayer: i), generator: generator)
            }
        }
        network = net
        lastNetwork = net
        liveOptimizer = nil
    }

    /// Forgets the model and its weights.
    public func clearModel() {
        model = ModelSpec(initializer: model.initializer)
        network = nil
        lastNetwork = nil
        liveOptimizer = nil
    }

    /// Puts back a model kept by `undo` (ModelUndo.swift): its spec, weights and origin.
    func restore(_ snapshot: ModelSnapshot) {
        model = snapshot.model
        network = snapshot.weights
        lastNetwork = snapshot.weights
        liveOptimizer = nil
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
    func setInitializer(_ choice: InitializerChoice, layers indices: [Int]?) {
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
            throw ShellError(error.description, hint: hint(for: error))
        }
        throw ShellError("the model cannot be built for this data", hint: "check it with `model show`")
    }

    /// The loaded data, or an error saying how to load some.
    public func requireData() throws(ShellError) -> LoadedDataSet {
        guard let data else { throw ShellError(loc(.noData), hint: loc(.noDataHint)) }
        return data
    }

    /// The optimizer for the current network, created on first use and kept between runs.
    func optimizer(for network: Network) -> Optimizer {
        if let liveOptimizer { return liveOptimizer }
        let o = Optimizer(optimizerSpec)
        liveOptimizer = o
        return o
    }

    /// Forgets the optimizer's state (after `optimizer` or `init`).
    func resetOptimizer() { liveOptimizer = nil }

    private func hint(for error: ModelError) -> String {
        switch error {
        case .dangling: "every branch must lead to the output; `model show` draws the graph"
        case .widthMismatch: "make both paths the same width, or use `layer add concat`"
        case .unknownInput, .cycle: "name an earlier layer (see `model show`), or `input`"
        default: "see `model show` and `help layer`"
        }
    }

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
    func resetJournal(_ entries: [JournalEntry] = []) {
        session.journal = entries
        session.pendingFigures = []
    }

    /// Back to a fresh session: no data, no model, default settings, empty journal.
    public func reset() {
        reseed(Lab.defaultSeed)
        data = nil
        dataCommand = nil
        clearModel()
        model = ModelSpec()
        optimizerSpec = OptimizerSpec(.adam)
        settings.defaults = TrainingOptions()
        results = LabResults()
        modelUndo.clear()
        resetJournal()
        session.hasUnsavedWork = false
        session.name = nil
    }
}
