// LSTM: long short-term memory (Hochreiter & Schmidhuber 1997), trained by backpropagation
// through time. Same sequence layout as SimpleRNN (B = batch, T = steps, F = features, H = units).
//
// Gates in Keras's order i, f, g, o, side by side in one 4H-wide product:
//   z_t = x_t Wx + h_{t-1} Wh + b                       (B x 4H)
//   i = σ(z_i)  f = σ(z_f)  g = tanh(z_g)  o = σ(z_o)
//   c_t = f ⊙ c_{t-1} + i ⊙ g,   h_t = o ⊙ tanh(c_t),   h_0 = c_0 = 0
// Usual starts: Wx from the layer's initializer, Wh orthogonal per gate, forget bias 1.

import Foundation
import NNCore

/// A long short-term memory layer.
public final class LSTM: Layer {
    public let name: String
    public let inputWidth: Int
    public let units: Int
    public let steps: Int
    public let returnSequences: Bool
    public let kernel: Parameter          // Wx  F x 4H
    public let recurrentKernel: Parameter // Wh  H x 4H
    public let bias: Parameter            // b   1 x 4H

    public private(set) var output: Matrix
    private var gates: Matrix             // activated i, f, g, o for every step: B x T·4H
    private var cells: Matrix             // c_t for every step: B x T·H
    private var hidden: Matrix            // h_t for every step: B x T·H
    private var dh: Matrix, dc: Matrix    // B x H, flowing back in time
    private var dz: Matrix                // B x 4H
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
        kernel = Parameter(name: "\(name).weight", rows: inputWidth / steps, cols: 4 * units)
        recurrentKernel = Parameter(name: "\(name).recurrent", rows: units, cols: 4 * units)
        bias = Parameter(name: "\(name).bias", rows: 1, cols: 4 * units)
        output = Matrix(rows: 0, cols: returnSequences ? steps * units : units)
        gates = Matrix(rows: 0, cols: steps * 4 * units)
        cells = Matrix(rows: 0, cols: steps * units)
        hidden = Matrix(rows: 0, cols: steps * units)
        dh = Matrix(rows: 0, cols: units)
        dc = Matrix(rows: 0, cols: units)
        dz = Matrix(rows: 0, cols: 4 * units)
    }

    public func reserve(batch: Int) {
        ensureCapacity(&output, batch: batch, cols: outputWidth)
        ensureCapacity(&gates, batch: batch, cols: steps * 4 * units)
        ensureCapacity(&cells, batch: batch, cols: steps * units)
        ensureCapacity(&hidden, batch: batch, cols: steps * units)
        ensureCapacity(&dh, batch: batch, cols: units)
        ensureCapacity(&dc, batch: batch, cols: units)
        ensureCapacity(&dz, batch: batch, cols: 4 * units)
    }

    public func forward(_ inputs: [Matrix], context: ForwardContext) -> Matrix {
        let x = inputs[0]
        precondition(x.cols == inputWidth, "\(name): input has \(x.cols) columns, expected \(inputWidth)")
        reserve(batch: x.rows)
        input = x
        let B = x.rows, H = units, G = 4 * units, F = features
        let gld = steps * G, hld = steps * H
        gates.resize(rows: B); cells.resize(rows: B); hidden.resize(rows: B)
        let b = bias.value.data
        for t in 0..<steps {
            let z = gates.data + t * G
            BLAS.gemm(m: B, n: G, k: F, x.data + t * F, lda: inputWidth, kernel.value.data, ldb: G, z, ldc: gld)
            if t > 0 {
                BLAS.gemm(m: B, n: G, k: H, hidden.data + (t - 1) * H, lda: hld, recurrentKernel.value.data, ldb: G,
                          z, ldc: gld, beta: 1)
            }
            for r in 0..<B {
                let zr = z + r * gld
                let c = cells.data + r * hld + t * H, h = hidden.data + r * hld + t * H
                let cPrev: UnsafeMutablePointer<Float>? = t > 0 ? cells.data + r * hld + (t - 1) * H : nil
                for j in 0..<H {
                    let i = Activation.sigmoidValue(zr[j] + b[j])
                    let f = Activation.sigmoidValue(zr[H + j] + b[H + j])
                    let g = Math.tanh(zr[2 * H + j] + b[2 * H + j])
                    let o = Activation.sigmoidValue(zr[3 * H + j] + b[3 * H + j])
                    zr[j] = i; zr[H + j] = f; zr[2 * H + j] = g; zr[3 * H + j] = o
                    let cell = f * (cPrev?[j] ?? 0) + i * g
                    c[j] = cell
                    h[j] = o * Math.tanh(cell)
                }
            }
        }
        output.resize(rows: B)
        if returnSequences {
            output.copy(from: hidden)
        } else {
            for r in 0..<B { (output.data + r * H).update(from: hidden.data + r * hld + (steps - 1) * H, count: H) }
        }
        return output
    }

    public func backward(_ gradient: Matrix, into sinks: [GradientSink]) {
        guard let x = input else { preconditionFailure("\(name): backward before forward") }
        let B = x.rows, H = units, G = 4 * units, F = features
        let gld = steps * G, hld = steps * H
        dh.resize(rows: B); dc.resize(rows: B); dz.resize(rows: B)
        dh.fill(0); dc.fill(0)
        kernel.gradient.fill(0); recurrentKernel.gradient.fill(0); bias.gradient.fill(0)
        let sink = sinks[0]
        if let dx = sink.matrix { dx.resize(rows: B) }
        for t in stride(from: steps - 1, through: 0, by: -1) {
            if returnSequences || t == steps - 1 {
                let go = gradient.data, ld = gradient.cols, off = returnSequences ? t * H : 0
                for r in 0..<B { for j in 0..<H { dh.data[r * H + j] += go[r * ld + off + j] } }
            }
            for r in 0..<B {
                let a = gates.data + r * gld + t * G
                let c = cells.data + r * hld + t * H
                let cPrev: UnsafeMutablePointer<Float>? = t > 0 ? cells.data + r * hld + (t - 1) * H : nil
                let dhr = dh.data + r * H, dcr = dc.data + r * H, dzr = dz.data + r * G
                for j in 0..<H {
                    let i = a[j], f = a[H + j], g = a[2 * H + j], o = a[3 * H + j]
                    let tc = Math.tanh(c[j])
                    let dcell = dcr[j] + dhr[j] * o * (1 - tc * tc)
                    dzr[j] = dcell * g * i * (1 - i)                       // input gate
                    dzr[H + j] = dcell * (cPrev?[j] ?? 0) * f * (1 - f)    // forget gate
                    dzr[2 * H + j] = dcell * i * (1 - g * g)               // candidate
                    dzr[3 * H + j] = dhr[j] * tc * o * (1 - o)             // output gate
                    dcr[j] = dcell * f                                      // to c_{t-1}
                }
            }
            BLAS.gemm(m: F, n: G, k: B, x.data + t * F, lda: inputWidth, transposeA: true, dz.data, ldb: G,
                      kernel.gradient.data, ldc: G, beta: 1)
            if t > 0 {
                BLAS.gemm(m: H, n: G, k: B, hidden.data + (t - 1) * H, lda: hld, transposeA: true, dz.data, ldb: G,
                          recurrentKernel.gradient.data, ldc: G, beta: 1)
            }
            BLAS.sumColumns(of: dz, into: bias.gradient, beta: 1)
            if let dx = sink.matrix {
                BLAS.gemm(m: B, n: F, k: G, dz.data, lda: G, kernel.value.data, ldb: G, transposeB: true,
                          dx.data + t * F, ldc: inputWidth, beta: sink.accumulate ? 1 : 0)
            }
            if t > 0 {
                BLAS.gemm(m: B, n: H, k: G, dz.data, lda: G, recurrentKernel.value.data, ldb: G, transposeB: true,
                          dh.data, ldc: H)
            } else {
                dh.fill(0)
            }
        }
    }
}

extension LSTM: Initializable {
    public func initialize(with choice: InitializerChoice, generator: SeededGenerator) {
        let H = units
        choice.weights.fill(kernel.value, fanIn: features, fanOut: 4 * H, generator: generator)
        // One orthogonal H x H block per gate.
        let block = Matrix(rows: H, cols: H)
        for gate in 0..<4 {
            fillOrthogonal(block, generator: generator)
            for r in 0..<H {
                (recurrentKernel.value.data + r * 4 * H + gate * H).update(from: block.data + r * H, count: H)
            }
        }
        choice.biases.fill(bias.value, fanIn: features, fanOut: 4 * H, generator: generator)
        for j in H..<(2 * H) { bias.value.data[j] += 1 }   // forget gate starts open (Jozefowicz et al.)
    }
}
