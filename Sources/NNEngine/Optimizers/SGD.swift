// Gradient descent, with and without momentum (Keras 3's SGD).
//   sgd:       w -= lr * g
//   momentum:  v = momentum * v - lr * g;  w += v
//   nesterov:  v = momentum * v - lr * g;  w += momentum * v - lr * g

/// Plain gradient descent.
struct SGDRule: UpdateRule {
    var slotNames: [String] { [] }

    func apply(value w: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>,
               slots: [UnsafeMutablePointer<Float>], count n: Int, learningRate lr: Float, step t: Int) {
        for i in 0..<n { w[i] -= lr * g[i] }
    }
}

/// Gradient descent with momentum (or Nesterov's look-ahead momentum).
struct MomentumRule: UpdateRule {
    let momentum: Float
    let nesterov: Bool
    var slotNames: [String] { ["velocity"] }

    func apply(value w: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>,
               slots: [UnsafeMutablePointer<Float>], count n: Int, learningRate lr: Float, step t: Int) {
        let v = slots[0], mu = momentum
        if nesterov {
            for i in 0..<n { let gi = g[i]; let vi = mu * v[i] - lr * gi; v[i] = vi; w[i] += mu * vi - lr * gi }
        } else {
            for i in 0..<n { let vi = mu * v[i] - lr * g[i]; v[i] = vi; w[i] += vi }
        }
    }
}
