// Run: one training run of the session, with its settings, its figures and its evaluations.
// `train`, `sweep` and `ensemble train` make them; `runs`, `plot`, `compare`, sessions and lessons read them.

import NNData
import NNEngine

/// One training run of the session: its settings and what it produced.
public struct Run: Sendable {
    public let name: String
    /// The recipe in one line: layers, initializer, optimizer, batch, keep_prob.
    public let recipe: String
    public let options: TrainingOptions
    public var result: TrainingResult
    /// The latest evaluation of each split made after this run.
    public var evaluations: [Split: Evaluation] = [:]
    /// The split evaluated last (its figures are the run's "latest eval").
    public var lastEvaluatedSplit: Split?
    /// Set for runs that trained a network of their own ("sweep init", "ensemble"), not the lab's:
    /// `eval` then measures the lab's network and does not credit these runs with it.
    public var comparison: String?
    /// The model and optimizer the run trained, and the data set's name (nil for runs restored
    /// from a saved session): `grads` and the lesson checks read what a run was, not its name.
    public var model: ModelSpec? = nil
    public var optimizer: OptimizerSpec? = nil
    public var dataName: String? = nil

    package init(name: String, recipe: String, options: TrainingOptions, result: TrainingResult,
                 evaluations: [Split: Evaluation] = [:], comparison: String? = nil,
                 model: ModelSpec? = nil, optimizer: OptimizerSpec? = nil, dataName: String? = nil) {
        self.name = name
        self.recipe = recipe
        self.options = options
        self.result = result
        self.evaluations = evaluations
        self.comparison = comparison
        self.model = model
        self.optimizer = optimizer
        self.dataName = dataName
    }

    /// The run's latest evaluation, if any.
    public var latestEvaluation: (split: Split, evaluation: Evaluation)? {
        lastEvaluatedSplit.flatMap { split in evaluations[split].map { (split, $0) } }
    }
}
