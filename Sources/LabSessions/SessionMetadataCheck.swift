// SessionMetadataCheck: a session's metadata checked like typed input before it touches the lab.
//
// A `.safetensors` file is data from disk: it may be damaged, edited by hand or written by another
// program. Every number in its metadata must lie in the range the same value has when typed
// (`Limits`, declared once in the engine): layer sizes, keep_prob, activation and initializer
// settings, the optimizer's rate and settings, the training defaults (a batch of 0 would reach the
// trainer's precondition), every run's options. Tensors must hold finite numbers only. A value out
// of range is refused by key and value, with the range; nothing is half-loaded.

import LabCore
import LabText
import NNEngine

extension WeightsContent {
    /// Throws naming the first value of the metadata that typed input would refuse.
    func checkRanges() throws(ShellError) {
        typealias K = SessionWeights.Key
        func refuse(_ key: String, _ what: String, _ value: String, _ rule: String) -> ShellError {
            ShellError(loc(.sessionMetaOutOfRange, file.path, key, what, value, rule), hint: loc(.sessionMetaEditedHint))
        }
        func number(_ x: Float, in range: NumberRange, _ key: String, _ what: String) throws(ShellError) {
            guard range.contains(x) else { throw refuse(key, what, "\(x)", range.localizedText) }
        }
        func whole(_ x: Int, in range: ClosedRange<Int>, _ key: String, _ what: String) throws(ShellError) {
            guard range.contains(x) else { throw refuse(key, what, "\(x)", loc(.rangeBetween, range.lowerBound, range.upperBound)) }
        }
        func options(_ o: TrainingOptions, _ key: String) throws(ShellError) {
            try whole(o.epochs, in: Limits.epochs, key, "epochs")
            try whole(o.batchSize, in: Limits.batchSize, key, "batch")
            if let lr = o.learningRate { try number(lr, in: Limits.learningRate, key, "lr") }
            if let k = o.keepProb { try number(k, in: Limits.keepProb, key, "keep_prob") }
        }
        func initializer(_ i: Initializer, _ key: String) throws(ShellError) {
            switch i {
            case .constant(let v): try number(v, in: Limits.initConstant, key, loc(.sessionMetaConstant))
            case .normal(let s), .truncatedNormal(let s): try number(s, in: Limits.initStddev, key, "stddev")
            case .uniform(let l): try number(l, in: Limits.initLimit, key, loc(.sessionMetaUniformLimit))
            case .rbm(let e, let lr):
                try whole(e, in: Limits.rbmEpochs, key, "rbm epochs")
                try number(lr, in: Limits.rbmLearningRate, key, "rbm lr")
            default: break
            }
        }
        func activation(_ a: Activation, _ key: String) throws(ShellError) {
            switch a {
            case .leakyReLU(let alpha), .elu(let alpha): try number(alpha, in: Limits.activationAlpha, key, "alpha")
            case .maxout(let k): try whole(k, in: Limits.maxoutPieces, key, "maxout k")
            default: break
            }
        }

        for choice in [model.initializer] + model.layers.compactMap(\.initializer) {
            try initializer(choice.weights, K.model)
            try initializer(choice.biases, K.model)
        }
        for layer in model.layers {
            switch layer.kind {
            case .dense(let units, let a):
                try whole(units, in: Limits.denseUnits, K.model, loc(.sessionMetaUnitsOf, layer.name))
                try activation(a, K.model)
            case .dropout(let keep): try number(keep, in: Limits.keepProb, K.model, loc(.sessionMetaKeepProbOf, layer.name))
            case .activation(let a): try activation(a, K.model)
            case .rnn(let units, let steps, _), .lstm(let units, let steps, _):
                try whole(units, in: Limits.recurrentUnits, K.model, loc(.sessionMetaUnitsOf, layer.name))
                try whole(steps, in: Limits.steps, K.model, loc(.sessionMetaStepsOf, layer.name))
            case .add, .concat: break
            }
        }
        // Adam's step counter goes on from here: a count near Int.max would overflow at the next step.
        if let step = optimizerStep { try whole(step, in: 0...1_000_000_000_000, K.optimizerStep, "step") }
        if let width = inputWidth { try whole(width, in: 1...100_000_000, K.inputWidth, loc(.sessionMetaInputWidth)) }
        if let spec = optimizerSpec {
            try number(spec.learningRate, in: Limits.learningRate, K.optimizer, "lr")
            for (setting, value) in spec.settings.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                guard spec.kind.hyperParameters.contains(where: { $0.key == setting }) else {
                    throw refuse(K.optimizer, loc(.sessionMetaSetting, setting.rawValue, spec.kind.rawValue), "\(value)",
                                 loc(.sessionMetaOwnSetting, spec.kind.rawValue))
                }
                try number(value, in: Limits.setting(setting), K.optimizer, setting.rawValue)
            }
        }
        if let defaults { try options(defaults, K.defaults) }
        for run in runs { try options(run.options, loc(.sessionMetaOfRun, K.runs, run.name)) }
    }
}
