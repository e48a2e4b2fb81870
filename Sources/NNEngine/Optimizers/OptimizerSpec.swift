// OptimizerSpec: an optimizer as data: its kind, learning rate and hyper-parameters, with the
// Keras defaults, so the shell can list, complete, validate and save them. Settings are a closed
// set (OptimizerSetting): a misspelt key is an error naming the known ones, never a silent 0.

/// The optimizers of the lecture's lab and their relatives.
public enum OptimizerKind: String, Codable, CaseIterable, Sendable {
    case sgd, momentum, nesterov, adagrad, rmsprop, adadelta, adam

    /// Default learning rate (Keras 3's, except momentum/nesterov which use SGD's 0.01).
    public var defaultLearningRate: Float {
        switch self {
        case .sgd, .momentum, .nesterov: 0.01
        case .adagrad, .rmsprop, .adadelta, .adam: 0.001
        }
    }

    /// Hyper-parameters besides `lr`, with defaults and a one-line meaning.
    public var hyperParameters: [(key: OptimizerSetting, value: Float, meaning: String)] {
        switch self {
        case .sgd: []
        case .momentum, .nesterov: [(.momentum, 0.9, "fraction of the previous step kept")]
        case .adagrad: [(.initialAccumulator, 0.1, "starting sum of squared gradients"),
                        (.epsilon, 1e-7, "keeps the division finite")]
        case .rmsprop: [(.rho, 0.9, "decay of the squared-gradient average"),
                        (.epsilon, 1e-7, "keeps the division finite")]
        case .adadelta: [(.rho, 0.95, "decay of both running averages"),
                         (.epsilon, 1e-7, "keeps the division finite")]
        case .adam: [(.beta1, 0.9, "decay of the gradient average (first moment)"),
                     (.beta2, 0.999, "decay of the squared-gradient average (second moment)"),
                     (.epsilon, 1e-7, "keeps the division finite")]
        }
    }

    /// One line for help texts.
    public var summary: String {
        switch self {
        case .sgd: "plain gradient descent: w -= lr * g"
        case .momentum: "gradient descent with a velocity that remembers past steps"
        case .nesterov: "momentum that looks ahead before it steps"
        case .adagrad: "per-weight rates that shrink as squared gradients add up"
        case .rmsprop: "per-weight rates from a decaying average of squared gradients"
        case .adadelta: "rates from running averages of gradients and of past steps"
        case .adam: "momentum plus RMSProp with bias correction (the lab's choice)"
        }
    }
}

/// A hyper-parameter of some optimizer besides the learning rate.
public enum OptimizerSetting: String, Codable, CodingKeyRepresentable, CaseIterable, Sendable {
    case momentum
    case initialAccumulator = "initial_accumulator"
    case rho, epsilon, beta1, beta2

    /// The setting named `key` ("epsilon"), or an error naming every known key.
    public init(key: String) throws(OptimizerSettingError) {
        guard let setting = OptimizerSetting(rawValue: key) else { throw .unknown(key) }
        self = setting
    }
}

/// A key that names no optimizer setting ("epsilom").
public enum OptimizerSettingError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknown(String)

    public var description: String {
        switch self {
        case .unknown(let key):
            "unknown optimizer setting '\(key)'; the settings are "
                + OptimizerSetting.allCases.map(\.rawValue).joined(separator: ", ")
        }
    }
}

/// An optimizer's kind and settings.
public struct OptimizerSpec: Codable, Equatable, Sendable {
    public var kind: OptimizerKind
    public var learningRate: Float
    /// Hyper-parameters (see `OptimizerKind.hyperParameters`); missing ones take defaults.
    public var settings: [OptimizerSetting: Float]

    public init(_ kind: OptimizerKind, learningRate: Float? = nil, settings: [OptimizerSetting: Float] = [:]) {
        self.kind = kind
        self.learningRate = learningRate ?? kind.defaultLearningRate
        self.settings = settings
    }

    /// The value of a hyper-parameter of this kind, or its default.
    public func value(_ setting: OptimizerSetting) -> Float {
        let defaultValue = kind.hyperParameters.first { $0.key == setting }?.value
        precondition(defaultValue != nil, "\(kind.rawValue) has no setting \(setting.rawValue)")
        return settings[setting] ?? defaultValue ?? 0
    }

    /// `adam(lr=0.001, beta1=0.9, beta2=0.999, epsilon=1e-07)`.
    public var description: String {
        let rest = kind.hyperParameters.map { "\($0.key.rawValue)=\(value($0.key))" }
        return "\(kind.rawValue)(" + (["lr=\(learningRate)"] + rest).joined(separator: ", ") + ")"
    }

    func makeRule() -> any UpdateRule {
        switch kind {
        case .sgd: SGDRule()
        case .momentum: MomentumRule(momentum: value(.momentum), nesterov: false)
        case .nesterov: MomentumRule(momentum: value(.momentum), nesterov: true)
        case .adagrad: AdagradRule(initialAccumulator: value(.initialAccumulator), epsilon: value(.epsilon))
        case .rmsprop: RMSPropRule(rho: value(.rho), epsilon: value(.epsilon))
        case .adadelta: AdadeltaRule(rho: value(.rho), epsilon: value(.epsilon))
        case .adam: AdamRule(beta1: value(.beta1), beta2: value(.beta2), epsilon: value(.epsilon))
        }
    }
}
