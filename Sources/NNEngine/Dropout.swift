// Dropout: inverted dropout with the lecture's keep_prob (not Keras's rate = 1 - keep_prob).
//
// Training: each unit is kept with probability keep_prob and scaled by 1 / keep_prob, so the
// expected activation is unchanged. Inference: the identity, so evaluation always runs with
// keep_prob = 1 by construction. The mask comes from the context's generator: reproducible.

/// Randomly switches units off during training; passes everything through in inference.
public final class Dropout: Layer {
    public let name: String
    public let width: Int
    /// Probability of keeping a unit during training, in (0, 1].
    public let keepProb: Float

    public private(set) var output: Matrix
    private var mask: Matrix            // 0 or 1/keep_prob per element of the latest training pass
    private var wasTraining = false
    private var bits: [UInt64] = []     // random draws for the mask, reused

    public var outputWidth: Int { width }
    public var parameters: [Parameter] { [] }

    public init(name: String, width: Int, keepProb: Float) {
        precondition(keepProb > 0 && keepProb <= 1, "Dropout(\(name)): keep_prob \(keepProb) must be in (0, 1]")
        self.name = name
        self.width = width
        self.keepProb = keepProb
        output = Matrix(rows: 0, cols: width)
        mask = Matrix(rows: 0, cols: width)
    }

    public func reserve(batch: Int) {
        ensureCapacity(&output, batch: batch, cols: width)
        ensureCapacity(&mask, batch: batch, cols: width)
        if bits.count < (batch * width + 1) / 2 { bits = [UInt64](repeating: 0, count: (batch * width + 1) / 2) }
    }

    public func forward(_ inputs: [Matrix], context: ForwardContext) -> Matrix {
        let x = inputs[0]
        precondition(x.cols == width, "\(name): input has \(x.cols) columns, expected \(width)")
        reserve(batch: x.rows)
        output.resize(rows: x.rows)
        let keep = context.keepProbOverride ?? keepProb
        wasTraining = context.mode == .training && keep < 1
        guard wasTraining else {
            output.data.update(from: x.data, count: x.count)
            return output
        }
        mask.resize(rows: x.rows)
        // Two 32-bit decisions per 64-bit draw; a unit is kept when its draw is below keep * 2^32.
        let threshold = UInt64((Double(keep) * 4_294_967_296).rounded())
        let scale = 1 / keep
        let n = x.count, m = mask.data, y = output.data, xs = x.data
        let draws = (n + 1) / 2
        if bits.count < draws { bits = [UInt64](repeating: 0, count: draws) }
        bits.withUnsafeMutableBufferPointer { buffer in
            let b = UnsafeMutableBufferPointer(rebasing: buffer[0..<draws])
            context.generator.fill(b)
            for k in 0..<(n / 2) {
                let v = b[k]
                m[2 * k] = (v & 0xFFFF_FFFF) < threshold ? scale : 0
                m[2 * k + 1] = (v >> 32) < threshold ? scale : 0
            }
            if n % 2 == 1 { m[n - 1] = (b[draws - 1] & 0xFFFF_FFFF) < threshold ? scale : 0 }
        }
        for j in 0..<n { y[j] = xs[j] * m[j] }
        return output
    }

    public func backward(_ gradient: Matrix, into sinks: [GradientSink]) {
        guard let dx = sinks[0].matrix else { return }
        dx.resize(rows: gradient.rows)
        let n = gradient.count, g = gradient.data, d = dx.data
        if wasTraining {
            let m = mask.data
            if sinks[0].accumulate { for i in 0..<n { d[i] += g[i] * m[i] } } else { for i in 0..<n { d[i] = g[i] * m[i] } }
        } else {
            if sinks[0].accumulate { for i in 0..<n { d[i] += g[i] } } else { d.update(from: g, count: n) }
        }
    }
}
