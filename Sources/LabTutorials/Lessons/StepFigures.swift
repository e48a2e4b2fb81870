// StepFigures: what a step produced, condensed into the lesson's `measured:` lines: each run it
// trained (first and last cost, training and validation accuracy), each evaluation, each ensemble
// evaluation, and any per-layer gradient its expectations read. Built from the events the lab
// records while the step runs, and written in the lesson's language with the same numbers in
// every language.

import LabCore
import LabKit
import LabText
import NNData
import NNEngine

/// One measured figure of a step.
enum StepFigure: Equatable {
    /// `test` is the evaluation a sweep or an ensemble made of its own entry (a plain run's
    /// `eval` has a figure of its own).
    case run(name: String, firstCost: Float, cost: Float, train: Float, validation: Float?, test: (String, Float)?, epochs: Int, completed: Bool)
    case evaluation(split: String, accuracy: Float, cost: Float)
    case ensemble(accuracy: Float, bestMember: Float)
    case gradients([(String, Float)])

    static func == (a: StepFigure, b: StepFigure) -> Bool { a.text(language: .en) == b.text(language: .en) }

    /// The figure as the text of a `measured:` line.
    func text(language: Language) -> String {
        func say(_ key: Message, _ values: Any...) -> String { key.text(values, language: language) }
        let four: (Float) -> String = { NumberFormat.fourDecimals($0) }
        switch self {
        case let .run(name, first, cost, train, validation, test, epochs, completed):
            var s = say(.figRun, name, figureText(first), figureText(cost), four(train))
            if let validation { s += say(.figValidation, four(validation)) }
            if let (split, accuracy) = test { s += say(.figSplitAccuracy, Split(rawValue: split).map { say($0.message) } ?? split, four(accuracy)) }
            s += say(.figEpochs, epochs, epochs == 1 ? "" : "s")
            if !completed { s += say(.figStoppedEarly) }
            return s + ")"
        case let .evaluation(split, accuracy, cost):
            return say(.figEvaluation, split, four(accuracy), four(cost))
        case let .ensemble(accuracy, best):
            return say(.figEnsemble, four(accuracy), four(best))
        case .gradients(let pairs):
            return say(.figGradients, pairs.map { "\($0.0) \(figureText($0.1))" }.joined(separator: ", "))
        }
    }

    /// The figures of a step from the events recorded while it ran and the lab afterwards.
    static func collect(events: [LabEvent], lab: Lab, step: LessonStep, metrics: (MetricReference) -> Float?) -> [StepFigure] {
        var figures: [StepFigure] = []
        for event in events {
            switch event {
            case .trainingEnded(let name, let outcome):
                guard let run = lab.results.runs.last(where: { $0.name == name }), let first = run.result.epochs.first,
                      let last = run.result.epochs.last else { continue }
                let own = run.comparison == nil ? nil : run.latestEvaluation.map { ($0.split.rawValue, $0.evaluation.accuracy) }
                figures.append(.run(name: name, firstCost: first.cost, cost: last.cost, train: last.trainAccuracy,
                                    validation: last.validationAccuracy, test: own, epochs: last.epoch,
                                    completed: outcome == "completed"))
            case .evaluation(_, let split, let e):
                figures.append(.evaluation(split: split, accuracy: e.accuracy, cost: e.cost))
            case .ensemble(let e):
                figures.append(.ensemble(accuracy: e.accuracy, bestMember: e.bestMember))
            default:
                break
            }
        }
        // Gradients are not in any event: read the ones the step's expectations compare.
        var seen: [String] = []
        for e in step.expectations {
            var refs = [e.expectation.metric]
            if case .metric(let m, _, _) = e.expectation.value { refs.append(m) }
            for r in refs where r.name.hasPrefix("grad(") && !seen.contains(r.description) { seen.append(r.description) }
        }
        let pairs = seen.compactMap { d -> (String, Float)? in
            guard let ref = try? Expectation.reference(d), let v = metrics(ref) else { return nil }
            return (d, v)
        }
        if !pairs.isEmpty { figures.append(.gradients(pairs)) }
        return figures
    }
}
