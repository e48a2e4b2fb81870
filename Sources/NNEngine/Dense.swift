// Dense: a fully connected layer with its activation fused in, y = f(x W + b).
//
// Shapes (B = batch rows, I = inputs, U = units, k = maxout pieces, 1 otherwise):
//   x (B x I), W (I x U·k), b (1 x U·k), z = x W + b (B x U·k), y = f(z) (B x U)
// W is stored I x U·k as Keras stores its kernel; PyTorch's Linear.weight is its transpose.
// When the network's loss is fused with this layer's activation (softmax + cross-entropy,
// sigmoid + binary cross-entropy), `backward` receives dz directly and skips f'.

/// A fully connected layer: weights, bias and a fused activation.
public final class Dense: Layer {
    public let name: String
    public let inputWidth: Int
    public let units: Int
    public let activation: Activation
    public let weight: Parameter
    public let bias: Parameter
    /// Set by the network when the loss supplies d(cost)/dz for this (output) layer.
    public var lossFusedActivation = false

    public private(set) var output: Matrix
    private var preActivation: Matrix      // z, only kept for maxout (B x U·k)
    private var dz: Matrix                 // B x U·k
    private var argmax: [Int32] = []       // maxout winners, B x U
    private var input: Matrix?             // x of the latest forward pass

    public var outputWidth: Int { units }
    public var parameters: [Parameter] { [weight, bias] }
    private var width: Int { units * activation.piecesPerUnit }

    public init(name: String, inputWidth: Int, units: Int, activation: Activation) {
        precondition(inputWidth > 0 && units > 0, "Dense(\(name)): input width \(inputWidth) and units \(units) must be > 0")
        self.name = name
        self.inputWidth = inputWidth
        self.units = units
        self.activation = activation
        let w = units * activation.piecesPerUnit
        weight = Parameter(name: "\(name).weight", rows: inputWidth, cols: w)
        bias = Parameter(name: "\(name).bias", rows: 1, cols: w)
        output = Matrix(rows: 0, cols: units)
        preActivation = Matrix(rows: 0, cols: w)
        dz = Matrix(rows: 0, cols: w)
    }

    public func reserve(batch: Int) {
        ensureCapacity(&output, batch: batch, cols: units)
        ensureCapacity(&dz, batch: batch, cols: width)
        if case .maxout = activation {
            ensureCapacity(&preActivation, batch: batch, cols: width)
            if argmax.count < batch * units { argmax = [Int32](repeating: 0, count: batch * units) }
        }
    }

    // MARK: - Forward

    public func forward(_ inputs: [Matrix], context: ForwardContext) -> Matrix {
        let x = inputs[0]
        precondition(x.cols == inputWidth, "\(name): input has \(x.cols) columns, the layer expects \(inputWidth)")
        reserve(batch: x.rows)
        input = x
        let rows = x.rows
        if case .maxout(let k) = activation {
            BLAS.gemm(x, weight.value, into: preActivation)
            BLAS.addRowVector(bias.value, to: preActivation)
            output.resize(rows: rows)
            maxoutForward(k: k, rows: rows)
            return output
        }
        BLAS.gemm(x, weight.value, into: output)          // z = x W   (B x U)
        let b = bias.value.data, n = units
        for r in 0..<rows {                                // y = f(z + b), one pass per row
            let row = output.data + r * n
            for j in 0..<n { row[j] += b[j] }
            activation.applyInPlace(row, count: n)
        }
        if activation == .softmax { Activation.softmaxRows(output.data, rows: rows, cols: n) }
        return output
    }

    private func maxoutForward(k: Int, rows: Int) {
        let z = preActivation.data, y = output.data
        argmax.withUnsafeMutableBufferPointer { winners in
            for r in 0..<rows {
                for u in 0..<units {
                    let base = r * units * k + u * k
                    var best = z[base], at = 0
                    for p in 1..<k where z[base + p] > best { best = z[base + p]; at = p }
                    y[r * units + u] = best
                    winners[r * units + u] = Int32(at)
                }
            }
        }
    }

    // MARK: - Backward

    public func backward(_ gradient: Matrix, into sinks: [GradientSink]) {
        guard let x = input else { preconditionFailure("\(name): backward before forward") }
        let rows = gradient.rows
        precondition(gradient.cols == units && rows == x.rows,
                     "\(name): gradient is \(gradient.shape), output is \(x.rows)x\(units)")
        dz.resize(rows: rows)
        // dz = dy * f'(y), and the bias gradient (column sums of dz) in the same pass.
        let db = bias.gradient.data
        db.update(repeating: 0, count: width)
        if case .maxout(let k) = activation {
            dz.fill(0)
            argmax.withUnsafeBufferPointer { winners in
                for i in 0..<(rows * units) {
                    let r = i / units, u = i % units
                    dz.data[r * units * k + u * k + Int(winners[i])] = gradient.data[i]
                }
            }
            BLAS.sumColumns(of: dz, into: bias.gradient)
        } else {
            let n = units
            if lossFusedActivation {
                dz.copy(from: gradient)
            } else if activation == .softmax {
                Activation.softmaxBackwardRows(y: output.data, dy: gradient.data, dz: dz.data, rows: rows, cols: n)
            } else {
                for r in 0..<rows {
                    let o = r * n
                    activation.gradient(y: output.data + o, dy: gradient.data + o, dz: dz.data + o, count: n)
                }
            }
            for r in 0..<rows {
                let row = dz.data + r * n
                for j in 0..<n { db[j] += row[j] }
            }
        }
        BLAS.gemm(x, transposeA: true, dz, into: weight.gradient)              // dW = xᵀ dz  (I x U·k)
        if let dx = sinks[0].matrix {                                          // dx = dz Wᵀ  (B x I)
            BLAS.gemm(dz, weight.value, transposeB: true, into: dx, beta: sinks[0].accumulate ? 1 : 0)
        }
    }
}
