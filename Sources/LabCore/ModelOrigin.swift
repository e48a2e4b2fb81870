// ModelOrigin: how the lab's current weights came to be; `eval` notes a model nothing has trained.

/// How the lab's weights were obtained this session.
public enum ModelOrigin: Sendable, Equatable {
    /// Only drawn by initializers: nothing has trained, pre-trained or loaded them.
    case drawn
    /// `train` ran on the lab's network.
    case trained
    /// `init rbm` pre-trained its layers.
    case pretrained
    /// `load` restored a saved session's weights.
    case loaded
}
