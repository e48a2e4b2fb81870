// Adadelta (Zeiler 2012), as Keras 3 computes it:
//   a = rho * a + (1 - rho) * g²
//   d = -sqrt(s + epsilon) / sqrt(a + epsilon) * g
//   s = rho * s + (1 - rho) * d²
//   w += lr * d

/// Step sizes from running averages of squared gradients and squared past steps.
struct AdadeltaRule: UpdateRule {
    let rho: Float
    let epsilon: Float
    var slotNames: [String] { ["accumulated_grad", "accumulated_delta"] }

    func apply(value w: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>,
               slots: [UnsafeMutablePointer<Float>], count n: Int, learningRate lr: Float, step t: Int) {
        let a = slots[0], s = slots[1], r = rho, eps = epsilon
        for i in 0..<n {
            let gi = g[i]
            let ai = r * a[i] + (1 - r) * gi * gi
            a[i] = ai
            let d = -((s[i] + eps).squareRoot() / (ai + eps).squareRoot()) * gi
            s[i] = r * s[i] + (1 - r) * d * d
            w[i] += lr * d
        }
    }
}
