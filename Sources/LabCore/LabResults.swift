// LabResults: what has happened in the lab: the training runs, how the current weights came to
// be (and the models before recent changes, for `undo`), and the latest evaluations of the network and of the ensemble. Commands add to it; `runs`,
// `compare`, `plot`, lessons and sessions read it.

import NNData
import NNEngine

/// The lab's results so far.
public struct LabResults {
    /// The training runs of this session, oldest first.
    public var runs: [Run] = []
    /// How the current weights came to be (for `eval`'s note on an untrained model).
    public var modelOrigin = ModelOrigin.drawn
    /// The models before each recent model change, for `undo` (ModelUndo.swift).
    package var modelUndo = ModelUndoStack()
    /// The latest `eval`.
    public var lastEvaluation: (split: Split, evaluation: Evaluation)?
    /// The members of the latest `ensemble train`.
    public var ensemble: Ensemble?
    /// The latest `ensemble eval`.
    public var lastEnsembleEvaluation: EnsembleEvaluation?

    public init() {}
}
