// RMSProp (Hinton's lecture 6e), as Keras 3 computes it (no momentum, not centred):
//   v = rho * v + (1 - rho) * g²;   w -= lr * g / sqrt(v + epsilon)

import CKernels

/// Per-weight learning rates from a decaying average of squared gradients.
struct RMSPropRule: UpdateRule {
    let rho: Float
    let epsilon: Float
    var slotNames: [String] { ["velocity"] }

    func apply(value w: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>,
               slots: [UnsafeMutablePointer<Float>], count n: Int, learningRate lr: Float, step t: Int) {
        nn_rmsprop(w, g, slots[0], n, lr, rho, epsilon)   // vectorized in CKernels
    }
}
