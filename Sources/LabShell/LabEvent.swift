// LabEvent: what happened, in a form scripts and notebooks can read (`nnlab run --json` prints
// one JSON object per event, one per line).

import Foundation
import NNEngine

/// A machine-readable happening.
public enum LabEvent: Sendable, Equatable {
    case epoch(run: String, EpochReport)
    case evaluation(run: String?, split: String, Evaluation)
    case trainingEnded(run: String, outcome: String)
    case ensemble(EnsembleEvaluation)
    case error(command: String, message: String, file: String?, line: Int?)

    /// One line of JSON.
    public var json: String {
        var o: [String: Any] = [:]
        switch self {
        case .epoch(let run, let e):
            o = ["event": "epoch", "run": run, "epoch": e.epoch, "cost": Double(e.cost), "train_accuracy": Double(e.trainAccuracy),
                 "seconds": e.seconds]
            if let v = e.validationAccuracy { o["validation_accuracy"] = Double(v) }
            if let v = e.validationCost { o["validation_cost"] = Double(v) }
        case .evaluation(let run, let split, let e):
            o = ["event": "evaluation", "split": split, "accuracy": Double(e.accuracy), "cost": Double(e.cost), "count": e.count]
            if let run { o["run"] = run }
        case .trainingEnded(let run, let outcome):
            o = ["event": "training_ended", "run": run, "outcome": outcome]
        case .ensemble(let e):
            o = ["event": "ensemble", "members": e.memberAccuracies.map(Double.init), "accuracy": Double(e.accuracy),
                 "gain_over_best": Double(e.gainOverBest)]
        case .error(let command, let message, let file, let line):
            o = ["event": "error", "command": command, "message": message]
            if let file { o["file"] = file }
            if let line { o["line"] = line }
        }
        let data = (try? JSONSerialization.data(withJSONObject: o, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
