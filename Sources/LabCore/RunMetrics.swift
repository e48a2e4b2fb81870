// RunMetrics: the figures a lesson can name in an expectation ("cost < 0.1", "gap > 0.05",
// "grad(1) < grad(-1) / 100"), read from what the session has recorded. Pure: nothing is trained
// or evaluated here, so checking an expectation never changes a number.
//
// Names (a run's figures are its last epoch's unless said otherwise):
//   cost                 mean training cost of the last epoch
//   first_cost           mean training cost of the first epoch
//   train_accuracy       training accuracy of the last epoch (dropout on, as the net saw it)
//   validation_accuracy  validation accuracy after the last epoch
//   eval_accuracy        accuracy of the latest `eval`
//   eval_cost            cost of the latest `eval`
//   gap                  train_accuracy - eval_accuracy (overfitting shows as a large gap)
//   validation_cost      validation cost after the last epoch
//   min_validation_cost  the lowest validation cost after any epoch (a last figure well above it:
//                        the net got worse on unseen data while it kept learning the training set)
//   logged_cost, logged_validation_accuracy
//                        the last epoch's figure as read back from the run's TensorBoard event
//                        files (`tensorboard DIR`): what TensorBoard will draw
//   grad(N)              mean |gradient| of the N-th layer with weights, averaged over the last
//                        epoch; N counts from 1, negative N from the end (grad(-1) is the output)
//   ensemble_accuracy    accuracy of the averaged ensemble at the latest `ensemble eval`
//   best_member          the best member's accuracy at that evaluation
//   ensemble_gain        ensemble_accuracy - best_member
// With `run` nil the figures are the session's latest: the last run, and the latest `eval` of
// the lab's own network. With a named run (`run(relu)` in a lesson), its own figures, and for
// eval_* and gap the latest evaluation credited to that run (a sweep entry's test evaluation).
// A figure that does not exist yet (no run, no eval, no such layer) is nil: the expectation
// fails with "not measured" instead of comparing a made-up number.
//
// Not here: parsing expectations or deciding pass/fail (the tutorial runner does that).

import LabKit
import Foundation
import NNEngine
import NNFormats

/// Every name `metric` knows, for lesson checks and error messages (`grad(N)` stands for any N).
public let metricNames = ["cost", "first_cost", "train_accuracy", "validation_accuracy", "eval_accuracy", "eval_cost",
                          "gap", "validation_cost", "min_validation_cost", "logged_cost", "logged_validation_accuracy", "grad(N)", "ensemble_accuracy", "best_member", "ensemble_gain"]

/// The figure called `name` for `run` (nil: the session's latest), or nil when it was not measured
/// or the name is unknown.
public func metric(_ name: String, run: Run?, lab: Lab) -> Float? {
    let subject = run ?? lab.results.runs.last
    let lastEpoch = subject?.result.epochs.last
    switch name {
    case "cost": return lastEpoch?.cost
    case "first_cost": return subject?.result.epochs.first?.cost
    case "train_accuracy": return lastEpoch?.trainAccuracy
    case "validation_accuracy": return lastEpoch?.validationAccuracy
    case "eval_accuracy": return latestEvaluation(run: run, lab: lab)?.accuracy
    case "eval_cost": return latestEvaluation(run: run, lab: lab)?.cost
    case "gap":
        guard let train = lastEpoch?.trainAccuracy, let eval = latestEvaluation(run: run, lab: lab)?.accuracy else { return nil }
        return train - eval
    case "validation_cost": return lastEpoch?.validationCost
    case "min_validation_cost": return subject?.result.epochs.compactMap(\.validationCost).min()
    case "logged_cost": return logged("cost", run: subject, lab: lab)
    case "logged_validation_accuracy": return logged("validation_accuracy", run: subject, lab: lab)
    case "ensemble_accuracy": return lab.results.lastEnsembleEvaluation?.accuracy
    case "best_member": return lab.results.lastEnsembleEvaluation.map(\.bestMember)
    case "ensemble_gain": return lab.results.lastEnsembleEvaluation.map(\.gainOverBest)
    default:
        guard let n = gradientLayerNumber(name), let subject else { return nil }
        let layers = subject.result.epochs.last?.gradients ?? subject.result.lastStepGradients
        let index = n > 0 ? n - 1 : layers.count + n
        return layers.indices.contains(index) ? layers[index].meanAbsGradient : nil
    }
}

/// The last value of the scalar `tag` in the event files TensorBoard logging wrote for `run`.
private func logged(_ tag: String, run: Run?, lab: Lab) -> Float? {
    guard let run, let folder = lab.tensorboard?.directory.appendingPathComponent(run.name) else { return nil }
    return (try? TensorBoardReader.scalars(inRun: folder))?.last(where: { $0.tag == tag })?.value
}

/// N of "grad(N)" (non-zero), or nil when `name` is not of that form.
package func gradientLayerNumber(_ name: String) -> Int? {
    guard name.hasPrefix("grad("), name.hasSuffix(")") else { return nil }
    guard let n = Int(String(name.dropFirst(5).dropLast().filter { $0 != " " })), n != 0 else { return nil }
    return n
}

/// The evaluation `eval_*` figures read: the named run's latest, or the session's latest `eval`.
private func latestEvaluation(run: Run?, lab: Lab) -> Evaluation? {
    if let run { return run.latestEvaluation?.evaluation }
    return lab.results.lastEvaluation?.evaluation
}

/// A figure as shown in checks and measured lines: four decimals, or three significant digits
/// in scientific notation when four decimals would hide it (gradients of 0.000001).
public func figureText(_ x: Float) -> String {
    guard x.isFinite else { return NumberFormat.fourDecimals(x) }
    if x == 0 || abs(x) >= 0.01 { return NumberFormat.fourDecimals(x) }
    return String(format: "%.2e", Double(x))
}
