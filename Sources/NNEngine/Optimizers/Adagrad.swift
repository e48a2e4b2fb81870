// Adagrad (Duchi et al. 2011), as Keras 3 computes it:
//   a += g²;   w -= lr * g / sqrt(a + epsilon)        a starts at initial_accumulator (0.1)

import CKernels

/// Per-weight learning rates that shrink as squared gradients accumulate.
struct AdagradRule: UpdateRule {
    let initialAccumulator: Float
    let epsilon: Float
    var slotNames: [String] { ["accumulator"] }
    var initialSlotValue: Float { initialAccumulator }

    func apply(value w: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>,
               slots: [UnsafeMutablePointer<Float>], count n: Int, learningRate lr: Float, step t: Int) {
        nn_adagrad(w, g, slots[0], n, lr, epsilon)   // vectorized in CKernels
    }
}
