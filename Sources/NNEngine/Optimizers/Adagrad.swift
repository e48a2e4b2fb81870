// Adagrad (Duchi et al. 2011), as Keras 3 computes it:
//   a += g²;   w -= lr * g / sqrt(a + epsilon)        a starts at initial_accumulator (0.1)

/// Per-weight learning rates that shrink as squared gradients accumulate.
struct AdagradRule: UpdateRule {
    let initialAccumulator: Float
    let epsilon: Float
    var slotNames: [String] { ["accumulator"] }
    var initialSlotValue: Float { initialAccumulator }

    func apply(value w: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>,
               slots: [UnsafeMutablePointer<Float>], count n: Int, learningRate lr: Float, step t: Int) {
        let a = slots[0], eps = epsilon
        for i in 0..<n {
            let gi = g[i]
            let ai = a[i] + gi * gi
            a[i] = ai
            w[i] -= lr * gi / (ai + eps).squareRoot()
        }
    }
}
