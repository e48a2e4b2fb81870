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

    /// One line of JSON, keys sorted.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Every field is a string, an integer or a finite-or-not Double; non-finite values are
        // written as strings ("nan") rather than failing.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let data = (try? encoder.encode(EventRecord(self))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// The JSON form of a LabEvent: one flat object whose absent fields are left out.
private struct EventRecord: Encodable {
    var event: String
    package var run: String?
    package var epoch: Int?
    var cost: Double?
    var trainAccuracy: Double?
    var validationAccuracy: Double?
    var validationCost: Double?
    var seconds: Double?
    var split: String?
    var accuracy: Double?
    var count: Int?
    var outcome: String?
    var members: [Double]?
    var gainOverBest: Double?
    var command: String?
    package var message: String?
    var file: String?
    package var line: Int?

    enum CodingKeys: String, CodingKey {
        case event, run, epoch, cost, seconds, split, accuracy, count, outcome, members, command, message, file, line
        case trainAccuracy = "train_accuracy"
        case validationAccuracy = "validation_accuracy"
        case validationCost = "validation_cost"
        case gainOverBest = "gain_over_best"
    }

    init(_ event: LabEvent) {
        switch event {
        case .epoch(let run, let e):
            self.event = "epoch"
            self.run = run
            epoch = e.epoch
            cost = Double(e.cost)
            trainAccuracy = Double(e.trainAccuracy)
            validationAccuracy = e.validationAccuracy.map(Double.init)
            validationCost = e.validationCost.map(Double.init)
            seconds = e.seconds
        case .evaluation(let run, let split, let e):
            self.event = "evaluation"
            self.run = run
            self.split = split
            accuracy = Double(e.accuracy)
            cost = Double(e.cost)
            count = e.count
        case .trainingEnded(let run, let outcome):
            self.event = "training_ended"
            self.run = run
            self.outcome = outcome
        case .ensemble(let e):
            self.event = "ensemble"
            members = e.memberAccuracies.map(Double.init)
            accuracy = Double(e.accuracy)
            gainOverBest = Double(e.gainOverBest)
        case .error(let command, let message, let file, let line):
            self.event = "error"
            self.command = command
            self.message = message
            self.file = file
            self.line = line
        }
    }
}
