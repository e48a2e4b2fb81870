// RunRecord: a training run as saved in a session's weights file, so `runs` and plots still
// show it after `load`, and a later `train as NAME` cannot reuse a name the session used.
//
// Long runs are thinned to keep the file's header small (the XOR lesson trains 10,000 epochs of a
// 10-layer net, and every epoch carries per-layer gradient sizes): at most `epochLimit` epochs
// (with gradient sizes on at most `gradientEpochLimit` of them), evenly spaced, always with the
// first and the last; and at most `batchCostLimit` cost points, neighbouring points merged into
// means of blocks of batches (`batchCostBlock` batches each; absent in older files, whose points
// were picked, not merged).

import Foundation
import NNData
import NNEngine

/// A run as stored in `nnlab.runs`.
package struct RunRecord: Codable {
    static let epochLimit = 200
    static let gradientEpochLimit = 20
    static let batchCostLimit = 1_000

    package var name: String
    var recipe: String
    var options: TrainingOptions
    /// "completed", "stopped" or "diverged".
    var outcome: String
    var outcomeEpoch: Int?
    var outcomeBatch: Int?
    var outcomeMessage: String?
    var epochs: [StoredEpoch]
    var batchCosts: [Float]
    var batchCostBlock: Int?
    var lastStepGradients: [LayerGradient]
    /// Absent in sessions saved before it was recorded.
    var firstStepGradients: [LayerGradient]?
    var evaluations: [String: Evaluation]

    package init(_ run: Run) {
        name = run.name
        recipe = run.recipe
        options = run.options
        switch run.result.outcome {
        case .completed: outcome = "completed"
        case .stopped(let e, let b): outcome = "stopped"; outcomeEpoch = e; outcomeBatch = b
        case .diverged(let e, let b, let m): outcome = "diverged"; outcomeEpoch = e; outcomeBatch = b; outcomeMessage = m
        }
        let kept = RunRecord.thinned(run.result.epochs, to: RunRecord.epochLimit)
        let withGradients = Set(RunRecord.thinned(Array(kept.indices), to: RunRecord.gradientEpochLimit))
        epochs = kept.enumerated().map { StoredEpoch($1, gradients: withGradients.contains($0)) }
        let costs = run.result.costs.downsampled(toAtMost: RunRecord.batchCostLimit)
        batchCosts = costs.means
        batchCostBlock = costs.blockSize
        lastStepGradients = run.result.lastStepGradients
        firstStepGradients = run.result.firstStepGradients
        evaluations = Dictionary(uniqueKeysWithValues: run.evaluations.map { ($0.key.rawValue, $0.value) })
    }

    /// The run again (thinned as saved).
    package var run: Run {
        var result = TrainingResult()
        result.epochs = epochs.compactMap(\.report)
        // A block size from the file is bounded so that positions (points x block) stay countable.
        result.costs = CostSeries(means: batchCosts, blockSize: min(max(batchCostBlock ?? 1, 1), 1 << 40))
        result.lastStepGradients = lastStepGradients
        result.firstStepGradients = firstStepGradients ?? []
        switch outcome {
        case "stopped": result.outcome = .stopped(epoch: outcomeEpoch ?? 0, batch: outcomeBatch ?? 0)
        case "diverged": result.outcome = .diverged(epoch: outcomeEpoch ?? 0, batch: outcomeBatch ?? 0, message: outcomeMessage ?? "")
        default: result.outcome = .completed
        }
        let known = evaluations.compactMap { key, value in Split(rawValue: key).map { ($0, value) } }
        return Run(name: name, recipe: recipe, options: options, result: result, evaluations: Dictionary(uniqueKeysWithValues: known))
    }

    /// At most `limit` elements, evenly spaced, keeping the first and the last.
    static func thinned<T>(_ values: [T], to limit: Int) -> [T] {
        guard values.count > limit, limit >= 2 else { return values }
        let step = Double(values.count - 1) / Double(limit - 1)
        return (0..<limit).map { values[Int((Double($0) * step).rounded())] }
    }
}

/// An epoch's figures as stored: EpochReport's fields under EpochReport's keys, so that the stored
/// form decodes as an EpochReport (which has no public initializer, but is Codable).
struct StoredEpoch: Codable {
    package var epoch: Int
    var cost: Float
    var trainAccuracy: Float
    var validationAccuracy: Float?
    var validationCost: Float?
    var seconds: Double
    var gradients: [LayerGradient]

    init(_ e: EpochReport, gradients keep: Bool) {
        epoch = e.epoch
        cost = e.cost
        trainAccuracy = e.trainAccuracy
        validationAccuracy = e.validationAccuracy
        validationCost = e.validationCost
        seconds = e.seconds
        gradients = keep ? e.gradients : []
    }

    /// The epoch as the engine's report.
    package var report: EpochReport? {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        guard let data = try? encoder.encode(self) else { return nil }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try? decoder.decode(EpochReport.self, from: data)
    }
}
