// RunRecord: a training run as saved in a session's weights file, so `runs` and plots still
// show it after `load`, and a later `train as NAME` cannot reuse a name the session used.
//
// Long runs are thinned to keep the file's header small (the XOR lesson trains 10,000 epochs of a
// 10-layer net, and every epoch carries per-layer gradient sizes): at most `epochLimit` epochs and
// `batchCostLimit` batch costs are kept, evenly spaced, always with the first and the last.

import NNEngine

/// A run as stored in `nnlab.runs`.
struct RunRecord: Codable {
    static let epochLimit = 200
    static let batchCostLimit = 2_000

    var name: String
    var recipe: String
    var options: TrainingOptions
    /// "completed", "stopped" or "diverged".
    var outcome: String
    var outcomeEpoch: Int?
    var outcomeBatch: Int?
    var outcomeMessage: String?
    var epochs: [EpochReport]
    var batchCosts: [Float]
    var lastStepGradients: [LayerGradient]
    var evaluations: [String: Evaluation]

    init(_ run: Run) {
        name = run.name
        recipe = run.recipe
        options = run.options
        switch run.result.outcome {
        case .completed: outcome = "completed"
        case .stopped(let e, let b): outcome = "stopped"; outcomeEpoch = e; outcomeBatch = b
        case .diverged(let e, let b, let m): outcome = "diverged"; outcomeEpoch = e; outcomeBatch = b; outcomeMessage = m
        }
        epochs = RunRecord.thinned(run.result.epochs, to: RunRecord.epochLimit)
        batchCosts = RunRecord.thinned(run.result.batchCosts, to: RunRecord.batchCostLimit)
        lastStepGradients = run.result.lastStepGradients
        evaluations = run.evaluations
    }

    /// The run again (thinned as saved).
    var run: Run {
        var result = TrainingResult()
        result.epochs = epochs
        result.batchCosts = batchCosts
        result.lastStepGradients = lastStepGradients
        switch outcome {
        case "stopped": result.outcome = .stopped(epoch: outcomeEpoch ?? 0, batch: outcomeBatch ?? 0)
        case "diverged": result.outcome = .diverged(epoch: outcomeEpoch ?? 0, batch: outcomeBatch ?? 0, message: outcomeMessage ?? "")
        default: result.outcome = .completed
        }
        return Run(name: name, recipe: recipe, options: options, result: result, evaluations: evaluations)
    }

    /// At most `limit` elements, evenly spaced, keeping the first and the last.
    static func thinned<T>(_ values: [T], to limit: Int) -> [T] {
        guard values.count > limit, limit >= 2 else { return values }
        let step = Double(values.count - 1) / Double(limit - 1)
        return (0..<limit).map { values[Int((Double($0) * step).rounded())] }
    }
}
