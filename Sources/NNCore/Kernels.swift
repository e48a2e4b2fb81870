// Kernels: small elementwise loops shared by layers and optimizers. Kept simple enough that
// the compiler vectorizes them (load first, then a branch-free select); reductions go to CKernels.

import CKernels

extension Matrix {
    /// Largest absolute difference to `other` (same shape), for tests and checks.
    public func maxAbsDifference(_ other: Matrix) -> Float {
        precondition(rows == other.rows && cols == other.cols,
                     "maxAbsDifference: \(shape) vs \(other.shape)")
        var m: Float = 0
        for i in 0..<count { m = max(m, abs(data[i] - other.data[i])) }
        return m
    }

    /// Mean of the absolute values of the elements in use (0 for an empty matrix).
    public func meanAbs() -> Float {
        guard count > 0 else { return 0 }
        return nn_sum_abs(data, count) / Float(count)
    }

    /// True when every element in use is finite.
    public var isFinite: Bool {
        for i in 0..<count where !data[i].isFinite { return false }
        return true
    }
}
