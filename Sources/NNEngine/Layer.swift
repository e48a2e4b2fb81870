// Layer: the contract every building block of a network keeps, and the few types it uses.
//
// A layer owns its parameters and its batch buffers. `forward` reads its inputs and returns its
// output buffer; `backward` receives the gradient of the cost with respect to that output and
// writes (or adds) the gradients with respect to its inputs into the sinks the network gives it,
// filling its parameters' gradients on the way. Buffers are allocated in `reserve(batch:)`, never
// during training.

/// Whether a forward pass is for training (dropout active) or inference (dropout is the identity).
public enum Mode: Sendable { case training, inference }

/// What a forward pass needs to know besides its inputs: the mode and the generator for any
/// random draw (dropout masks). Passed explicitly, never global.
public struct ForwardContext {
    public var mode: Mode
    public let generator: SeededGenerator
    /// When set, every dropout layer uses this keep probability instead of its own (training only).
    public var keepProbOverride: Float?

    public init(mode: Mode, generator: SeededGenerator, keepProbOverride: Float? = nil) {
        self.mode = mode
        self.generator = generator
        self.keepProbOverride = keepProbOverride
    }
}

/// A trainable tensor and the gradient of the cost with respect to it (same shape).
public final class Parameter {
    /// `"<layer>.weight"` or `"<layer>.bias"`: the name in safetensors files and exports.
    public let name: String
    public let value: Matrix
    public let gradient: Matrix

    public init(name: String, rows: Int, cols: Int) {
        self.name = name
        value = Matrix(rows: rows, cols: cols)
        gradient = Matrix(rows: rows, cols: cols)
    }

    /// Number of scalars.
    public var count: Int { value.count }
}

/// Where a layer writes the gradient for one of its inputs: `nil` when nobody needs it (the
/// model's input), `accumulate` when another consumer of the same input wrote first.
public struct GradientSink {
    public let matrix: Matrix?
    public let accumulate: Bool

    public init(matrix: Matrix?, accumulate: Bool) {
        self.matrix = matrix
        self.accumulate = accumulate
    }

    /// Writes `value` (or adds it, when accumulating) at index i.
    @inline(__always) public func store(_ p: UnsafeMutablePointer<Float>, _ i: Int, _ value: Float) {
        if accumulate { p[i] += value } else { p[i] = value }
    }
}

/// A node's computation: forward beside backward, parameters, buffers.
public protocol Layer: AnyObject {
    /// The unique node name (`dense1`, `h2`...).
    var name: String { get }
    /// Columns of the output.
    var outputWidth: Int { get }
    /// The trainable parameters (empty for dropout, activation, merges).
    var parameters: [Parameter] { get }
    /// The output buffer of the latest forward pass.
    var output: Matrix { get }
    /// Allocates batch buffers for up to `batch` rows (no-op when already large enough).
    func reserve(batch: Int)
    /// Computes the output for `inputs` (one matrix per input node, same row count).
    func forward(_ inputs: [Matrix], context: ForwardContext) -> Matrix
    /// Given d(cost)/d(output), fills parameter gradients and the input gradients' sinks
    /// (one per input, same order as in forward).
    func backward(_ gradient: Matrix, into sinks: [GradientSink])
}

extension Layer {
    /// Parameters' scalar count.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }
}

/// Reallocates `m` when it cannot hold `batch` rows (outside the training loop).
@inline(__always)
func ensureCapacity(_ m: inout Matrix, batch: Int, cols: Int) {
    if m.capacity < batch || m.cols != cols { m = Matrix(rows: batch, cols: cols, capacity: batch) }
}
