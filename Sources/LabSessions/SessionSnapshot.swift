// SessionSnapshot: a lab's restorable state, copied out of one lab and put into another.
//
// `load` builds one from a session's files, recovery and `replay` take one from a lab that ran
// the commands, and `install` puts it into the learner's lab in one go. Everything that can fail
// (reading, checking shapes, loading data) happens before a snapshot exists, so installing one
// cannot leave a lab half-changed. Weights, optimizer slots and the generator are copied exactly,
// so training continues bit-identically from where the snapshot was taken.

import LabCore
import LabText
import NNCore
import NNData
import NNEngine

/// An optimizer's per-parameter slots (Adam's m and v) and its step count.
struct OptimizerState {
    var step: Int
    /// Parameter name -> slot name -> values.
    var slots: [String: [String: Matrix]]
}

/// The state a session restores.
struct SessionSnapshot {
    var data: LoadedDataSet?
    var dataCommand: String?
    var model: ModelSpec
    /// Parameter values by name, for the network the model builds on `data`.
    var parameters: [String: Matrix]
    /// Parameter names in the network's order (the order files list them in).
    var parameterNames: [String]
    var optimizerSpec: OptimizerSpec
    var optimizerState: OptimizerState?
    var seed: UInt64
    var generatorState: [UInt64]
    var defaults: TrainingOptions
    var language: Language
    var runs: [Run]
    var lastEvaluation: (split: Split, evaluation: Evaluation)?
    var modelOrigin: ModelOrigin
    var journal: [JournalEntry]
    var journalSeed: UInt64

    /// A copy of `lab`'s state (weights and optimizer slots copied, not shared).
    init(of lab: Lab) {
        data = lab.data
        dataCommand = lab.dataCommand
        model = lab.model
        parameters = [:]
        for p in lab.network?.parameters ?? [] { parameters[p.name] = p.value.clone() }
        parameterNames = lab.network?.parameters.map(\.name) ?? []
        optimizerSpec = lab.optimizerSpec
        if let o = lab.liveOptimizer, o.stepCount > 0, let net = lab.network {
            var slots: [String: [String: Matrix]] = [:]
            for p in net.parameters {
                let state = o.state(of: p)
                if !state.isEmpty { slots[p.name] = state.mapValues { $0.clone() } }
            }
            optimizerState = slots.isEmpty ? nil : OptimizerState(step: o.stepCount, slots: slots)
        }
        seed = lab.seed
        generatorState = lab.generator.state
        defaults = lab.settings.defaults
        language = lab.settings.language
        runs = lab.results.runs
        lastEvaluation = lab.results.lastEvaluation
        modelOrigin = lab.results.modelOrigin
        journal = lab.session.journal
        journalSeed = lab.session.journalSeed ?? lab.seed
    }

    /// A snapshot assembled from a session's files (see SessionStore).
    init(data: LoadedDataSet?, dataCommand: String?, model: ModelSpec, parameters: [String: Matrix],
         parameterNames: [String], optimizerSpec: OptimizerSpec, optimizerState: OptimizerState?, seed: UInt64, generatorState: [UInt64],
         defaults: TrainingOptions, language: Language, runs: [Run], journal: [JournalEntry], journalSeed: UInt64) {
        self.data = data
        self.dataCommand = dataCommand
        self.model = model
        self.parameters = parameters
        self.parameterNames = parameterNames
        self.optimizerSpec = optimizerSpec
        self.optimizerState = optimizerState
        self.seed = seed
        self.generatorState = generatorState
        self.defaults = defaults
        self.language = language
        self.runs = runs
        self.lastEvaluation = nil
        modelOrigin = .loaded
        self.journal = journal
        self.journalSeed = journalSeed
    }

    /// Makes `lab` hold this state: data, model and weights, optimizer and its slots, seed and
    /// generator, defaults, runs and journal. The caller has checked that the model builds on the
    /// data and that `parameters` fit it (SessionWeights.fit); the lab's own console, paths,
    /// autosave and name are left to the caller.
    func install(into lab: Lab) {
        lab.clearModel()
        lab.setData(data, command: dataCommand)
        if model.layers.isEmpty {
            lab.setInitializer(model.initializer, layers: nil)
        } else {
            do { try lab.setModel(model) } catch {
                // Cannot happen after the caller's checks; say so rather than crash.
                lab.console.warn(loc(.sessionRestoredModelNoBuild, error.message))
            }
        }
        if let net = lab.network {
            for p in net.parameters {
                if let saved = parameters[p.name], saved.count == p.value.count { p.value.copy(from: saved) }
            }
        }
        lab.optimizerSpec = optimizerSpec
        lab.resetOptimizer()
        if let state = optimizerState, let net = lab.network {
            let optimizer = Optimizer(optimizerSpec)
            for p in net.parameters { optimizer.restore(step: state.step, state: state.slots[p.name] ?? [:], for: p) }
            lab.liveOptimizer = optimizer
        }
        lab.reseed(seed)
        if generatorState.count == 4, generatorState.contains(where: { $0 != 0 }) { lab.generator.state = generatorState }
        lab.settings.defaults = defaults
        lab.settings.language = language
        lab.results.runs = runs
        lab.results.lastEvaluation = lastEvaluation
        lab.results.modelOrigin = modelOrigin
        lab.results.ensemble = nil
        lab.results.lastEnsembleEvaluation = nil
        lab.resetJournal(journal)
        lab.session.journalSeed = journalSeed
    }
}
