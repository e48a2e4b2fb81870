// FastMode: the shortened runs of `--fast` (CI and lesson checks): fewer epochs, fewer examples.

/// Shortened runs: at most `epochs` per training run, at most `limit` training examples.
public struct FastMode: Sendable, Equatable {
    public var epochs: Int?
    public var limit: Int?

    public init(epochs: Int? = nil, limit: Int? = nil) {
        self.epochs = epochs
        self.limit = limit
    }
}
