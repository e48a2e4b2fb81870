// Kernels: small elementwise loops shared by layers and optimizers. Kept simple enough that
// the compiler vectorizes them (load first, then a branch-free select).

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
        var acc = SIMD8<Float>()
        let n8 = count / 8 * 8
        var i = 0
        while i < n8 {
            let v = UnsafeRawPointer(data + i).loadUnaligned(as: SIMD8<Float>.self)
            acc += v.replacing(with: -v, where: v .< 0)
            i += 8
        }
        var total = acc.sum()
        while i < count { total += abs(data[i]); i += 1 }
        return total / Float(count)
    }

    /// True when every element in use is finite.
    public var isFinite: Bool {
        for i in 0..<count where !data[i].isFinite { return false }
        return true
    }
}
