// Recurrent layers: an Elman RNN (tanh), trained by backpropagation through time (BPTT).
//
// Sequence layout (B = batch, T = steps, F = features per step, H = units): an input row holds
// T steps of F values, step 0 first (MNIST read row by row: T = 28, F = 28). The layer outputs
// the last hidden state h_T (B x H) or, with `returnSequences`, every h_t (B x T·H).
//   h_t = tanh(x_t Wx + h_{t-1} Wh + b),  h_0 = 0
// Wx (F x H) is drawn by the layer's initializer; Wh (H x H) is orthogonal, as Keras does.

import CKernels
import Foundation
import NNCore

/// A simple recurrent layer.
public final class SimpleRNN: Layer {
    public let name: String
    public let inputWidth: Int
    public let units: Int
    public let steps: Int
    public let returnSequences: Bool
    public let kernel: Parameter          // Wx  F x H
    public let recurrentKernel: Parameter // Wh  H x H
    public let bias: Parameter            // b   1 x H

    public private(set) var output: Matrix
    private var hidden: Matrix            // every h_t, B x T·H
    private var dh: Matrix                // B x H, the gradient flowing back in time
    private var dz: Matrix                // B x H
    private var input: Matrix?

    public var features: Int { inputWidth / steps }
    public var outputWidth: Int { returnSequences ? steps * units : units }
    public var parameters: [Parameter] { [kernel, recurrentKernel, bias] }

    public init(name: String, inputWidth: Int, units: Int, steps: Int, returnSequences: Bool) {
        precondition(steps > 0 && inputWidth % steps == 0, "\(name): width \(inputWidth) is not \(steps) equal steps")
        self.name = name
        self.inputWidth = inputWidth
        self.units = units
        self.steps = steps
        self.returnSequences = returnSequences
        kernel = Parameter(name: "\(name).weight", rows: inputWidth / steps, cols: units)
        recurrentKernel = Parameter(name: "\(name).recurrent", rows: units, cols: units)
        bias = Parameter(name: "\(name).bias", rows: 1, cols: units)
        output = Matrix(rows: 0, cols: returnSequences ? steps * units : units)
        hidden = Matrix(rows: 0, cols: steps * units)
        dh = Matrix(rows: 0, cols: units)
        dz = Matrix(rows: 0, cols: units)
    }

    public func reserve(batch: Int) {
        ensureCapacity(&output, batch: batch, cols: outputWidth)
        ensureCapacity(&hidden, batch: batch, cols: steps * units)
        ensureCapacity(&dh, batch: batch, cols: units)
        ensureCapacity(&dz, batch: batch, cols: units)
    }

    public func forward(_ inputs: [Matrix], context: ForwardContext) -> Matrix {
        let x = inputs[0]
        precondition(x.cols == inputWidth, "\(name): input has \(x.cols) columns, expected \(inputWidth)")
        reserve(batch: x.rows)
        input = x
        let B = x.rows, H = units, F = features, ld = steps * H
        hidden.resize(rows: B)
        for t in 0..<steps {
            let h = hidden.data + t * H
            // z = x_t Wx (+ h_{t-1} Wh) + b, then tanh, written straight into h_t's slice.
            BLAS.gemm(m: B, n: H, k: F, x.data + t * F, lda: inputWidth, kernel.value.data, ldb: H, h, ldc: ld)
            if t > 0 {
                BLAS.gemm(m: B, n: H, k: H, hidden.data + (t - 1) * H, lda: ld, recurrentKernel.value.data, ldb: H,
                          h, ldc: ld, beta: 1)
            }
            let b = bias.value.data
            for r in 0..<B {
                let row = h + r * ld
                for j in 0..<H { row[j] = row[j] + b[j] }
                nn_tanh(row, H)
            }
        }
        output.resize(rows: B)
        if returnSequences {
            output.copy(from: hidden)
        } else {
            for r in 0..<B { (output.data + r * H).update(from: hidden.data + r * ld + (steps - 1) * H, count: H) }
        }
        return output
    }

    public func backward(_ gradient: Matrix, into sinks: [GradientSink]) {
        guard let x = input else { preconditionFailure("\(name): backward before forward") }
        let B = x.rows, H = units, F = features, ld = steps * H
        dh.resize(rows: B); dz.resize(rows: B)
        dh.fill(0)
        kernel.gradient.fill(0); recurrentKernel.gradient.fill(0); bias.gradient.fill(0)
        let sink = sinks[0]
        if let dx = sink.matrix { dx.resize(rows: B) }
        for t in stride(from: steps - 1, through: 0, by: -1) {
            // dh += d(cost)/d(h_t) from the output
            if returnSequences || t == steps - 1 {
                let go = gradient.data, gld = gradient.cols, off = returnSequences ? t * H : 0
                for r in 0..<B { for j in 0..<H { dh.data[r * H + j] += go[r * gld + off + j] } }
            }
            // dz = dh * (1 - h_t²)
            let h = hidden.data + t * H
            for r in 0..<B {
                for j in 0..<H { let v = h[r * ld + j]; dz.data[r * H + j] = dh.data[r * H + j] * (1 - v * v) }
            }
            BLAS.gemm(m: F, n: H, k: B, x.data + t * F, lda: inputWidth, transposeA: true, dz.data, ldb: H,
                      kernel.gradient.data, ldc: H, beta: 1)                                   // dWx += x_tᵀ dz
            if t > 0 {
                BLAS.gemm(m: H, n: H, k: B, hidden.data + (t - 1) * H, lda: ld, transposeA: true, dz.data, ldb: H,
                          recurrentKernel.gradient.data, ldc: H, beta: 1)                      // dWh += h_{t-1}ᵀ dz
            }
            BLAS.sumColumns(of: dz, into: bias.gradient, beta: 1)
            if let dx = sink.matrix {                                                          // dx_t = dz Wxᵀ
                BLAS.gemm(m: B, n: F, k: H, dz.data, lda: H, kernel.value.data, ldb: H, transposeB: true,
                          dx.data + t * F, ldc: inputWidth, beta: sink.accumulate ? 1 : 0)
            }
            if t > 0 {                                                                         // dh = dz Whᵀ
                BLAS.gemm(m: B, n: H, k: H, dz.data, lda: H, recurrentKernel.value.data, ldb: H, transposeB: true,
                          dh.data, ldc: H)
            }
        }
    }
}

extension SimpleRNN: Initializable {
    public func initialize(with choice: InitializerChoice, generator: SeededGenerator) {
        choice.weights.fill(kernel.value, fanIn: features, fanOut: units, generator: generator)
        fillOrthogonal(recurrentKernel.value, generator: generator)
        choice.biases.fill(bias.value, fanIn: features, fanOut: units, generator: generator)
    }
}

/// Fills a square matrix with a random orthogonal matrix (Gram-Schmidt on Gaussian rows), the
/// usual start for recurrent weights: repeated products neither blow up nor vanish at first.
func fillOrthogonal(_ w: Matrix, generator: SeededGenerator) {
    let n = w.rows
    precondition(w.cols == n, "orthogonal init needs a square matrix, got \(w.shape)")
    let p = w.data
    for i in 0..<(n * n) { p[i] = generator.normal() }
    for i in 0..<n {
        let row = p + i * n
        for j in 0..<i {
            let other = p + j * n
            var dot: Float = 0
            for k in 0..<n { dot += row[k] * other[k] }
            for k in 0..<n { row[k] -= dot * other[k] }
        }
        var norm: Float = 0
        for k in 0..<n { norm += row[k] * row[k] }
        let inv = 1 / max(norm.squareRoot(), 1e-12)
        for k in 0..<n { row[k] *= inv }
    }
}
