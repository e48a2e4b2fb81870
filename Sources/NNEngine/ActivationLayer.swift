// ActivationLayer: an activation on its own node (after a merge, say), y = f(x).
// A dense layer normally carries its activation; this is for graphs where one is needed alone.
// Maxout is not available here (it needs the weights of a dense layer).

/// Applies an activation to its input.
public final class ActivationLayer: Layer {
    public let name: String
    public let width: Int
    public let activation: Activation
    public private(set) var output: Matrix
    public var outputWidth: Int { width }
    public var parameters: [Parameter] { [] }

    public init(name: String, width: Int, activation: Activation) {
        precondition(activation.piecesPerUnit == 1, "ActivationLayer(\(name)): maxout needs a dense layer")
        self.name = name
        self.width = width
        self.activation = activation
        output = Matrix(rows: 0, cols: width)
    }

    public func reserve(batch: Int) { ensureCapacity(&output, batch: batch, cols: width) }

    public func forward(_ inputs: [Matrix], context: ForwardContext) -> Matrix {
        let x = inputs[0]
        precondition(x.cols == width, "\(name): input has \(x.cols) columns, expected \(width)")
        reserve(batch: x.rows)
        output.copy(from: x)
        if activation == .softmax {
            Activation.softmaxRows(output.data, rows: x.rows, cols: width)
        } else {
            activation.applyInPlace(output.data, count: output.count)
        }
        return output
    }

    public func backward(_ gradient: Matrix, into sinks: [GradientSink]) {
        guard let dx = sinks[0].matrix else { return }
        dx.resize(rows: gradient.rows)
        if sinks[0].accumulate {
            // The input has several consumers: compute each row aside, then add it in.
            withUnsafeTemporaryAllocation(of: Float.self, capacity: width) { tmp in
                for r in 0..<gradient.rows {
                    let o = r * width
                    computeRow(o, into: tmp.baseAddress!, gradient)
                    for j in 0..<width { dx.data[o + j] += tmp[j] }
                }
            }
        } else {
            for r in 0..<gradient.rows { computeRow(r * width, into: dx.data + r * width, gradient) }
        }
    }

    private func computeRow(_ o: Int, into out: UnsafeMutablePointer<Float>, _ gradient: Matrix) {
        if activation == .softmax {
            Activation.softmaxBackwardRows(y: output.data + o, dy: gradient.data + o, dz: out, rows: 1, cols: width)
        } else {
            activation.gradient(y: output.data + o, dy: gradient.data + o, dz: out, count: width)
        }
    }
}
