// Adam (Kingma & Ba 2015), as Keras 3 and TF1's AdamOptimizer compute it, in one fused pass:
//   m = m + (1 - beta1) * (g - m)
//   v = v + (1 - beta2) * (g² - v)
//   w -= lr * sqrt(1 - beta2^t) / (1 - beta1^t) * m / (sqrt(v) + epsilon)
// (epsilon 1e-7 as Keras; TF1 used 1e-8.)

import CKernels
import Foundation

/// Momentum on the gradient and on its square, with bias correction.
struct AdamRule: UpdateRule {
    let beta1: Float
    let beta2: Float
    let epsilon: Float
    var slotNames: [String] { ["m", "v"] }

    func apply(value w: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>,
               slots: [UnsafeMutablePointer<Float>], count n: Int, learningRate lr: Float, step t: Int) {
        let m = slots[0], v = slots[1]
        let b1 = beta1, b2 = beta2, eps = epsilon
        let alpha = Float(Double(lr) * (1 - Math.pow(Double(b2), t)).squareRoot() / (1 - Math.pow(Double(b1), t)))
        nn_adam(w, g, m, v, n, alpha, 1 - b1, 1 - b2, eps)   // the loop above, vectorized (CKernels)
    }
}
