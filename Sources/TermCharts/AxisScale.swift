// AxisScale: maps data values to a 0...1 position along an axis and picks readable ticks.
// Linear axes use "nice" steps (1, 2 or 5 x 10^k) so labels are round numbers; log axes put ticks
// on powers of ten. Shared by the terminal charts and the SVG/PNG renderers, so a chart has the
// same axes in every medium.
//
// Not here: drawing. Values a scale cannot place (NaN, infinities, and <= 0 on a log scale) map to nil
// and are skipped by the charts.

import Foundation
import LabKit

/// Linear or base-10 logarithmic.
public enum ScaleKind: Sendable, Hashable {
    case linear
    case log
}

/// A resolved axis: its bounds, tick values and tick labels.
public struct AxisScale: Sendable, Equatable {
    public var kind: ScaleKind
    /// Bottom (or left) of the axis, in data units.
    public var lower: Double
    /// Top (or right) of the axis, in data units.
    public var upper: Double
    /// Tick positions in data units, ascending, all inside lower...upper.
    public var ticks: [Double]
    /// One label per tick.
    public var labels: [String]

    /// Position of `value` along the axis, 0 at `lower` and 1 at `upper` (outside 0...1, at most a few
    /// axis lengths, when the value is out of range); nil when the value cannot be placed.
    public func fraction(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        let f: Double
        switch kind {
        case .linear:
            let span = upper - lower
            f = span > 0 ? (value - lower) / span : 0.5
        case .log:
            guard value > 0, lower > 0 else { return nil }
            let lo = log10(lower), hi = log10(upper)
            f = hi > lo ? (log10(value) - lo) / (hi - lo) : 0.5
        }
        guard !f.isNaN else { return nil }
        // Far-off values are pulled in to a few axis lengths away: drawing clips them anyway, and
        // pixel arithmetic on 1e300 would overflow.
        return min(9, max(-8, f))
    }

    // MARK: - Linear

    /// A linear axis over the data range, or over `fixed` if given.
    /// - Parameters:
    ///   - maxTicks: at most this many ticks (at least 2).
    ///   - extend: widen the range outward to whole tick steps (y axes); false keeps the data range (x axes).
    ///   - integerSteps: never step below 1 (epochs and steps are integers).
    public static func linear(dataMin: Double, dataMax: Double, fixed: ClosedRange<Double>? = nil,
                              maxTicks: Int, extend: Bool, integerSteps: Bool = false) -> AxisScale {
        var lo = fixed?.lowerBound ?? dataMin
        var hi = fixed?.upperBound ?? dataMax
        if !lo.isFinite || !hi.isFinite || lo > hi { lo = 0; hi = 1 }
        if hi == lo {
            // Flat data: open a window around it so the line sits mid-chart instead of dividing by zero.
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= pad
            hi += pad
        }
        if !(hi - lo).isFinite {
            // 1e308 - (-1e308) overflows: keep the span representable.
            lo = max(lo, -8e307)
            hi = min(hi, 8e307)
        }
        let maxTicks = max(2, maxTicks)
        var step = niceStep(atLeast: (hi - lo) / Double(maxTicks - 1))
        if integerSteps { step = max(step, 1) }
        var extended = false
        if extend && fixed == nil {
            // Widen to whole steps; the wider range may then need a coarser step. With two ticks
            // and zero inside the data no widening works, so give up after a while and keep the data range.
            var candidate = step
            for _ in 0..<12 {
                let a = floor(lo / candidate + 1e-9) * candidate
                let b = ceil(hi / candidate - 1e-9) * candidate
                if a.isFinite, b.isFinite, whole((b - a) / candidate) + 1 <= maxTicks {
                    lo = a
                    hi = b
                    step = candidate
                    extended = true
                    break
                }
                candidate = niceStep(above: candidate)
            }
        }
        if !extended {
            for _ in 0..<12 where whole(floor(hi / step + 1e-9) - ceil(lo / step - 1e-9)) + 1 > maxTicks {
                step = niceStep(above: step)
            }
        }
        let first = whole(ceil(lo / step - 1e-9))
        let last = whole(floor(hi / step + 1e-9))
        var ticks: [Double] = []
        if first <= last && last - first < 100 {
            for i in first...last { ticks.append(Double(i) * step) }
        }
        return AxisScale(kind: .linear, lower: lo, upper: hi, ticks: ticks, labels: linearLabels(ticks, step: step))
    }

    /// Labels with just enough decimals for the step; scientific when the numbers get huge or tiny.
    static func linearLabels(_ ticks: [Double], step: Double) -> [String] {
        let biggest = ticks.map(abs).max() ?? 0
        if biggest >= 1e6 || step < 1e-4 {
            let stepExponent = Int(floor(log10(step)))
            return ticks.map { t in
                if t == 0 { return "0" }
                let digits = max(1, Int(floor(log10(abs(t)))) - stepExponent + 1)
                return NumberFormat.scientific(t, significant: min(6, digits))
            }
        }
        let decimals = max(0, -Int(floor(log10(step) + 1e-9)))
        return ticks.map { NumberFormat.fixed($0, decimals: decimals) }
    }

    // MARK: - Logarithmic

    /// A log axis spanning whole decades around the positive data (or `fixed`); ticks on powers of ten,
    /// every k-th decade when there are more decades than `maxTicks`.
    /// With no positive data the axis is 0.1...10.
    public static func log(dataMin: Double, dataMax: Double, fixed: ClosedRange<Double>? = nil,
                           maxTicks: Int) -> AxisScale {
        // A fixed range must be positive and finite to mean anything on a log axis.
        let fixed = fixed.flatMap { $0.lowerBound > 0 && $0.upperBound.isFinite && $0.lowerBound >= 1e-300 ? $0 : nil }
        var lo = fixed?.lowerBound ?? dataMin
        var hi = fixed?.upperBound ?? dataMax
        if !(lo > 0) || !lo.isFinite || !(hi > 0) || !hi.isFinite || lo > hi { lo = 0.1; hi = 10 }
        // Exponents are kept where powers of ten are still normal Doubles.
        var lowExp = max(-300, min(300, Int(floor(log10(lo) + 1e-9))))
        var highExp = max(-300, min(300, Int(ceil(log10(hi) - 1e-9))))
        if fixed == nil && lowExp == highExp { lowExp -= 1; highExp += 1 }
        if fixed != nil { lowExp = min(lowExp, highExp); highExp = max(highExp, lowExp) }
        let maxTicks = max(2, maxTicks)
        var every = 1
        while (highExp - lowExp) / every + 1 > maxTicks { every += 1 }
        if fixed == nil && every > 1 {
            lowExp = Int(floor(Double(lowExp) / Double(every))) * every
            highExp = Int(ceil(Double(highExp) / Double(every))) * every
        }
        let lower = fixed?.lowerBound ?? pow(10, Double(lowExp))
        let upper = fixed?.upperBound ?? pow(10, Double(highExp))
        var exponents: [Int] = []
        var e = Int(ceil(Double(lowExp) / Double(every))) * every
        while e <= highExp {
            let v = pow(10, Double(e))
            if v >= lower * (1 - 1e-9) && v <= upper * (1 + 1e-9) { exponents.append(e) }
            e += every
        }
        let plainDecimals = exponents.allSatisfy { (-3...4).contains($0) }
        let labels = exponents.map { e in
            plainDecimals ? NumberFormat.fixed(pow(10, Double(e)), decimals: max(0, -e)) : "1e" + String(e)
        }
        return AxisScale(kind: .log, lower: lower, upper: upper,
                         ticks: exponents.map { pow(10, Double($0)) }, labels: labels)
    }

    // MARK: - Nice numbers

    /// A rounded Double as an Int, clamped so NaN or huge values cannot trap.
    static func whole(_ v: Double) -> Int {
        guard v.isFinite else { return v.isNaN ? 0 : (v > 0 ? 1 << 40 : -(1 << 40)) }
        return Int(max(-1e12, min(1e12, v.rounded())))
    }

    /// The smallest 1, 2 or 5 x 10^k that is >= `raw`.
    static func niceStep(atLeast raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        let exponent = floor(log10(raw))
        let base = pow(10, exponent)
        for m in [1.0, 2, 5, 10] where m * base >= raw * (1 - 1e-9) { return (m * base).isFinite ? m * base : raw }
        return raw
    }

    /// The next nice step above `step`.
    static func niceStep(above step: Double) -> Double { niceStep(atLeast: step * 1.0001) }
}
