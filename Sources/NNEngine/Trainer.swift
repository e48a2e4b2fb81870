// Trainer: mini-batch training with events, a stop flag and divergence detection.
//
// The trainer never prints. It reports what happens through `TrainingEvent`s and the shell decides
// how to show them. Each epoch reshuffles the training examples with the session's generator, which
// also draws the dropout masks, so a replay repeats every number. Between batches it polls
// `shouldStop` (Ctrl-C) and stops at the last completed batch. A cost that is not finite stops
// training before that batch's update is applied.

/// How to train: epochs, batch size and per-run overrides.
public struct TrainingOptions: Sendable, Equatable, Codable {
    public var epochs: Int
    public var batchSize: Int
    /// When set, replaces the optimizer's learning rate for this run.
    public var learningRate: Float?
    /// When set, every dropout layer keeps units with this probability for this run.
    public var keepProb: Float?
    /// Reshuffle the examples every epoch (on by default).
    public var shuffle: Bool

    public init(epochs: Int = 15, batchSize: Int = 100, learningRate: Float? = nil, keepProb: Float? = nil,
                shuffle: Bool = true) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.keepProb = keepProb
        self.shuffle = shuffle
    }
}

/// Progress within an epoch.
public struct BatchReport: Sendable {
    public let epoch: Int              // 1-based
    public let epochs: Int
    public let batch: Int              // 1-based within the epoch
    public let batchesPerEpoch: Int
    public let cost: Float             // this batch's cost
    public let runningCost: Float      // mean over the epoch so far
    public let samplesPerSecond: Double
    /// Seconds left in the whole run, estimated from the speed so far.
    public let secondsLeft: Double
}

/// The figures of one finished epoch.
public struct EpochReport: Sendable, Codable, Equatable {
    public let epoch: Int
    /// Mean training cost over the epoch's batches.
    public let cost: Float
    /// Accuracy over the epoch's batches, as the network saw them while training (dropout on).
    public let trainAccuracy: Float
    public let validationAccuracy: Float?
    public let validationCost: Float?
    public let seconds: Double
    /// Per-layer gradient sizes averaged over the epoch.
    public let gradients: [LayerGradient]
}

/// Why training ended.
public enum TrainingOutcome: Sendable, Equatable {
    case completed
    /// The stop flag was raised; the model holds the weights after `batch` of `epoch`.
    case stopped(epoch: Int, batch: Int)
    /// The cost stopped being a number.
    case diverged(epoch: Int, batch: Int, message: String)
}

/// Something the shell may want to show.
public enum TrainingEvent: Sendable {
    case started(epochs: Int, batchesPerEpoch: Int, samples: Int)
    case batch(BatchReport)
    case epoch(EpochReport)
    case finished(TrainingOutcome)
}

/// Everything a run produced.
public struct TrainingResult: Sendable {
    public var epochs: [EpochReport] = []
    /// The batches' costs, in bounded memory (for per-N-batch charts): every batch's cost while
    /// the run is short, means of blocks of batches once it is long.
    public var costs = CostSeries()
    /// The points of `costs`: every batch's cost for a run of up to `CostSeries.defaultCapacity` batches.
    public var batchCosts: [Float] { costs.means }
    /// The last step's per-layer gradient sizes.
    public var lastStepGradients: [LayerGradient] = []
    /// The first step's per-layer gradient sizes: how the gradients flowed through the net as it
    /// was before any learning, the point at which a vanishing gradient is judged (late in a
    /// run every gradient is small because the net has learned).
    public var firstStepGradients: [LayerGradient] = []
    public var outcome: TrainingOutcome = .completed

    /// An empty result (for a run restored from a saved session).
    public init() {}

    /// Epoch reports kept at most; past that, every other older report is dropped (the first and
    /// the last always stay), so a run's memory does not grow with its length.
    public static let epochLimit = 16_384

    /// Appends `report`, thinning older reports when there are `epochLimit` of them.
    mutating func keep(_ report: EpochReport) {
        epochs.append(report)
        guard epochs.count > TrainingResult.epochLimit else { return }
        let last = epochs.removeLast()
        epochs = epochs.enumerated().filter { $0.offset % 2 == 0 }.map(\.element) + [last]
    }
}

/// Trains a network on labelled data.
public final class Trainer {
    public let network: Network
    public let optimizer: Optimizer
    public let generator: SeededGenerator

    public init(network: Network, optimizer: Optimizer, generator: SeededGenerator) {
        self.network = network
        self.optimizer = optimizer
        self.generator = generator
    }

    /// Runs `options.epochs` epochs over `data`, evaluating on `validation` after each.
    public func train(on data: LabeledData, validation: LabeledData? = nil, options: TrainingOptions,
                      shouldStop: () -> Bool = { false },
                      onEvent: (TrainingEvent) -> Void = { _ in }) -> TrainingResult {
        precondition(data.featureCount == network.inputWidth,
                     "train: data has \(data.featureCount) features, the model expects \(network.inputWidth)")
        precondition(options.batchSize > 0 && options.epochs >= 0, "train: batch \(options.batchSize), epochs \(options.epochs)")
        let n = data.count, b = min(options.batchSize, max(n, 1))
        let batches = (n + b - 1) / b
        var result = TrainingResult()

        // Everything the loop touches is allocated here, once.
        let x = Matrix(rows: b, cols: data.featureCount)
        var labels = [Int32](repeating: 0, count: b)
        var order = (0..<Int32(n)).map { $0 }
        let params = network.parameters
        network.reserve(batch: b)
        optimizer.prepare(params)
        let stats = GradientStats(network: network)
        // Gradient sizes cost a pass over every weight: sample about 50 steps per epoch (every step
        // when an epoch is short), always including the epoch's last step.
        let statsInterval = max(1, batches / GradientStats.samplesPerEpoch)
        let savedRate = optimizer.learningRate
        if let lr = options.learningRate { optimizer.learningRate = lr }
        defer { optimizer.learningRate = savedRate }
        let context = ForwardContext(mode: .training, generator: generator, keepProbOverride: options.keepProb)

        onEvent(.started(epochs: options.epochs, batchesPerEpoch: batches, samples: n))
        let clock = ContinuousClock()
        let runStart = clock.now
        var samplesDone = 0
        outer: for epoch in 1...max(options.epochs, 1) where options.epochs > 0 {
            let epochStart = clock.now
            if options.shuffle { order.withUnsafeMutableBufferPointer { generator.shuffle($0) } }
            var costSum: Double = 0, correct = 0, seen = 0
            for batch in 0..<batches {
                let lo = batch * b, hi = min(lo + b, n)
                let (cost, right) = order.withUnsafeBufferPointer { all in
                    labels.withUnsafeMutableBufferPointer { lab in
                        data.fillBatch(UnsafeBufferPointer(rebasing: all[lo..<hi]), features: x, labels: lab)
                        return network.trainStep(x, labels: UnsafeBufferPointer(lab), context: context)
                    }
                }
                guard cost.isFinite else {
                    let message = "the cost became \(cost.isNaN ? "NaN" : "infinite") at epoch \(epoch), batch \(batch + 1): "
                        + "the steps are too large for this model; try a smaller learning rate (now \(optimizer.learningRate))"
                    result.outcome = .diverged(epoch: epoch, batch: batch + 1, message: message)
                    break outer
                }
                optimizer.step(params)
                if batch % statsInterval == 0 || batch == batches - 1 {
                    stats.record()
                    if result.firstStepGradients.isEmpty { result.firstStepGradients = stats.lastStep }
                }
                costSum += Double(cost) * Double(hi - lo)
                correct += right
                seen += hi - lo
                samplesDone += hi - lo
                result.costs.append(cost)
                let elapsed = seconds(clock.now - runStart)
                let rate = Double(samplesDone) / max(elapsed, 1e-9)
                let left = Double(options.epochs * n - samplesDone) / max(rate, 1e-9)
                onEvent(.batch(BatchReport(epoch: epoch, epochs: options.epochs, batch: batch + 1, batchesPerEpoch: batches,
                                           cost: cost, runningCost: Float(costSum / Double(seen)),
                                           samplesPerSecond: rate, secondsLeft: left)))
                if shouldStop() {
                    result.outcome = .stopped(epoch: epoch, batch: batch + 1)
                    break outer
                }
            }
            var validationAccuracy: Float?, validationCost: Float?
            if let validation, validation.count > 0 {
                let e = Evaluator.evaluate(network, on: validation)
                validationAccuracy = e.accuracy
                validationCost = e.cost
            }
            let report = EpochReport(epoch: epoch, cost: Float(costSum / Double(max(seen, 1))),
                                     trainAccuracy: Float(correct) / Float(max(seen, 1)),
                                     validationAccuracy: validationAccuracy, validationCost: validationCost,
                                     seconds: seconds(clock.now - epochStart), gradients: stats.takeAverage())
            result.keep(report)
            onEvent(.epoch(report))
        }
        result.lastStepGradients = stats.lastStep
        onEvent(.finished(result.outcome))
        return result
    }
}

/// A Duration in seconds, as a Double.
@inline(__always) func seconds(_ d: Duration) -> Double {
    let c = d.components
    return Double(c.seconds) + Double(c.attoseconds) * 1e-18
}
