// Adadelta (Zeiler 2012), as Keras 3 computes it:
//   a = rho * a + (1 - rho) * g²
//   d = -sqrt(s + epsilon) / sqrt(a + epsilon) * g
//   s = rho * s + (1 - rho) * d²
//   w += lr * d

import CKernels

/// Step sizes from running averages of squared gradients and squared past steps.
struct AdadeltaRule: UpdateRule {
    let rho: Float
    let epsilon: Float
    var slotNames: [String] { ["accumulated_grad", "accumulated_delta"] }

    func apply(value w: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>,
               slots: [UnsafeMutablePointer<Float>], count n: Int, learningRate lr: Float, step t: Int) {
        nn_adadelta(w, g, slots[0], slots[1], n, lr, rho, epsilon)   // vectorized in CKernels
    }
}
