// Merge layers: where paths of a graph come together (NN LEGO).
//   Add     y = x1 + x2 + ...        the fast-forward (skip / residual) connection; widths must agree
//   Concat  y = [x1 | x2 | ...]      split and merge; widths add up
// Their backward passes route the gradient unchanged (Add) or sliced by columns (Concat).

/// Sums its inputs elementwise (a skip connection).
public final class Add: Layer {
    public let name: String
    public let width: Int
    public private(set) var output: Matrix
    public var outputWidth: Int { width }
    public var parameters: [Parameter] { [] }

    public init(name: String, width: Int) {
        self.name = name
        self.width = width
        output = Matrix(rows: 0, cols: width)
    }

    public func reserve(batch: Int) { ensureCapacity(&output, batch: batch, cols: width) }

    public func forward(_ inputs: [Matrix], context: ForwardContext) -> Matrix {
        precondition(inputs.count >= 2 && inputs.allSatisfy { $0.cols == width },
                     "\(name): add needs two or more inputs of width \(width), got \(inputs.map(\.shape))")
        reserve(batch: inputs[0].rows)
        output.copy(from: inputs[0])
        let y = output.data, n = output.count
        for x in inputs.dropFirst() { let p = x.data; for i in 0..<n { y[i] += p[i] } }
        return output
    }

    public func backward(_ gradient: Matrix, into sinks: [GradientSink]) {
        let g = gradient.data, n = gradient.count
        for sink in sinks {
            guard let dx = sink.matrix else { continue }
            dx.resize(rows: gradient.rows)
            let d = dx.data
            if sink.accumulate { for i in 0..<n { d[i] += g[i] } } else { d.update(from: g, count: n) }
        }
    }
}

/// Places its inputs side by side (a merge of split paths).
public final class Concat: Layer {
    public let name: String
    public let widths: [Int]
    public private(set) var output: Matrix
    public var outputWidth: Int { widths.reduce(0, +) }
    public var parameters: [Parameter] { [] }

    public init(name: String, widths: [Int]) {
        self.name = name
        self.widths = widths
        output = Matrix(rows: 0, cols: widths.reduce(0, +))
    }

    public func reserve(batch: Int) { ensureCapacity(&output, batch: batch, cols: outputWidth) }

    public func forward(_ inputs: [Matrix], context: ForwardContext) -> Matrix {
        precondition(inputs.map(\.cols) == widths, "\(name): inputs are \(inputs.map(\.shape)), expected widths \(widths)")
        let rows = inputs[0].rows
        reserve(batch: rows)
        output.resize(rows: rows)
        let total = outputWidth
        var offset = 0
        for x in inputs {
            let w = x.cols
            for r in 0..<rows { (output.data + r * total + offset).update(from: x.data + r * w, count: w) }
            offset += w
        }
        return output
    }

    public func backward(_ gradient: Matrix, into sinks: [GradientSink]) {
        let rows = gradient.rows, total = outputWidth
        var offset = 0
        for (sink, w) in zip(sinks, widths) {
            defer { offset += w }
            guard let dx = sink.matrix else { continue }
            dx.resize(rows: rows)
            for r in 0..<rows {
                let src = gradient.data + r * total + offset, dst = dx.data + r * w
                if sink.accumulate { for j in 0..<w { dst[j] += src[j] } } else { dst.update(from: src, count: w) }
            }
        }
    }
}
